// Reconciliation under chaos: hundreds of sparks from many accounts against a model server
// that misbehaves in every way the real API can (random faults, refusals, cut streams, callers
// who leave, duplicate and stolen request ids, concurrency). Afterwards the ledgers must agree
// to the token and the micro-dollar with what the provider billed, and with every quota.
// The handler runs in-process against its own model server (so its bill is this test's alone)
// and a month of its own (so its budget shards and quotas are untouched by other suites).
import {
  addRollups,
  DayRollup,
  DEFAULT_APP_CONFIG,
  EMPTY_ROLLUP,
  mergeDays,
  rebuildGrowth,
  rebuildRollups,
  rollupDay,
  providerTotals,
  QuotaDoc,
  UsageRecord,
  type AppConfig,
  type SparkChunk,
} from "@ideaspark/domain";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "../support/admin.js";
import { seededRandom } from "../support/seededRandom.js";
import {
  ownModelServer,
  SETTINGS_WITHOUT_REASONING,
  type OwnModelServer,
} from "../support/ownModelServer.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

const SPARKS = 220;
const USERS = 16;
const CONCURRENCY = 12;
const seed = Number(process.env.RECONCILE_SEED ?? Date.now() % 1_000_000);

const random = seededRandom(seed);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

// Every fault kind the local server can play, as the real API would send it.
const FAULTS: (() => Record<string, unknown>)[] = [
  () => ({ status: 429, retryAfterMs: 20 }),
  () => ({ status: 429, retryAfter: 0 }),
  () => ({ status: 429, code: "insufficient_quota" }),
  () => ({ status: 500 }),
  () => ({ status: 503 }),
  () => ({ delayMs: 3_500 }),
  () => ({ dropStreamAfterChunks: Math.floor(random() * 120) }),
  () => ({ malformed: true }),
  () => ({ refusal: "I can't help with that request." }),
  () => ({ incomplete: "max_output_tokens", afterChunks: Math.floor(random() * 150) }),
  () => ({ incomplete: "content_filter", afterChunks: Math.floor(random() * 150) }),
  () => ({ failed: "server_error" }),
  () => ({ failed: "invalid_prompt" }),
  () => ({ streamError: "server_error", afterChunks: Math.floor(random() * 120) }),
  () => ({ streamError: "rate_limit_exceeded", afterChunks: Math.floor(random() * 60) }),
];
const MODERATION_FAULTS = [{ status: 500 }, { status: 429, retryAfterMs: 10 }, { delayMs: 900 }];

// Fast retries and short timeouts keep the run quick; reasoning is off because a cut stream's
// hidden reasoning tokens are unknowable to any client (see the README on estimated attempts).
const CONFIG: AppConfig = {
  ...DEFAULT_APP_CONFIG,
  modelSettings: SETTINGS_WITHOUT_REASONING,
  requestsPerMinute: 1_000,
  monthlyBudgetUsd: 0,
  retry: { maxAttempts: 3, baseMs: 10, maxMs: 200 },
  // The idle timeout is what ends a silent (delayed) answer here. It is kept well above any
  // pause a loaded 2-core machine can put into this process: a timer that fires while the
  // socket holds unread deltas cuts the stream with text the provider billed but we never saw.
  timeouts: { moderationMs: 700, idleMs: 3_000, deadlineMs: 30_000 },
};

let model: OwnModelServer;
let period: string;
const users: TestUser[] = [];

beforeAll(async () => {
  // A month of this test's own, far from the real one; the clock still advances in real time.
  model = await ownModelServer({
    config: CONFIG,
    monthStart: Date.UTC(2031, 6, 1),
    pacing: { firstTokenMs: 5, chunkMs: 1 },
  });
  period = model.period;
  users.push(...(await Promise.all(Array.from({ length: USERS }, () => signUpTestUser("chaos")))));
  // A few accounts get a small limit, so the quota is exercised under concurrency too.
  await Promise.all(
    users
      .slice(0, 4)
      .map((u) =>
        adminDb()
          .doc(`quotas/${u.uid}_${period}`)
          .set({ uid: u.uid, period, used: 0, limit: 6_000, holds: {}, recent: [] }),
      ),
  );
}, 120_000);

