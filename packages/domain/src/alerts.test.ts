import { describe, expect, it } from "vitest";
import { alertMail, AlertMail } from "./alertMail.js";
import {
  Alert,
  budgetAlertId,
  errorRateAlert,
  errorRateSpike,
  pastDayAlerts,
  planBudgetAlerts,
  providerFailuresAlert,
  providerHealth,
  spendSpike,
  spendSpikeAlert,
  spendSpikeAlertId,
  type StoredBudgetAlert,
} from "./alerts.js";
import { DEFAULT_APP_CONFIG } from "./config.js";
import type { UsageRecord } from "./usage.js";

const NOW = Date.UTC(2026, 11, 2, 12);
const config = { ...DEFAULT_APP_CONFIG, monthlyBudgetUsd: 1 };

describe("planBudgetAlerts", () => {
  const plan = (spentUsd: number, existing: StoredBudgetAlert[] = [], over = {}) =>
    planBudgetAlerts({
      period: "2026-12",
      spentUsd,
      config: { ...config, ...over },
      existing,
      nowMs: NOW,
    });
  const stored = (pct: number, resolvedAt: number | null, period = "2026-12") => ({
    id: budgetAlertId(period, pct / 100),
    period,
    threshold: pct / 100,
    resolvedAt,
    data: {},
  });

  it("names each threshold's alert by month and percent", () => {
    expect(budgetAlertId("2026-12", 0.8)).toBe("budget-2026-12-80");
    expect(budgetAlertId("2026-12", 1)).toBe("budget-2026-12-100");
    expect(budgetAlertId("2026-12", 0.333)).toBe("budget-2026-12-33.3");
  });

  it("creates the 50 % alert at $0.55 of $1, and nothing for thresholds not reached", () => {
    const result = plan(0.55);
    expect(result.create.map((c) => c.id)).toEqual(["budget-2026-12-50"]);
    expect(result.create[0]?.alert).toMatchObject({
      kind: "budget",
      severity: "info",
      period: "2026-12",
      threshold: 0.5,
      resolvedAt: null,
      createdAt: NOW,
      data: { spentUsd: 0.55, budgetUsd: 1 },
    });
    expect(Alert.safeParse(result.create[0]?.alert).success).toBe(true);
    expect(result).toMatchObject({ reopen: [], resolve: [] });
  });

  it("creates nothing again for a threshold that already fired", () => {
    expect(plan(0.6, [stored(50, null)])).toEqual({ create: [], reopen: [], resolve: [] });
  });

  it("fires 80 % and 100 % together, the 100 % one critical and naming the degrade action", () => {
    const result = plan(1.05, [stored(50, null)]);
    expect(result.create.map((c) => [c.id, c.alert.severity])).toEqual([
      ["budget-2026-12-80", "warning"],
      ["budget-2026-12-100", "critical"],
    ]);
    expect(result.create[1]?.alert.message).toMatch(/\$1\.05 of the \$1\.00 budget/);
    expect(result.create[1]?.alert.message).toMatch(/Free users are paused/);
    const cheaper = plan(1.05, [], { degradeAction: "cheaper-model" }).create[2];
    expect(cheaper?.alert.message).toMatch(/answered by gpt-5\.4-nano/);
  });

  it("resolves the alerts the spend no longer reaches once the budget is raised", () => {
    const open = [stored(50, null), stored(80, null), stored(100, null)];
    const result = plan(1.05, open, { monthlyBudgetUsd: 2 });
    // $1.05 is still above 50 % of $2, not above 80 % ($1.60) or 100 %.
    expect(result).toEqual({
      create: [],
      reopen: [],
      resolve: ["budget-2026-12-80", "budget-2026-12-100"],
    });
  });

  it("reopens a resolved threshold when the raised budget is reached too", () => {
    const known = { ...stored(100, NOW - 1_000), data: { reopenCount: 1 } };
    const result = plan(2.1, [known], { monthlyBudgetUsd: 2 });
    expect(result.reopen.map((r) => [r.id, r.alert.resolvedAt, r.alert.data.reopenCount])).toEqual([
      ["budget-2026-12-100", null, 2],
    ]);
    expect(result.create.map((c) => c.id)).toEqual(["budget-2026-12-50", "budget-2026-12-80"]);
  });

  it("counts a threshold reached exactly, whatever floating point makes of the product", () => {
    const result = plan(110, [], { monthlyBudgetUsd: 100, budgetAlertThresholds: [1.1] });
    expect(result.create.map((c) => c.id)).toEqual(["budget-2026-12-110"]);
  });

  it("resolves last month's open alerts when a new month starts", () => {
    const result = plan(0, [stored(100, null, "2026-11")]);
    expect(result).toEqual({ create: [], reopen: [], resolve: ["budget-2026-11-100"] });
  });

  it("raises nothing without a budget, and resolves what is open", () => {
    expect(plan(50, [stored(50, null)], { monthlyBudgetUsd: 0 })).toEqual({
      create: [],
      reopen: [],
      resolve: ["budget-2026-12-50"],
    });
  });
});

