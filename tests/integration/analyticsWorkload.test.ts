// The business rollups under a month of real traffic: accounts signing up through campaigns
// (and organically, and with attribution too old or forged to credit) over three weeks, 500+
// sparks across them and across days — failures, refusals, cut streams and cached answers
// included — verification seen in tokens, moves to pro. Afterwards every day's incremental
// rollup equals a full recomputation from the raw documents, the daily close folds each day
// into one document equal to its shards, and the campaign and cohort counters match the
// accounts. In-process against a model server and a month of the test's own.
import {
  DayRollup,
  DEFAULT_APP_CONFIG,
  ORGANIC,
  periodKey,
  rollupWeekOf,
  sumRollups,
  UNATTRIBUTED,
  UserGrowth,
  type AppConfig,
} from "@ideaspark/domain";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAST_PACING } from "../../tools/openai-server/pacing.js";
import { startOpenAIServer, type OpenAIServer } from "../../tools/openai-server/server.js";
import { adminDb } from "../support/admin.js";
import { seededRandom } from "../support/seededRandom.js";
import { inProcessSpark, type InProcessCall } from "../support/inProcess.js";
import { SETTINGS_WITHOUT_REASONING } from "../support/ownModelServer.js";
import type { SparkResult } from "@ideaspark/domain";

const SPARKS = 520;
const ACCOUNTS = 60;
const DAYS = 24;
const CONCURRENCY = 16;
const DAY_MS = 86_400_000;
const MONTH_START = Date.UTC(2032, 2, 1); // a month no other suite touches
const PERIOD = periodKey(MONTH_START);
const seed = Number(process.env.WORKLOAD_SEED ?? Date.now() % 1_000_000);

const random = seededRandom(seed);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const CONFIG: AppConfig = {
  ...DEFAULT_APP_CONFIG,
  modelSettings: SETTINGS_WITHOUT_REASONING,
  requestsPerMinute: 1_000,
  monthlyBudgetUsd: 0,
  retry: { maxAttempts: 2, baseMs: 5, maxMs: 50 },
  timeouts: { moderationMs: 2_000, idleMs: 3_000, deadlineMs: 30_000 },
};

const run = randomUUID().slice(0, 8);
const CAMPAIGNS = [
  { id: `news-${run}`, utmSource: `news-${run}`, referralCode: null },
  { id: `ads-${run}`, utmSource: `ads-${run}`, referralCode: null },
  { id: `friends-${run}`, utmSource: null, referralCode: `FR-${run}` },
];

interface Account {
  uid: string;
  signedUpAt: number;
  expected: string;
  verified: boolean;
}

let server: OpenAIServer;
/** One handler per day of the test's calendar (its clock set to that day), run side by side. */
const sparkOnDay: ((call: InProcessCall) => Promise<SparkResult>)[] = [];
const accounts: Account[] = [];
const withoutProfile = Array.from({ length: 4 }, () => `anon-${randomUUID()}`);

/** A first touch for `account`: a campaign's link, none, a stale one, or one matching nothing. */
function touch(signedUpAt: number, i: number): { attribution: unknown; expected: string } {
  const capturedAt = signedUpAt - 3_600_000;
  const campaign = CAMPAIGNS[i % 5];
  if (campaign) {
    const params = campaign.referralCode
      ? { ref: campaign.referralCode }
      : { utm_source: campaign.utmSource as string };
    return {
      attribution: { ...params, landingPath: "/welcome", capturedAt },
      expected: campaign.id,
    };
  }
  if (i % 5 === 3) return { attribution: null, expected: ORGANIC };
  // Captured 40 days before sign-up (past the 30-day window), or for no known campaign.
  return i % 10 === 4
    ? {
        attribution: {
          utm_source: `news-${run}`,
          landingPath: "/welcome",
          capturedAt: signedUpAt - 40 * DAY_MS,
        },
        expected: UNATTRIBUTED,
      }
    : {
        attribution: { utm_source: `unknown-${run}`, landingPath: "/welcome", capturedAt },
        expected: UNATTRIBUTED,
      };
}

async function waitForSignUps(uids: string[]): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const snaps = await adminDb().getAll(...uids.map((uid) => adminDb().doc(`users/${uid}`)));
    if (snaps.every((s) => s.get("growth.signupCounted") === true)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the sign-up trigger did not count every profile within 60 s");
}

