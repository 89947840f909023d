// Quota and rate limits under concurrency: holds keep a user within their limit however many
// requests race, every request ends in success or resource-exhausted, and no hold is left.
import { periodKey, QuotaDoc, UsageRecord } from "@ideaspark/domain";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb, clearAppConfig, setAppConfig } from "../support/admin.js";
import { inProcessSpark } from "../support/inProcess.js";
import { clearFaults } from "../support/openaiServer.js";
import { callSpark, newRequest, sparkError } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

const period = periodKey(Date.now());
const users: TestUser[] = [];
const quotaRef = (uid: string) => adminDb().doc(`quotas/${uid}_${period}`);
const outcomeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code ?? "thrown",
  );

async function expectWithinLimit(
  uid: string,
  limit: number,
  requests: { requestId: string }[],
  outcomes: string[],
  exhausted: string,
): Promise<void> {
  const ok = outcomes.filter((o) => o === "ok").length;
  expect(outcomes.filter((o) => o !== "ok" && o !== exhausted)).toEqual([]);
  expect(ok).toBeGreaterThan(0);
  expect(ok).toBeLessThan(requests.length);
  const quota = QuotaDoc.parse((await quotaRef(uid).get()).data());
  expect(quota.used).toBeLessThanOrEqual(limit);
  expect(Object.keys(quota.holds)).toEqual([]);
  const usages = await Promise.all(
    requests.map((r) => adminDb().doc(`usage/${r.requestId}`).get()),
  );
  const recorded = usages
    .filter((snap) => snap.exists)
    .map((snap) => UsageRecord.parse(snap.data()));
  expect(recorded.filter((u) => u.status === "ok")).toHaveLength(ok);
  expect(recorded.reduce((sum, u) => sum + u.inputTokens + u.outputTokens, 0)).toBe(quota.used);
}

beforeAll(async () => {
  await clearFaults();
  await setAppConfig({ requestsPerMinute: 1_000, cacheEnabled: false });
});

afterAll(async () => {
  await clearAppConfig();
  await Promise.all(users.map((u) => u.close()));
});

describe("spark: quota", () => {
  it("refuses with resource-exhausted, saying when the quota resets, once the limit is used", async () => {
    const alice = await signUpTestUser("quota");
    users.push(alice);
    await quotaRef(alice.uid).set({ uid: alice.uid, period, used: 50_000, holds: {}, recent: [] });
    const request = newRequest({ topic: "Spring marketing ideas", count: 1 });
    const error = await sparkError(callSpark(alice, request));
    expect(error.code).toBe("functions/resource-exhausted");
    expect(error.message).toMatch(/reset on \d{4}-\d{2}-01/);
    expect(error.details).toMatchObject({ kind: "quota-exhausted" });
    expect((await adminDb().doc(`usage/${request.requestId}`).get()).exists).toBe(false);
  });

  it("rate-limits a user past requests-per-minute, saying when to retry", async () => {
    const bob = await signUpTestUser("rate");
    users.push(bob);
    await setAppConfig({ requestsPerMinute: 2, cacheEnabled: false });
    try {
      await callSpark(bob, newRequest({ topic: `Rate one ${randomUUID()}`, count: 1 }));
      await callSpark(bob, newRequest({ topic: `Rate two ${randomUUID()}`, count: 1 }));
      const error = await sparkError(
        callSpark(bob, newRequest({ topic: `Rate three ${randomUUID()}`, count: 1 })),
      );
      expect(error.code).toBe("functions/resource-exhausted");
      expect(error.message).toMatch(/Try again in \d+ seconds?/);
    } finally {
      await setAppConfig({ requestsPerMinute: 1_000, cacheEnabled: false });
    }
  });

  // 30 racers run the callable's handler in-process (real Firestore emulator transactions,
  // real local model server): the Functions emulator starts one worker process per concurrent
  // request, which on a 2-core machine turns a 30-request burst into minutes of cold starts.
  // The callable path gets its own, smaller burst below.
  it("keeps one user within the limit when 30 requests race for room for only a few", async () => {
    const spark = await inProcessSpark();
    const carol = await signUpTestUser("race");
    users.push(carol);
    // Each one-idea request holds about 1,150 tokens (prompt + the larger model's output budget):
    // room for 2 at once.
    const limit = 2_500;
    await quotaRef(carol.uid).set({
      uid: carol.uid,
      period,
      used: 0,
      limit,
      holds: {},
      recent: [],
    });
    const requests = Array.from({ length: 30 }, (_, i) =>
      newRequest({ topic: `Race idea ${i} ${randomUUID()}`, count: 1 }),
    );
    const outcomes = await Promise.all(
      requests.map((data) =>
        spark({ uid: carol.uid, data }).then(
          () => "ok",
          (e: { code?: string }) => e.code ?? String(e),
        ),
      ),
    );
    await expectWithinLimit(carol.uid, limit, requests, outcomes, "resource-exhausted");
  }, 120_000);

  it("keeps a user within the limit when 8 callable requests race through the emulator", async () => {
    const dave = await signUpTestUser("race-callable");
    users.push(dave);
    const limit = 1_700;
    await quotaRef(dave.uid).set({ uid: dave.uid, period, used: 0, limit, holds: {}, recent: [] });
    const requests = Array.from({ length: 8 }, (_, i) =>
      newRequest({ topic: `Callable race ${i} ${randomUUID()}`, count: 1 }),
    );
    const outcomes = await Promise.all(requests.map((r) => outcomeOf(callSpark(dave, r))));
    await expectWithinLimit(dave.uid, limit, requests, outcomes, "functions/resource-exhausted");
  }, 120_000);

  it("serves many users at once, each charged only for their own sparks", async () => {
    const crowd = await Promise.all(Array.from({ length: 8 }, () => signUpTestUser("crowd")));
    users.push(...crowd);
    const results = await Promise.all(
      crowd.flatMap((member) =>
        [0, 1].map(() =>
          callSpark(member, newRequest({ topic: `Crowd ideas ${randomUUID()}`, count: 1 })).then(
            (r) => ({ member, r }),
          ),
        ),
      ),
    );
    for (const member of crowd) {
      const mine = results.filter((x) => x.member === member).map((x) => x.r);
      expect(mine).toHaveLength(2);
      const quota = QuotaDoc.parse((await quotaRef(member.uid).get()).data());
      expect(quota.used).toBe(
        mine.reduce((sum, r) => sum + r.usage.inputTokens + r.usage.outputTokens, 0),
      );
      expect(Object.keys(quota.holds)).toEqual([]);
    }
  }, 120_000);
});
