// Alerts against the emulators: budget thresholds fire once a month (and e-mail when asked),
// the degrade action applies to free users at the budget and lifts with a raised budget or a
// new month, and provider failures, spend spikes and error-rate spikes each fire once.
// Everything runs in-process with a configuration of its own (config/app is never written) and
// a clock moved to a far-future month of each test's own, so no other suite's data counts.
import {
  AlertMail,
  Alert,
  addDays,
  parseAppConfig,
  periodKey,
  rollupDay,
  UsageRecord,
  type AppConfig,
} from "@ideaspark/domain";
import { randomInt, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { adminDb } from "../support/admin.js";
import { inProcessSpark } from "../support/inProcess.js";
import { newRequest } from "../support/spark.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Noon on the 10th of a random month of years 3000–8999 (no other suite's records there). */
function freshMonthNoon(): number {
  return Date.UTC(randomInt(3000, 9000), randomInt(0, 12), 10, 12);
}
const letters = () =>
  Array.from({ length: 8 }, () => "abcdefghijkmnpqrstuvwxyz"[randomInt(24)]).join("");

/** A configuration of the test's own; alert kinds other than the one under test stay quiet. */
function testConfig(over: Record<string, unknown> = {}): AppConfig {
  const { alerts, ...rest } = over;
  return parseAppConfig({
    requestsPerMinute: 1_000,
    monthlyBudgetUsd: 1,
    ...rest,
    alerts: {
      providerFailuresInARow: 100,
      spendSpikeMinUsd: 10_000,
      errorRateMinRequests: 1_000_000,
      ...(alerts as object | undefined),
    },
  });
}

async function evaluate(now: number, config: AppConfig) {
  const { evaluateAlerts } = await import("../../functions/src/alerts/evaluateAlerts.js");
  return evaluateAlerts({ now, config });
}

async function setMonthSpend(period: string, usd: number): Promise<void> {
  await adminDb().doc(`budgets/${period}/shards/0`).set({ usd });
}

async function alertDoc(id: string): Promise<Alert | null> {
  const snap = await adminDb().doc(`alerts/${id}`).get();
  return snap.exists ? Alert.parse(snap.data()) : null;
}

async function budgetAlertsOf(period: string): Promise<(Alert & { id: string })[]> {
  const snap = await adminDb()
    .collection("alerts")
    .where("kind", "==", "budget")
    .where("period", "==", period)
    .get();
  return snap.docs
    .map((doc) => ({ ...Alert.parse(doc.data()), id: doc.id }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** A spark run in-process at `now` with `config`, settled or refused (the DomainError). */
async function spark(
  config: AppConfig,
  now: number,
  uid: string,
  topic = `market stall themes ${letters()}`,
) {
  const run = await inProcessSpark({ config, now: () => now });
  const request = newRequest({ topic, count: 1 });
  const outcome = await run({ uid, data: request }).catch((error: unknown) => error);
  const usage = await adminDb().doc(`usage/${request.requestId}`).get();
  return { outcome, usage: usage.exists ? UsageRecord.parse(usage.data()) : null };
}

/** A pro account that agreed to AI data use (only such answers enter the shared cache). */
async function makePro(uid: string): Promise<void> {
  await adminDb().doc(`users/${uid}`).set({ plan: "pro", aiDataUseConsent: true }, { merge: true });
}

describe("budget alerts and the degrade action", () => {
  const now = freshMonthNoon();
  const period = periodKey(now);
  const free = `alerts-free-${randomUUID()}`;
  const pro = `alerts-pro-${randomUUID()}`;
  const id = (pct: number) => `budget-${period}-${pct}`;

  it("raises the 50 % alert once at $0.55 of a $1 budget, and no e-mail without addresses", async () => {
    await makePro(pro);
    await setMonthSpend(period, 0.55);
    const first = await evaluate(now, testConfig());
    expect(first.raised.filter((r) => r.startsWith("budget-"))).toEqual([id(50)]);
    expect(first.mailed).toBe(0);
    const again = await evaluate(now + 60_000, testConfig());
    expect(again.raised.filter((r) => r.startsWith("budget-"))).toEqual([]);

    const alerts = await budgetAlertsOf(period);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      id: id(50),
      kind: "budget",
      severity: "info",
      period,
      threshold: 0.5,
      createdAt: now,
      resolvedAt: null,
    });
    expect(
      (
        await adminDb()
          .doc(`mail/${id(50)}`)
          .get()
      ).exists,
    ).toBe(false);
  });

  it("raises 80 % and 100 % past the budget; free sparks are refused under pause-free, pro sparks run", async () => {
    await setMonthSpend(period, 1.05);
    const result = await evaluate(now, testConfig());
    expect(result.raised.filter((r) => r.startsWith("budget-"))).toEqual([id(80), id(100)]);
    expect((await alertDoc(id(100)))?.severity).toBe("critical");
    expect((await budgetAlertsOf(period)).map((a) => a.id)).toEqual([id(100), id(50), id(80)]);

    const refused = await spark(testConfig(), now, free);
    expect(refused.outcome).toMatchObject({ kind: "budget-exhausted" });
    // Refused before any model work: no record, nothing charged.
    expect(refused.usage).toBeNull();
    const served = await spark(testConfig(), now, pro);
    expect(served.usage).toMatchObject({ status: "ok" });
  });

  it("answers free users with the cheaper model under cheaper-model, pro users with the primary", async () => {
    const config = testConfig({ degradeAction: "cheaper-model" });
    const freeRun = await spark(config, now, free);
    expect(freeRun.usage).toMatchObject({ status: "ok" });
    expect(freeRun.usage?.model).toMatch(/^gpt-5\.4-nano/);
    const proRun = await spark(config, now, pro);
    expect(proRun.usage?.model).toMatch(/^gpt-6-luna/);
  });

  it("answers free users only from the brief cache under cache-only", async () => {
    const config = testConfig({ degradeAction: "cache-only" });
    const topic = `rainy afternoon crafts ${letters()}`;
    // A pro user's answer fills the cache for this brief.
    expect((await spark(config, now, pro, topic)).usage).toMatchObject({ cached: false });
    const hit = await spark(config, now, free, topic);
    expect(hit.usage).toMatchObject({ status: "ok", cached: true, costUsd: 0 });
    const miss = await spark(config, now, free);
    expect(miss.outcome).toMatchObject({ kind: "budget-exhausted" });
    expect(miss.usage).toBeNull();
  });

  it("lifts the degrade and resolves the alerts the spend no longer reaches once the budget is raised", async () => {
    const raised = testConfig({ monthlyBudgetUsd: 2 });
    const result = await evaluate(now + HOUR, raised);
    expect(result.resolved.filter((r) => r.startsWith("budget-")).sort()).toEqual([
      id(100),
      id(80),
    ]);
    // $1.05 and more is still above 50 % of $2.
    expect((await alertDoc(id(50)))?.resolvedAt).toBeNull();
    expect((await alertDoc(id(100)))?.resolvedAt).toBe(now + HOUR);
    expect((await spark(raised, now + HOUR, free)).usage).toMatchObject({ status: "ok" });
  });

  it("starts a new month clean: last month's alerts resolved, free sparks run", async () => {
    const next = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() + 1, 1, 1);
    const result = await evaluate(next, testConfig());
    expect(result.resolved).toContain(id(50));
    expect(result.raised.filter((r) => r.startsWith("budget-"))).toEqual([]);
    expect(await budgetAlertsOf(periodKey(next))).toEqual([]);
    expect((await spark(testConfig(), next, free)).usage).toMatchObject({ status: "ok" });
  });
});

describe("alert e-mails", () => {
  it("writes the Trigger Email document for a new alert when alertEmails is set, once", async () => {
    const now = freshMonthNoon();
    const period = periodKey(now);
    const config = testConfig({ alertEmails: ["ops@example.com", "cto@example.com"] });
    await setMonthSpend(period, 0.55);
    const result = await evaluate(now, config);
    expect(result.raised).toContain(`budget-${period}-50`);
    const mail = await adminDb().doc(`mail/budget-${period}-50`).get();
    expect(mail.exists).toBe(true);
    const parsed = AlertMail.parse(mail.data());
    expect(parsed.to).toEqual(["ops@example.com", "cto@example.com"]);
    expect(parsed.message.subject).toBe(`[IdeaSpark Info] AI budget 50 % reached (${period})`);
    expect(parsed.message.text).toContain("$0.55 of the $1.00 budget");
    expect(parsed.message.html).toContain("<p>");
    expect(Object.keys(mail.data() ?? {}).sort()).toEqual(["message", "to"]);

    const again = await evaluate(now + 60_000, config);
    expect(again.raised).not.toContain(`budget-${period}-50`);
  });
});

describe("provider failures in a row", () => {
  function record(status: UsageRecord["status"], createdAt: number): UsageRecord {
    const requestId = randomUUID();
    return UsageRecord.parse({
      uid: `alerts-provider-${randomUUID()}`,
      requestId,
      sparkId: requestId,
      model: "gpt-6-luna",
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      cached: false,
      estimated: false,
      latencyMs: 1_000,
      attempts: status === "error" ? 3 : 1,
      status,
      ...(status === "error" ? { errorCode: "provider-unavailable" } : {}),
      period: periodKey(createdAt),
      createdAt,
    });
  }

  it("raises one alert for 5 provider failures in a row and resolves it when a request succeeds", async () => {
    const now = freshMonthNoon();
    const config = testConfig({ alerts: { providerFailuresInARow: 5 } });
    const db = adminDb();
    // Alerts another run left open would stand for this streak: start from none.
    const open = await db.collection("alerts").where("kind", "==", "provider-failures").get();
    await Promise.all(
      open.docs
        .filter((d) => d.get("resolvedAt") === null)
        .map((d) => d.ref.update({ resolvedAt: 1 })),
    );
    const before = record("ok", now - 10 * 60_000);
    const failures = [5, 4, 3, 2, 1].map((m) => record("error", now - m * 60_000));
    await Promise.all([before, ...failures].map((r) => db.doc(`usage/${r.requestId}`).set(r)));

    const alertId = `provider-failures-${failures[0]?.requestId}`;
    const result = await evaluate(now, config);
    expect(result.raised.filter((r) => r.startsWith("provider-failures-"))).toEqual([alertId]);
    expect(await alertDoc(alertId)).toMatchObject({
      kind: "provider-failures",
      severity: "critical",
      resolvedAt: null,
      data: { failures: 5, startRequestId: failures[0]?.requestId },
    });

    // A sixth failure is the same streak: nothing new.
    const sixth = record("error", now + 30_000);
    await db.doc(`usage/${sixth.requestId}`).set(sixth);
    const again = await evaluate(now + 60_000, config);
    expect(again.raised.filter((r) => r.startsWith("provider-failures-"))).toEqual([]);

    const answered = record("ok", now + 90_000);
    await db.doc(`usage/${answered.requestId}`).set(answered);
    const healed = await evaluate(now + 120_000, config);
    expect(healed.resolved).toContain(alertId);
  });
});

describe("spend spikes", () => {
  it("flags an account whose cost today is far above its usual active day, once a day", async () => {
    const now = freshMonthNoon();
    const [period, today] = [periodKey(now), rollupDay(now)];
    const uid = `alerts-spike-${randomUUID()}`;
    const db = adminDb();
    // $0.04 on an earlier day this month, $0.30 today (two requests of $0.15).
    await db.doc(`quotas/${uid}_${period}`).set({
      uid,
      period,
      used: 0,
      holds: {},
      recent: [],
      requests: 3,
      providerCostMicros: 340_000,
      activeDays: { [addDays(today, -3)]: true, [today]: true },
    });
    await db.doc(`users/${uid}`).set({ email: "heavy@example.com" });
    for (const minutes of [30, 20]) {
      const requestId = randomUUID();
      const createdAt = now - minutes * 60_000;
      await db.doc(`usage/${requestId}`).set(
        UsageRecord.parse({
          uid,
          requestId,
          sparkId: requestId,
          model: "gpt-6-luna",
          inputTokens: 100,
          outputTokens: 100,
          costUsd: 0.0001,
          providerUsage: {
            inputTokens: 100,
            outputTokens: 100,
            cachedInputTokens: 0,
            costUsd: 0.15,
          },
          cached: false,
          estimated: false,
          latencyMs: 1_000,
          attempts: 1,
          status: "ok",
          period,
          createdAt,
        }),
      );
    }
    const config = testConfig({ alerts: { spendSpikeFactor: 5, spendSpikeMinUsd: 0.05 } });
    const result = await evaluate(now, config);
    const alertId = `spend-spike-${today}-${uid}`;
    expect(result.raised).toContain(alertId);
    const alert = await alertDoc(alertId);
    expect(alert).toMatchObject({ kind: "spend-spike", uid, data: { day: today } });
    expect(alert?.data.todayUsd).toBeCloseTo(0.3);
    expect(alert?.data.usualDailyUsd).toBeCloseTo(0.04);
    expect(alert?.message).toContain("heavy@example.com");

    expect((await evaluate(now + 60_000, config)).raised).not.toContain(alertId);
  });
});

describe("error-rate spikes", () => {
  it("flags today's error share 20 points above the last 7 days', once, and resolves it the next day", async () => {
    const now = freshMonthNoon();
    const today = rollupDay(now);
    const db = adminDb();
    // The week before: 10 errors in 500 requests (2 %), one day closed, one still in shards.
    await db.doc(`rollups/${addDays(today, -1)}`).set({
      requests: 300,
      byStatus: { ok: 294, error: 6 },
      closedAt: now - DAY,
    });
    await db.doc(`rollups/${addDays(today, -2)}/shards/3`).set({
      requests: 200,
      byStatus: { ok: 196, error: 4 },
    });
    // Today: 8 errors in 25 requests (32 %).
    await db.doc(`rollups/${today}/shards/0`).set({ requests: 15, byStatus: { ok: 10, error: 5 } });
    await db.doc(`rollups/${today}/shards/7`).set({ requests: 10, byStatus: { ok: 7, error: 3 } });

    const config = testConfig({ alerts: { errorRateSpike: 0.2, errorRateMinRequests: 20 } });
    const alertId = `error-rate-${today}`;
    const result = await evaluate(now, config);
    expect(result.raised).toContain(alertId);
    expect((await alertDoc(alertId))?.data).toMatchObject({
      todayShare: 0.32,
      baselineShare: 0.02,
      todayRequests: 25,
    });
    expect((await evaluate(now + 60_000, config)).raised).not.toContain(alertId);

    const tomorrow = await evaluate(now + DAY, config);
    expect(tomorrow.resolved).toContain(alertId);
  });

  it("stays quiet under the minimum volume", async () => {
    const now = freshMonthNoon();
    const today = rollupDay(now);
    await adminDb()
      .doc(`rollups/${today}/shards/0`)
      .set({ requests: 10, byStatus: { error: 9, ok: 1 } });
    const config = testConfig({ alerts: { errorRateSpike: 0.2, errorRateMinRequests: 20 } });
    expect((await evaluate(now, config)).raised).not.toContain(`error-rate-${today}`);
  });
});