beforeAll(async () => {
  server = await startOpenAIServer({ pacing: FAST_PACING });
  const wallStart = Date.now();
  for (let day = 0; day < DAYS; day++) {
    const dayStart = MONTH_START + day * DAY_MS + 9 * 3_600_000;
    sparkOnDay.push(
      await inProcessSpark({
        baseUrl: server.url,
        config: CONFIG,
        cacheTtlMs: 60_000,
        now: () => dayStart + (Date.now() - wallStart),
      }),
    );
  }
  for (const c of CAMPAIGNS) {
    await adminDb()
      .doc(`campaigns/${c.id}`)
      .set({
        name: `Campaign ${c.id}`,
        utmSource: c.utmSource,
        utmMedium: null,
        utmCampaign: null,
        referralCode: c.referralCode,
        spendUsdByMonth: { [PERIOD]: 100 },
        createdAt: MONTH_START - DAY_MS,
        archived: false,
      });
  }
  const batch = adminDb().batch();
  for (let i = 0; i < ACCOUNTS; i++) {
    const uid = `workload-${run}-${i}`;
    const signedUpAt = MONTH_START + Math.floor((i / ACCOUNTS) * 20 * DAY_MS) + (i % 7) * 3_600_000;
    const { attribution, expected } = touch(signedUpAt, i);
    accounts.push({ uid, signedUpAt, expected, verified: i % 3 !== 0 });
    batch.set(adminDb().doc(`users/${uid}`), {
      email: `${uid}@example.test`,
      displayName: `Workload ${i}`,
      createdAt: signedUpAt,
      attribution,
      aiDataUseConsent: true,
    });
  }
  await batch.commit();
  await waitForSignUps(accounts.map((a) => a.uid));
}, 120_000);

afterAll(async () => {
  await server?.close();
});

interface Planned {
  day: number;
  uid: string;
  emailVerified: boolean;
  topic: string;
  count: number;
}

function plan(): Planned[] {
  // Letters only: five digits in a row would make a brief personal (never cached).
  const tag = run.replace(/[^a-f]/g, "x");
  const topics = Array.from({ length: 12 }, (_, i) => `Workload topic ${"abcdefghijkl"[i]} ${tag}`);
  const planned: Planned[] = [];
  for (let i = 0; i < SPARKS; i++) {
    const day = Math.floor((i / SPARKS) * DAYS);
    const dayStart = MONTH_START + day * DAY_MS;
    const signedUp = accounts.filter((a) => a.signedUpAt < dayStart + DAY_MS);
    const account = signedUp.length > 0 && random() > 0.04 ? pick(signedUp) : null;
    planned.push({
      day,
      uid: account?.uid ?? pick(withoutProfile),
      // Accounts without a profile are verified; a third of the profiles are not (their sparks
      // are refused before anything is recorded).
      emailVerified: account?.verified ?? true,
      topic: random() < 0.3 ? pick(topics) : `Workload ${i} ${randomUUID().slice(0, 8)}`,
      count: 1 + Math.floor(random() * 3),
    });
  }
  return planned;
}

const FAULTS = [
  { status: 500 },
  { dropStreamAfterChunks: 30 },
  { malformed: true },
  { refusal: "I can't help with that request." },
  { failed: "server_error" },
];

async function control(method: string, path: string, body?: unknown): Promise<void> {
  const origin = server.url.replace(/\/v1$/, "");
  const response = await fetch(`${origin}/__control/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${await response.text()}`);
}

