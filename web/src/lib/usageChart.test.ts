import type { UsageRecord } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import { bucketUsageByDay, chargedTokens } from "./usageChart";

function record(at: string, overrides: Partial<UsageRecord> = {}): UsageRecord {
  return {
    uid: "alice",
    requestId: `spark-${at}`,
    sparkId: `spark-${at}`,
    model: "gpt-4.1-mini",
    inputTokens: 100,
    outputTokens: 400,
    cachedInputTokens: 0,
    costUsd: 0.002,
    providerUsage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, costUsd: 0 },
    attemptLog: [],
    ideasRequested: 5,
    ideasDelivered: 5,
    cached: false,
    estimated: false,
    latencyMs: 900,
    attempts: 1,
    status: "ok",
    period: at.slice(0, 7),
    createdAt: Date.parse(at),
    campaignId: null,
    signedUpAt: null,
    firstInMonth: false,
    returning: false,
    ...overrides,
  };
}

describe("bucketUsageByDay", () => {
  it("has one zero bucket per day of an empty period", () => {
    const chart = bucketUsageByDay([], "2026-02");
    expect(chart.days).toHaveLength(28);
    expect(chart.days[0]?.day).toBe("2026-02-01");
    expect(chart.days.at(-1)?.day).toBe("2026-02-28");
    expect(chart).toMatchObject({ totalTokens: 0, totalCostUsd: 0, maxTokens: 0 });
    expect(chart.days.every((day) => day.tokens === 0 && day.requests === 0)).toBe(true);
  });

  it("adds input and output tokens and cost of the same UTC day together", () => {
    const chart = bucketUsageByDay(
      [record("2026-11-03T08:00:00Z"), record("2026-11-03T22:30:00Z", { outputTokens: 900 })],
      "2026-11",
    );
    const third = chart.days[2];
    expect(third).toEqual({
      day: "2026-11-03",
      tokens: 1_500,
      costUsd: 0.004,
      requests: 2,
      cachedRequests: 0,
    });
    expect(chart.totalTokens).toBe(1_500);
    expect(chart.maxTokens).toBe(1_500);
  });

  it("buckets by UTC day, not the viewer's local day", () => {
    const chart = bucketUsageByDay(
      [record("2026-11-03T23:59:59.999Z"), record("2026-11-04T00:00:00Z")],
      "2026-11",
    );
    expect(chart.days[2]?.requests).toBe(1);
    expect(chart.days[3]?.requests).toBe(1);
  });

  it("counts a brief-cache hit as a request with 0 tokens and no cost", () => {
    const cached = record("2026-11-05T10:00:00Z", { cached: true, costUsd: 0.5 });
    const chart = bucketUsageByDay([cached], "2026-11");
    expect(chargedTokens(cached)).toBe(0);
    expect(chart.days[4]).toMatchObject({ tokens: 0, costUsd: 0, requests: 1, cachedRequests: 1 });
    expect(chart.totalTokens).toBe(0);
  });

  it("ignores records from other months", () => {
    const chart = bucketUsageByDay(
      [record("2026-10-31T23:00:00Z"), record("2026-12-01T00:00:00Z")],
      "2026-11",
    );
    expect(chart.days).toHaveLength(30);
    expect(chart.totalTokens).toBe(0);
  });

  it("refuses a malformed period", () => {
    expect(() => bucketUsageByDay([], "2026-13")).toThrow(RangeError);
  });
});
