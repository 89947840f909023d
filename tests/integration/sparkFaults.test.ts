// The spark callable against a misbehaving provider (faults injected into the local
// OpenAI-compatible server): retries that recover, retries that run out, and aborts.
import {
  DEFAULT_APP_CONFIG,
  periodKey,
  QuotaDoc,
  UsageRecord,
  type SparkChunk,
} from "@ideaspark/domain";
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { adminDb, clearAppConfig, setAppConfig } from "../support/admin.js";
import { inProcessSpark } from "../support/inProcess.js";
import { clearFaults, clearRequestLog, injectFaults, modelCalls } from "../support/openaiServer.js";
import { callSpark, newRequest, sparkError, streamSpark } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

const users: TestUser[] = [];
async function user(): Promise<TestUser> {
  const created = await signUpTestUser("faults");
  users.push(created);
  return created;
}
const brief = (count = 2) => ({
  topic: `Community radio show formats ${randomUUID().slice(0, 8)}`,
  count,
});

async function usageDoc(requestId: string): Promise<UsageRecord> {
  return UsageRecord.parse((await adminDb().doc(`usage/${requestId}`).get()).data());
}
async function quotaDoc(uid: string): Promise<QuotaDoc> {
  return QuotaDoc.parse(
    (
      await adminDb()
        .doc(`quotas/${uid}_${periodKey(Date.now())}`)
        .get()
    ).data(),
  );
}

beforeEach(async () => {
  // Short backoff so retries are quick, but real: base 50 ms, capped at 1.5 s.
  await setAppConfig({
    retry: { maxAttempts: 3, baseMs: 50, maxMs: 1_500 },
    timeouts: { moderationMs: 1_500, idleMs: 1_500, deadlineMs: 60_000 },
  });
  await clearFaults();
  await clearRequestLog();
});

afterAll(async () => {
  await clearAppConfig();
  await clearFaults();
  await Promise.all(users.map((u) => u.close()));
});

describe("spark: retries that recover", () => {
  const recoverable: [string, unknown][] = [
    ["a 429 with Retry-After", { status: 429, retryAfter: 1 }],
    ["a 500", { status: 500 }],
    ["a slow first token past the timeout", { delayMs: 3_000 }],
    ["a stream dropped mid-answer", { dropStreamAfterChunks: 2 }],
    ["a malformed body", { malformed: true }],
  ];

  for (const [name, fault] of recoverable) {
    it(`succeeds on the second attempt after ${name}, charging only the successful answer`, async () => {
      const alice = await user();
      const request = newRequest(brief());
      // Aimed at this test's brief, so suites running beside it keep their answers.
      await injectFaults([{ ...(fault as object), match: request.brief.topic }]);
      const started = Date.now();
      const { chunks, result } = await streamSpark(alice, request);
      const final = await result;

      expect(final.ideas).toHaveLength(2);
      expect(chunks.some((c) => c.type === "retry" && c.attempt === 2)).toBe(true);
      const usage = await usageDoc(request.requestId);
      expect(usage).toMatchObject({ status: "ok", attempts: 2 });
      expect(await modelCalls(request.brief.topic)).toHaveLength(2);
      // The provider's bill has both attempts; the user pays for the one that answered.
      expect(usage.attemptLog.filter((a) => a.kind === "generation")).toHaveLength(2);
      expect(usage.providerUsage.costUsd).toBeGreaterThanOrEqual(usage.costUsd);
      expect((await quotaDoc(alice.uid)).used).toBe(
        final.usage.inputTokens + final.usage.outputTokens,
      );
      if ((fault as { retryAfter?: number }).retryAfter)
        expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    });
  }
});