describe("business rollups under a month of traffic", () => {
  it(`equal a full recomputation after ${SPARKS} sparks over ${DAYS} days`, async () => {
    const planned = plan();
    const outcomes: Record<string, number> = {};
    const { setUserPlan } = await import("../../functions/src/data/users.js");
    const converted = new Set<string>();
    const started = Date.now();
    await control(
      "POST",
      "faults",
      Array.from({ length: 40 }, () => pick(FAULTS)),
    );
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < planned.length) {
          const p = planned[next++] as Planned;
          const spark = sparkOnDay[p.day] as (call: InProcessCall) => Promise<SparkResult>;
          const outcome = await spark({
            uid: p.uid,
            emailVerified: p.emailVerified,
            data: { requestId: randomUUID(), brief: { topic: p.topic, count: p.count } },
          }).then(
            (result) => (result.cached ? "cached" : "ok"),
            (error: unknown) => (error as { kind?: string }).kind ?? String(error),
          );
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }
      }),
    );
    await control("DELETE", "faults");
    // Every few days an account moves to pro (one of them back and forth: counted once).
    for (let day = 3; day < DAYS; day += 4) {
      const at = MONTH_START + day * DAY_MS + 20 * 3_600_000;
      const account = pick(accounts.filter((a) => a.signedUpAt < at && !converted.has(a.uid)));
      await setUserPlan(account.uid, "pro", "workload-admin", at);
      await setUserPlan(account.uid, "free", "workload-admin", at + 1000);
      await setUserPlan(account.uid, "pro", "workload-admin", at + 2000);
      converted.add(account.uid);
    }
    const elapsed = Date.now() - started;
    console.log(
      `analytics workload (seed ${seed}): ${SPARKS} sparks over ${DAYS} days in ${elapsed} ms: ${JSON.stringify(outcomes)}`,
    );
    const cacheDocs = await adminDb().collection("cache").count().get();
    console.log(`cache entries: ${cacheDocs.data().count}`);
    expect(Object.keys(outcomes).filter((o) => o.includes("Error"))).toEqual([]);
    expect((outcomes.ok ?? 0) + (outcomes.cached ?? 0)).toBeGreaterThan(SPARKS / 3);
    expect(outcomes.cached ?? 0).toBeGreaterThan(0);

    // Every day of the month: incremental shards == recomputation from raw documents.
    const { rebuildRollupsForPeriod } =
      await import("../../functions/src/maintenance/rebuildRollups.js");
    const check = await rebuildRollupsForPeriod({ period: PERIOD });
    expect(check.differing).toEqual([]);
    expect(check.stampProblems).toEqual([]);
    expect(check.days).toBeGreaterThanOrEqual(DAYS);

    // The close folds each day into one document equal to the sum of its shards.
    const { closeRollups } = await import("../../functions/src/maintenance/closeRollups.js");
    const days = Array.from({ length: 31 }, (_, d) =>
      new Date(MONTH_START + d * DAY_MS).toISOString().slice(0, 10),
    );
    await closeRollups({ nowMs: Date.now(), days });
    const closed = new Map<string, DayRollup>();
    for (const day of days) {
      const [doc, shards] = await Promise.all([
        adminDb().doc(`rollups/${day}`).get(),
        adminDb().collection(`rollups/${day}/shards`).get(),
      ]);
      const fromShards = sumRollups(shards.docs.map((d) => DayRollup.parse(d.data())));
      expect(DayRollup.parse(doc.data())).toEqual(fromShards);
      const week = await adminDb()
        .doc(`rollupWeeks/${rollupWeekOf(day)}`)
        .get();
      expect(DayRollup.parse(week.get("days")?.[day])).toEqual(fromShards);
      closed.set(day, fromShards);
    }
    const month = sumRollups(closed.values());

    // Campaign credit: each account under the campaign its first touch earned.
    const profiles = await adminDb().getAll(
      ...accounts.map((a) => adminDb().doc(`users/${a.uid}`)),
    );
    const growth = profiles.map((p) => UserGrowth.parse(p.get("growth")));
    expect(growth.map((g) => g.campaignId)).toEqual(accounts.map((a) => a.expected));
    const expectedSignups: Record<string, number> = {};
    for (const a of accounts) expectedSignups[a.expected] = (expectedSignups[a.expected] ?? 0) + 1;
    for (const id of Object.keys(expectedSignups)) {
      expect(month.campaignSignups[id]).toBe(expectedSignups[id]);
    }
    expect(month.conversions).toBe(converted.size);
    expect(month.cohortPro).toBe(converted.size);
    // Verification comes from tokens only: never for an account whose token never said so.
    const verifiedCount = growth.filter((g) => g.verifiedAt !== null).length;
    expect(month.cohortVerified).toBe(verifiedCount);
    growth.forEach((g, i) => {
      if (!accounts[i]?.verified) expect(g.verifiedAt).toBeNull();
    });
    // Every account that got ideas counted once as a first spark; actives of the month.
    expect(month.cohortFirstSpark).toBe(growth.filter((g) => g.firstSparkAt !== null).length);
    expect(month.monthActiveUsers).toBe(
      new Set(planned.filter((p) => p.emailVerified).map((p) => p.uid)).size,
    );
    expect(outcomes["email-unverified"] ?? 0).toBe(planned.filter((p) => !p.emailVerified).length);
  }, 300_000);
});