afterAll(async () => {
  await model?.close();
  await Promise.all(users.map((u) => u.close()));
});

interface Planned {
  user: TestUser;
  requestId: string;
  topic: string;
  count: number;
  abortAfterIdeas: number | null;
}

function plan(): Planned[] {
  const topics = Array.from({ length: 30 }, (_, i) => `Chaos topic ${i} ${seed}`);
  const planned: Planned[] = [];
  for (let i = 0; i < SPARKS; i++) {
    const previous = planned.length > 0 ? pick(planned) : null;
    const roll = random();
    const user = pick(users);
    // ~8% resend an earlier id from the same account, ~6% try another account's id.
    const requestId =
      previous && roll < 0.08
        ? previous.requestId
        : previous && roll < 0.14
          ? previous.requestId
          : randomUUID();
    planned.push({
      user: previous && roll < 0.08 ? previous.user : user,
      requestId,
      // Repeated impersonal topics: these accounts have no profile, so no AI data use consent,
      // and their answers never enter the brief cache (nor take an output moderation call).
      topic: random() < 0.3 ? pick(topics) : `Chaos ${i} ${randomUUID().slice(0, 8)}`,
      count: 1 + Math.floor(random() * 4),
      abortAfterIdeas: random() < 0.12 ? Math.floor(random() * 2) : null,
    });
  }
  return planned;
}

async function runOne(p: Planned): Promise<string> {
  const abort = new AbortController();
  let ideas = 0;
  const emit = (chunk: SparkChunk) => {
    if (chunk.type === "idea") ideas++;
    if (p.abortAfterIdeas !== null && ideas >= p.abortAfterIdeas && chunk.type !== "status") {
      abort.abort();
    }
  };
  if (p.abortAfterIdeas === 0) setTimeout(() => abort.abort(), Math.floor(random() * 60));
  try {
    await model.spark({
      uid: p.user.uid,
      data: { requestId: p.requestId, brief: { topic: p.topic, count: p.count } },
      emit,
      signal: abort.signal,
    });
    return "ok";
  } catch (error) {
    return (error as { kind?: string }).kind ?? `untyped: ${String(error)}`;
  }
}