describe("spark: retries that run out", () => {
  it("answers unavailable after the bounded attempts (last on the fallback model), releases the hold, records a zero-cost error", async () => {
    const bob = await user();
    const request = newRequest(brief());
    const match = request.brief.topic;
    await injectFaults([500, 503, 500].map((status) => ({ status, match })));
    const error = await sparkError(callSpark(bob, request));

    expect(error.code).toBe("functions/unavailable");
    expect(error.message).toMatch(/try again/i);
    const calls = await modelCalls(request.brief.topic);
    const { primary, fallback } = DEFAULT_APP_CONFIG.models;
    expect(calls.map((c) => c.model)).toEqual([primary, primary, fallback]);
    const usage = await usageDoc(request.requestId);
    expect(usage).toMatchObject({ status: "error", costUsd: 0, attempts: 3 });
    // HTTP errors are not billed by the provider either.
    expect(usage.providerUsage.costUsd).toBe(0);
    expect(usage.attemptLog.filter((a) => a.kind === "generation").map((a) => a.outcome)).toEqual([
      "failed",
      "failed",
      "failed",
    ]);
    const quota = await quotaDoc(bob.uid);
    expect(quota.used).toBe(0);
    expect(Object.keys(quota.holds)).toEqual([]);
  });

  it("does not retry a request the provider rejects as invalid", async () => {
    const carol = await user();
    const request = newRequest(brief());
    await injectFaults([{ status: 400, match: request.brief.topic }]);
    const error = await sparkError(callSpark(carol, request));
    expect(error.code).toBe("functions/unavailable");
    expect(await modelCalls(request.brief.topic)).toHaveLength(1);
  });

  it("answers unavailable when moderation itself keeps failing (one retry), before any model call", async () => {
    const dave = await user();
    const request = newRequest(brief());
    const match = request.brief.topic;
    await injectFaults([1, 2].map(() => ({ endpoint: "moderations", status: 500, match })));
    const error = await sparkError(callSpark(dave, request));
    expect(error.code).toBe("functions/unavailable");
    expect(await modelCalls(request.brief.topic)).toHaveLength(0);
    expect(Object.keys((await quotaDoc(dave.uid)).holds)).toEqual([]);
  });
});

describe("spark: the caller goes away", () => {
  // The Functions emulator's proxy does not pass a client disconnect on to the function (in
  // production Cloud Run closes the request, which fires the callable's abort signal). So this
  // drives the same handler the callable runs, in-process against the emulators and the local
  // model server, and fires that signal the way a disconnect does.
  it("reads the answer to its end when the caller leaves mid-stream, charging only what reached them", async () => {
    const spark = await inProcessSpark();
    const erin = await user();
    const request = newRequest({
      topic: `Ten-minute board game designs ${randomUUID().slice(0, 8)}`,
      count: 10,
    });
    const disconnect = new AbortController();
    const chunks: SparkChunk[] = [];
    const outcome = spark({
      uid: erin.uid,
      data: request,
      signal: disconnect.signal,
      emit: (chunk) => {
        chunks.push(chunk);
        if (chunk.type === "idea") disconnect.abort();
      },
    }).catch((error: unknown) => error);

    expect(await outcome).toMatchObject({ kind: "cancelled" });
    expect(chunks.filter((c) => c.type === "idea")).toHaveLength(1);
    const usage = await usageDoc(request.requestId);
    // The provider finished (and billed) the whole answer: its usage is exact, not estimated.
    expect(usage).toMatchObject({ status: "cancelled", estimated: false, ideasDelivered: 1 });
    const [call] = await modelCalls(request.brief.topic);
    expect(call).toMatchObject({ completed: true });
    expect(usage.providerUsage.outputTokens).toBe(call?.billed?.outputTokens);
    // The person pays for the idea that reached them, not the nine written after they left.
    expect(usage.outputTokens).toBeGreaterThan(0);
    expect(usage.outputTokens).toBeLessThan(usage.providerUsage.outputTokens / 3);
    const quota = await quotaDoc(erin.uid);
    expect(Object.keys(quota.holds)).toEqual([]);
    expect(quota.used).toBe(usage.inputTokens + usage.outputTokens);
  });
});
