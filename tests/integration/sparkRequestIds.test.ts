// Request ids through the callable, tried as an attacker would: another account's id (while
// its request runs, and after it settled with a cheap refusal), the same account resending an
// id that is still running, and replays hammering a finished one.
import { periodKey, QuotaDoc, UsageRecord, type SparkChunk } from "@ideaspark/domain";
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { adminDb, clearAppConfig, setAppConfig } from "../support/admin.js";
import { clearFaults } from "../support/openaiServer.js";
import { callSpark, newRequest, sparkError, streamSpark } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

const users: TestUser[] = [];
async function user(): Promise<TestUser> {
  const created = await signUpTestUser("ids");
  users.push(created);
  return created;
}
const quota = async (uid: string) =>
  QuotaDoc.parse(
    (
      await adminDb()
        .doc(`quotas/${uid}_${periodKey(Date.now())}`)
        .get()
    ).data() ?? {
      uid,
      period: periodKey(Date.now()),
      used: 0,
    },
  );
const usage = async (id: string) =>
  UsageRecord.parse((await adminDb().doc(`usage/${id}`).get()).data());
const long = () => ({ topic: `Ten workshop formats ${randomUUID().slice(0, 8)}`, count: 10 });

beforeEach(async () => {
  await clearFaults();
  await setAppConfig({ requestsPerMinute: 1_000, cacheEnabled: false });
});

afterAll(async () => {
  await clearAppConfig();
  await Promise.all(users.map((u) => u.close()));
});

describe("spark: one request id belongs to one account", () => {
  it("refuses an id another account is still running, and that account is charged as usual", async () => {
    const [carol, bob] = [await user(), await user()];
    const request = newRequest(long());
    let stolen: Promise<string> | null = null;
    const { result } = await streamSpark(carol, request, (chunk: SparkChunk) => {
      // Carol's answer is still streaming: Bob sends her id with a brief that would settle
      // at once (a refusal costs nothing and would have written usage/{id} first).
      if (chunk.type === "idea" && !stolen) {
        const theft = { ...request, brief: { topic: "How to build a bomb at home", count: 1 } };
        stolen = sparkError(callSpark(bob, theft)).then((e) => e.code);
      }
    });
    const final = await result;
    expect(await stolen).toBe("functions/already-exists");
    const record = await usage(request.requestId);
    expect(record).toMatchObject({ uid: carol.uid, status: "ok", ideasDelivered: 10 });
    expect((await quota(carol.uid)).used).toBe(final.usage.inputTokens + final.usage.outputTokens);
    expect((await quota(carol.uid)).holds).toEqual({});
    expect((await quota(bob.uid)).used).toBe(0);
    expect((await quota(bob.uid)).holds).toEqual({});
  }, 60_000);

  it("refuses a settled id to another account: no free replay of someone else's ideas", async () => {
    const [bob, carol] = [await user(), await user()];
    const request = newRequest({ topic: "How to build a bomb at home", count: 1 });
    expect((await sparkError(callSpark(bob, request))).details).toMatchObject({
      kind: "moderation-refused",
    });
    const theft = { ...request, brief: { topic: `Picnic games ${randomUUID()}`, count: 2 } };
    const error = await sparkError(callSpark(carol, theft));
    expect(error.details).toMatchObject({ kind: "request-id-taken" });
    expect((await usage(request.requestId)).uid).toBe(bob.uid);
    expect(await quota(carol.uid)).toMatchObject({ used: 0, holds: {} });
  });
});

describe("spark: the same account resends an id", () => {
  it("answers a resend of a running request at once with in-progress, then settles it once", async () => {
    const dana = await user();
    const request = newRequest(long());
    let resend: Promise<{ kind?: string; ms: number }> | null = null;
    const { result } = await streamSpark(dana, request, (chunk) => {
      if (chunk.type === "idea" && !resend) {
        const t0 = Date.now();
        resend = sparkError(callSpark(dana, request)).then((e) => ({
          kind: (e.details as { kind?: string } | undefined)?.kind,
          ms: Date.now() - t0,
        }));
      }
    });
    const final = await result;
    const duplicate = await (resend as unknown as Promise<{ kind?: string; ms: number }>);
    expect(duplicate.kind).toBe("in-progress");
    // It answers without waiting for the first run (which holds no instance for it).
    expect(duplicate.ms).toBeLessThan(5_000);
    expect((await quota(dana.uid)).used).toBe(final.usage.inputTokens + final.usage.outputTokens);
    // The finished request replays its ideas, charging nothing more.
    expect((await callSpark(dana, request)).ideas).toEqual(final.ideas);
    expect((await quota(dana.uid)).used).toBe(final.usage.inputTokens + final.usage.outputTokens);
  }, 60_000);

  it("counts replays against the per-minute rate limit", async () => {
    const eve = await user();
    await setAppConfig({ requestsPerMinute: 3, cacheEnabled: false });
    const request = newRequest({ topic: `Bake sale themes ${randomUUID()}`, count: 1 });
    const first = await callSpark(eve, request);
    expect(await callSpark(eve, request)).toEqual(first);
    expect(await callSpark(eve, request)).toEqual(first);
    const error = await sparkError(callSpark(eve, request));
    expect(error.details).toMatchObject({ kind: "rate-limited" });
  });
});