describe("providerHealth", () => {
  let n = 0;
  const record = (status: UsageRecord["status"], errorCode?: string) => ({
    requestId: `r${++n}`,
    status,
    createdAt: NOW - n * 1000,
    ...(errorCode ? { errorCode } : {}),
  });
  const failure = () => record("error", "provider-unavailable");

  it("reports a streak of 5 provider failures, starting at its oldest request", () => {
    const failures = [failure(), failure(), failure(), failure(), failure()];
    const health = providerHealth([...failures, record("ok")], 5);
    expect(health).toEqual({
      state: "failing",
      failures: 5,
      startRequestId: failures[4]?.requestId,
      startedAt: failures[4]?.createdAt,
      lastAt: failures[0]?.createdAt,
      startSeen: true,
    });
  });

  it("ignores running and cancelled requests inside a streak", () => {
    const recent = [failure(), record("pending"), failure(), record("cancelled"), failure()];
    expect(providerHealth(recent, 3)).toMatchObject({ state: "failing", failures: 3 });
  });

  it("does not count refusals, budget refusals or answers as provider failures", () => {
    const recent = [failure(), failure(), record("error", "budget-exhausted"), failure()];
    expect(providerHealth(recent, 3)).toEqual({ state: "undecided", failures: 2 });
    expect(providerHealth([record("refused", "moderation-refused"), failure()], 1)).toEqual({
      state: "healthy",
    });
  });

  it("says the start is unseen when every record read failed", () => {
    const health = providerHealth([failure(), failure(), failure()], 3);
    expect(health).toMatchObject({ state: "failing", startSeen: false });
  });

  it("is healthy when the newest settled request was answered, undecided on nothing", () => {
    expect(providerHealth([record("partial"), failure()], 1)).toEqual({ state: "healthy" });
    expect(providerHealth([], 5)).toEqual({ state: "undecided", failures: 0 });
  });

  it("names the alert after the streak's first request", () => {
    const failures = [failure(), failure()];
    const health = providerHealth([...failures, record("ok")], 2);
    if (health.state !== "failing") throw new Error("expected a streak");
    const { id, alert } = providerFailuresAlert(health, NOW);
    expect(id).toBe(`provider-failures-${failures[1]?.requestId}`);
    expect(alert).toMatchObject({ kind: "provider-failures", severity: "critical" });
    expect(alert.message).toMatch(/last 2 settled requests in a row/);
  });
});

describe("spendSpike", () => {
  const limits = { spendSpikeFactor: 5, spendSpikeMinUsd: 0.05 };
  const today = "2026-12-02";
  const days = (...keys: string[]): Record<string, true> =>
    Object.fromEntries(keys.map((key) => [key, true] as const));

  it("flags $0.30 today against a usual $0.025 per active day", () => {
    // Before today: $0.04 on Dec 1 and $0.06 over 3 days last month → $0.10 / 4 days.
    const quotas = [
      { providerCostMicros: 340_000, activeDays: days("2026-12-01", today) },
      {
        providerCostMicros: 60_000,
        activeDays: days("2026-11-20", "2026-11-21", "2026-11-30"),
      },
    ];
    // This month's $0.34 includes today's $0.30, leaving $0.04 for Dec 1.
    const result = spendSpike({ quotas, today, todayMicros: 300_000, config: limits });
    expect(result.spike).toBe(true);
    expect(result.todayUsd).toBeCloseTo(0.3);
    expect(result.usualDailyUsd).toBeCloseTo(0.1 / 4);
  });

  it("does not flag a steady heavy user or a day under the minimum", () => {
    const steady = [{ providerCostMicros: 400_000, activeDays: days("2026-12-01", today) }];
    expect(spendSpike({ quotas: steady, today, todayMicros: 200_000, config: limits }).spike).toBe(
      false,
    );
    const small = [{ providerCostMicros: 40_000, activeDays: days(today) }];
    expect(spendSpike({ quotas: small, today, todayMicros: 40_000, config: limits }).spike).toBe(
      false,
    );
  });

  it("flags a new account's first day once it passes the minimum", () => {
    const fresh = [{ providerCostMicros: 60_000, activeDays: days(today) }];
    const result = spendSpike({ quotas: fresh, today, todayMicros: 60_000, config: limits });
    expect(result).toEqual({ spike: true, todayUsd: 0.06, usualDailyUsd: 0 });
  });

  it("writes one alert per account per day, naming the account", () => {
    const { id, alert } = spendSpikeAlert({
      uid: "u1",
      email: "ada@example.com",
      day: today,
      figures: { spike: true, todayUsd: 0.3, usualDailyUsd: 0.025 },
      nowMs: NOW,
    });
    expect(id).toBe("spend-spike-2026-12-02-u1");
    expect(() => spendSpikeAlertId(today, "a/b")).toThrow(/without '\/'/);
    expect(alert).toMatchObject({ kind: "spend-spike", uid: "u1", data: { day: today } });
    expect(alert.message).toMatch(
      /ada@example\.com \(u1\) has cost \$0\.30.*12\.0× their usual \$0\.03/,
    );
  });
});

