import { DayRollup, EMPTY_ROLLUP } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import { cacheEffect, errorRates, monthBudget, summarizeRange } from "./overviewMetrics";

const day = (fields: Partial<DayRollup>): DayRollup => DayRollup.parse(fields);

describe("overview maths", () => {
  it("adds the range's days and keeps one point per day, empty days as zeros", () => {
    const rollups = new Map([
      [
        "2026-12-01",
        day({
          requests: 10,
          providerCostMicros: 1_500_000,
          chargedCostMicros: 1_000_000,
          signups: 2,
          activeUsers: 4,
          providerInputTokens: 700,
          providerOutputTokens: 300,
          chargedTokens: 900,
        }),
      ],
      [
        "2026-12-03",
        day({ requests: 5, providerCostMicros: 250_000, chargedCostMicros: 250_000, signups: 1 }),
      ],
    ]);
    const summary = summarizeRange(["2026-12-01", "2026-12-02", "2026-12-03"], rollups);
    expect(summary.requests).toBe(15);
    expect(summary.providerUsd).toBe(1.75);
    expect(summary.chargedUsd).toBe(1.25);
    expect(summary.uncoveredUsd).toBe(0.5);
    expect(summary.signups).toBe(3);
    expect(summary.inputTokens + summary.outputTokens).toBe(1000);
    expect(summary.days.map((point) => point.requests)).toEqual([10, 0, 5]);
    expect(summary.days[1]).toEqual({
      day: "2026-12-02",
      providerUsd: 0,
      chargedUsd: 0,
      requests: 0,
      activeUsers: 0,
      signups: 0,
    });
  });

  it("ignores rollups of days outside the range", () => {
    const rollups = new Map([["2026-11-30", day({ requests: 99 })]]);
    expect(summarizeRange(["2026-12-01"], rollups).requests).toBe(0);
  });

  it("prices cache hits at the average cost of an uncached request", () => {
    // 4 uncached requests cost $2 → $0.50 each; 6 hits saved about $3.
    const effect = cacheEffect(day({ requests: 10, cached: 6, providerCostMicros: 2_000_000 }));
    expect(effect).toEqual({ hitRate: 0.6, savedUsd: 3 });
    expect(cacheEffect(EMPTY_ROLLUP)).toEqual({ hitRate: null, savedUsd: 0 });
    expect(cacheEffect(day({ requests: 3, cached: 3 }))).toEqual({ hitRate: 1, savedUsd: 0 });
  });

  it("lists error kinds by frequency and takes the error rate from requests that ended in error", () => {
    const rollup = day({
      requests: 20,
      byStatus: { ok: 16, error: 3, partial: 1 },
      errorsByKind: { "provider-timeout": 1, "provider-unavailable": 3, "quota-exceeded": 0 },
    });
    expect(errorRates(rollup)).toEqual([
      { kind: "provider-unavailable", count: 3, rate: 0.15 },
      { kind: "provider-timeout", count: 1, rate: 0.05 },
    ]);
    const summary = summarizeRange(["2026-12-01"], new Map([["2026-12-01", rollup]]));
    expect(summary.errorRate).toBe(0.15);
    expect(summarizeRange(["2026-12-01"], new Map()).errorRate).toBeNull();
  });

  it("reads p50 and p95 from the latency buckets", () => {
    const rollup = day({ requests: 20, latency: { "500": 10, "2000": 9, "8000": 1 } });
    const summary = summarizeRange(["2026-12-01"], new Map([["2026-12-01", rollup]]));
    expect(summary.p50Ms).toBe(500);
    expect(summary.p95Ms).toBe(2000);
  });

  it("sets the month's spend against the budget and forecasts the month end", () => {
    // Noon on 2026-12-16 is half of December gone: $40 spent heads for $80.
    const nowMs = Date.UTC(2026, 11, 16, 12);
    const month = monthBudget({
      spentUsd: 40,
      nowMs,
      config: { monthlyBudgetUsd: 50, budgetAlertThresholds: [0.5, 0.8, 1] },
    });
    expect(month).toEqual({
      period: "2026-12",
      spentUsd: 40,
      budgetUsd: 50,
      used: 0.8,
      forecastUsd: 80,
      forecastOverBudget: true,
      crossed: [0.5, 0.8],
    });
  });

  it("has no share and crosses nothing when no budget is set", () => {
    const month = monthBudget({
      spentUsd: 12,
      nowMs: Date.UTC(2026, 11, 2),
      config: { monthlyBudgetUsd: 0, budgetAlertThresholds: [0.5] },
    });
    expect(month.used).toBeNull();
    expect(month.crossed).toEqual([]);
    expect(month.forecastOverBudget).toBe(false);
  });
});
