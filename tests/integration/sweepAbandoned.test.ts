// The abandoned-request sweep: a pending claim whose run died is settled as an error and its
// hold released; a claim still within its hold is left to its run.
import { DEFAULT_APP_CONFIG, periodKey, QuotaDoc, UsageRecord } from "@ideaspark/domain";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { adminDb } from "../support/admin.js";
import { callSpark, sparkError } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

const users: TestUser[] = [];
afterAll(async () => {
  await Promise.all(users.map((u) => u.close()));
});

function pending(uid: string, requestId: string, createdAt: number): UsageRecord {
  return UsageRecord.parse({
    uid,
    requestId,
    sparkId: requestId,
    model: DEFAULT_APP_CONFIG.models.primary,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    cached: false,
    estimated: false,
    latencyMs: 0,
    attempts: 0,
    status: "pending",
    period: periodKey(createdAt),
    createdAt,
  });
}

describe("sweepAbandonedRequests", () => {
  it("settles a claim older than its hold as an error, releases the hold, and leaves a live one", async () => {
    const { sweepAbandonedRequests } =
      await import("../../functions/src/maintenance/sweepAbandoned.js");
    const ada = await signUpTestUser("sweep");
    users.push(ada);
    const now = Date.now();
    const ttl = DEFAULT_APP_CONFIG.holdTtlSeconds * 1000;
    const [dead, live] = [randomUUID(), randomUUID()];
    const period = periodKey(now);
    const db = adminDb();
    await db.doc(`usage/${dead}`).set(pending(ada.uid, dead, now - ttl - 60_000));
    await db.doc(`usage/${live}`).set(pending(ada.uid, live, now - 1_000));
    await db.doc(`quotas/${ada.uid}_${period}`).set({
      uid: ada.uid,
      period,
      used: 0,
      holds: {
        [dead]: { tokens: 900, expiresAt: now + 60_000 },
        [live]: { tokens: 800, expiresAt: now + ttl },
      },
      recent: [],
    });

    const result = await sweepAbandonedRequests({ nowMs: now });
    expect(result.settled).toBeGreaterThanOrEqual(1);
    const swept = UsageRecord.parse((await db.doc(`usage/${dead}`).get()).data());
    expect(swept).toMatchObject({ status: "error", errorCode: "provider-unavailable", costUsd: 0 });
    expect(UsageRecord.parse((await db.doc(`usage/${live}`).get()).data()).status).toBe("pending");
    const quota = QuotaDoc.parse((await db.doc(`quotas/${ada.uid}_${period}`).get()).data());
    expect(Object.keys(quota.holds)).toEqual([live]);
    expect(quota.used).toBe(0);

    // A second sweep finds nothing more to do; the swept id replays its error, not "running".
    expect((await sweepAbandonedRequests({ nowMs: now })).settled).toBe(0);
    const replay = await sparkError(
      callSpark(ada, { requestId: dead, brief: { topic: "Anything", count: 1 } }),
    );
    expect(replay.details).toMatchObject({ kind: "provider-unavailable" });
  });
});