describe("the ledgers under chaos", () => {
  it(`reconcile ${SPARKS} sparks to the token and the micro-dollar`, async () => {
    await model.resetBilling();
    const faults = Array.from({ length: 170 }, () => pick(FAULTS)());
    const moderation = Array.from({ length: 15 }, () => ({
      ...pick(MODERATION_FAULTS),
      endpoint: "moderations",
    }));
    await model.faults([...faults, ...moderation]);

    const planned = plan();
    const outcomes: string[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < planned.length) {
          const p = planned[next++] as Planned;
          outcomes.push(await runOne(p));
        }
      }),
    );
    const elapsed = Date.now() - started;
    const billed = await model.billing();

    const ids = [...new Set(planned.map((p) => p.requestId))];
    const snaps = await adminDb().getAll(...ids.map((id) => adminDb().doc(`usage/${id}`)));
    const records = snaps.filter((s) => s.exists).map((s) => UsageRecord.parse(s.data()));
    const attempts = records.flatMap((r) => r.attemptLog);
    const generations = attempts.filter((a) => a.kind === "generation");
    const provider = providerTotals(attempts);
    const shards = await adminDb().collection(`budgets/${period}/shards`).get();
    const shardMicros = shards.docs.reduce(
      (sum, d) => sum + Math.round(Number(d.get("usd")) * 1e6),
      0,
    );
    const counts: Record<string, number> = {};
    for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
    const estimated = generations.filter((a) => a.estimated).length;

    console.log(
      [
        `reconciliation (seed ${seed}): ${planned.length} calls, ${ids.length} request ids, ${elapsed} ms`,
        `  outcomes: ${JSON.stringify(counts)}`,
        `  provider billed: ${billed.inputTokens} in, ${billed.outputTokens} out, ${billed.cachedInputTokens} cached, ${billed.requests} requests`,
        `  usage attempts:  ${provider.inputTokens} in, ${provider.outputTokens} out, ${provider.cachedInputTokens} cached, ${generations.length} generation calls (${estimated} estimated from a cut stream)`,
        `  provider cost $${provider.costUsd.toFixed(6)}; budget shards $${(shardMicros / 1e6).toFixed(6)}; users charged $${(records.reduce((s, r) => s + Math.round(r.costUsd * 1e6), 0) / 1e6).toFixed(6)}`,
      ].join("\n"),
    );

    // Every call answered with ideas or a typed error; every request id settled.
    expect(outcomes.filter((o) => o.startsWith("untyped"))).toEqual([]);
    expect(records.filter((r) => r.status === "pending")).toEqual([]);
    // The provider's bill, token for token.
    expect(provider.inputTokens).toBe(billed.inputTokens);
    expect(provider.outputTokens).toBe(billed.outputTokens);
    expect(provider.cachedInputTokens).toBe(billed.cachedInputTokens);
    expect(generations.filter((a) => a.inputTokens > 0)).toHaveLength(billed.requests);
    // The budget counter holds the provider's cost, to the micro-dollar.
    expect(shardMicros).toBe(Math.round(provider.costUsd * 1e6));

    // Each account: charged exactly its usage records, never past its limit, no hold left.
    for (const user of users) {
      const snap = await adminDb().doc(`quotas/${user.uid}_${period}`).get();
      const quota = QuotaDoc.parse(snap.data() ?? { uid: user.uid, period, used: 0 });
      const mine = records.filter((r) => r.uid === user.uid);
      expect(quota.used).toBe(mine.reduce((s, r) => s + r.inputTokens + r.outputTokens, 0));
      expect(quota.used).toBeLessThanOrEqual(quota.limit ?? CONFIG.plans.free.monthlyTokens);
      expect(quota.holds).toEqual({});
    }
    // The day's rollup (sharded, written in each settlement) equals a rebuild from the records,
    // and each account's period activity on its quota document matches its records.
    const day = rollupDay(Date.UTC(2031, 6, 1));
    const rollupShards = await adminDb().collection(`rollups/${day}/shards`).get();
    const incremental = rollupShards.docs
      .map((d) => DayRollup.parse(d.data()))
      .reduce(addRollups, EMPTY_ROLLUP);
    const rebuilt = mergeDays(
      rebuildRollups(records),
      rebuildGrowth({ users: [], records, landings: [] }),
    );
    expect(incremental).toEqual(rebuilt.get(day));
    expect(incremental.activeUsers).toBe(new Set(records.map((r) => r.uid)).size);
    const { rebuildRollupsForPeriod } =
      await import("../../functions/src/maintenance/rebuildRollups.js");
    expect(await rebuildRollupsForPeriod({ period })).toEqual({
      days: 1,
      differing: [],
      stampProblems: [],
    });
    for (const user of users) {
      const quota = QuotaDoc.parse(
        (await adminDb().doc(`quotas/${user.uid}_${period}`).get()).data() ?? {
          uid: user.uid,
          period,
          used: 0,
        },
      );
      const mine = records.filter((r) => r.uid === user.uid);
      expect(quota.requests).toBe(mine.length);
      expect(quota.providerCostMicros).toBe(
        mine.reduce((s, r) => s + Math.round(r.providerUsage.costUsd * 1e6), 0),
      );
    }
    // A request id belongs to the account that claimed it first.
    for (const record of records) {
      const owners = new Set(
        planned.filter((p) => p.requestId === record.requestId).map((p) => p.user.uid),
      );
      expect(owners.has(record.uid)).toBe(true);
    }
  }, 300_000);
});