describe("errorRateSpike", () => {
  const limits = { errorRateSpike: 0.2, errorRateMinRequests: 20 };
  const day = (requests: number, errors: number) => ({ requests, byStatus: { error: errors } });

  it("flags 8 errors in 25 requests against 2 % over the week", () => {
    const result = errorRateSpike({ today: day(25, 8), trailing: day(500, 10), config: limits });
    // 32 % today vs 2 %: 30 points up.
    expect(result).toEqual({
      spike: true,
      todayShare: 0.32,
      baselineShare: 0.02,
      todayRequests: 25,
    });
  });

  it("needs the minimum volume and the full rise", () => {
    expect(errorRateSpike({ today: day(10, 9), trailing: day(500, 0), config: limits }).spike).toBe(
      false,
    );
    // 25 % today vs 10 %: 15 points, under 20.
    expect(
      errorRateSpike({ today: day(40, 10), trailing: day(100, 10), config: limits }).spike,
    ).toBe(false);
    // Exactly 20 points up counts.
    expect(errorRateSpike({ today: day(20, 5), trailing: day(100, 5), config: limits }).spike).toBe(
      true,
    );
  });

  it("treats a quiet week as a 0 % baseline", () => {
    const result = errorRateSpike({ today: day(20, 4), trailing: day(0, 0), config: limits });
    expect(result).toMatchObject({ spike: true, baselineShare: 0 });
  });

  it("writes one alert per day and resolves it once the day is over", () => {
    const figures = errorRateSpike({ today: day(25, 8), trailing: day(500, 10), config: limits });
    const { id, alert } = errorRateAlert("2026-12-02", figures, NOW);
    expect(id).toBe("error-rate-2026-12-02");
    expect(alert.message).toMatch(/32 % of today's 25 requests .* against 2 %/);
    const open = [
      { id, kind: "error-rate" as const, data: alert.data },
      { id: "error-rate-2026-12-01", kind: "error-rate" as const, data: { day: "2026-12-01" } },
      {
        id: "spend-spike-2026-12-01-u1",
        kind: "spend-spike" as const,
        data: { day: "2026-12-01" },
      },
    ];
    expect(pastDayAlerts(open, "2026-12-02")).toEqual(["error-rate-2026-12-01"]);
  });
});

describe("alertMail", () => {
  it("builds the Trigger Email document, escaping the HTML", () => {
    const { alert } = spendSpikeAlert({
      uid: "u1",
      email: "<script>@example.com",
      day: "2026-12-02",
      figures: { spike: true, todayUsd: 0.3, usualDailyUsd: 0 },
      nowMs: NOW,
    });
    const mail = alertMail(alert, ["ops@example.com", "cto@example.com"]);
    expect(AlertMail.parse(mail)).toEqual(mail);
    expect(mail.to).toEqual(["ops@example.com", "cto@example.com"]);
    expect(mail.message.subject).toBe("[IdeaSpark Warning] One account's AI spend spiked");
    expect(mail.message.text).toContain(alert.message);
    expect(mail.message.html).toContain("&lt;script&gt;@example.com");
    expect(mail.message.html).not.toContain("<script>");
  });

  it("refuses to build a mail without an address", () => {
    const { alert } = errorRateAlert(
      "2026-12-02",
      { spike: true, todayShare: 0.5, baselineShare: 0, todayRequests: 20 },
      NOW,
    );
    expect(() => alertMail(alert, [])).toThrow(/at least one address/);
  });
});
