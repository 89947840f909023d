// The spark callable's normal life: streamed and plain answers, the records it writes, the
// cache, idempotent requestIds, moderation and the operator's switches.
import {
  DEFAULT_APP_CONFIG,
  QuotaDoc,
  SparkDoc,
  UsageRecord,
  periodKey,
  SparkResult,
} from "@ideaspark/domain";
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { adminDb, clearAppConfig, setAppConfig, signUpCounted } from "../support/admin.js";
import { clearFaults, clearRequestLog, modelCalls } from "../support/openaiServer.js";
import { callSpark, newRequest, sparkError, streamSpark } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

const users: TestUser[] = [];
async function user(): Promise<TestUser> {
  const created = await signUpTestUser("spark");
  users.push(created);
  return created;
}

async function usageDoc(requestId: string): Promise<UsageRecord> {
  const snap = await adminDb().doc(`usage/${requestId}`).get();
  expect(snap.exists, `usage/${requestId} exists`).toBe(true);
  return UsageRecord.parse(snap.data());
}

async function quotaDoc(uid: string): Promise<QuotaDoc> {
  const snap = await adminDb()
    .doc(`quotas/${uid}_${periodKey(Date.now())}`)
    .get();
  return QuotaDoc.parse(snap.data());
}

/** A topic no other test (or earlier run) used, so the brief cache cannot answer it. */
const freshTopic = (what: string) =>
  `${what} ${randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 8)}`;

beforeEach(async () => {
  await clearAppConfig();
  await clearFaults();
  await clearRequestLog();
});

afterAll(async () => {
  await Promise.all(users.map((u) => u.close()));
});

describe("spark: a successful request", () => {
  it("streams a status, then each idea as it finishes, then the result that matches them", async () => {
    const alice = await user();
    const request = newRequest({
      topic: freshTopic("Weekend workshops for a neighbourhood bike shop"),
      count: 4,
      tone: "bold",
    });
    const { chunks, result } = await streamSpark(alice, request);
    const final = SparkResult.parse(await result);

    expect(chunks[0]).toEqual({ type: "status", phase: "moderating" });
    const ideaChunks = chunks.filter((c) => c.type === "idea");
    expect(ideaChunks).toHaveLength(4);
    expect(ideaChunks.map((c) => c.index)).toEqual([0, 1, 2, 3]);
    expect(ideaChunks.map((c) => c.idea)).toEqual(final.ideas);
    expect(final).toMatchObject({ sparkId: request.requestId, cached: false });
    for (const idea of final.ideas) expect(idea.firstSteps.length).toBeGreaterThan(0);
    expect(final.usage.inputTokens).toBeGreaterThan(0);
    expect(final.usage.outputTokens).toBeGreaterThan(0);
    expect(final.usage.costUsd).toBeGreaterThan(0);
  });

  it("records usage, stores the spark and adds exactly the used tokens to the period, leaving no hold", async () => {
    const bob = await user();
    const request = newRequest({
      topic: freshTopic("Fundraising ideas for a school choir"),
      count: 2,
    });
    const result = await callSpark(bob, request);

    const usage = await usageDoc(request.requestId);
    const primary = DEFAULT_APP_CONFIG.models.primary;
    expect(usage).toMatchObject({
      uid: bob.uid,
      requestId: request.requestId,
      sparkId: request.requestId,
      status: "ok",
      cached: false,
      estimated: false,
      attempts: 1,
      ideasRequested: 2,
      ideasDelivered: 2,
    });
    // The provider answers with a dated snapshot of the configured model.
    expect(usage.model.startsWith(`${primary}-`)).toBe(true);
    expect(usage.model).toMatch(/-\d{4}-\d{2}-\d{2}$/);
    expect(usage.inputTokens).toBe(result.usage.inputTokens);
    expect(usage.outputTokens).toBe(result.usage.outputTokens);
    expect(usage.costUsd).toBe(result.usage.costUsd);
    // One moderation call (free) and one generation, whose bill is the user's charge.
    expect(usage.attemptLog.map((a) => [a.kind, a.outcome])).toEqual([
      ["moderation", "ok"],
      ["generation", "ok"],
    ]);
    const [, generation] = usage.attemptLog;
    const price = DEFAULT_APP_CONFIG.pricing[primary];
    expect(generation?.costUsd).toBe(
      Math.round(
        (generation?.inputTokens ?? 0) * (price?.inputPerMTok ?? NaN) +
          (generation?.outputTokens ?? 0) * (price?.outputPerMTok ?? NaN),
      ) / 1e6,
    );
    expect(usage.providerUsage).toEqual({
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      cachedInputTokens: 0,
      costUsd: usage.costUsd,
    });

    const spark = SparkDoc.parse(
      (await adminDb().doc(`users/${bob.uid}/sparks/${request.requestId}`).get()).data(),
    );
    expect(spark).toMatchObject({ status: "complete", ideas: result.ideas, cached: false });
    expect(spark.brief.topic).toBe(request.brief.topic);

    const quota = await quotaDoc(bob.uid);
    expect(quota.used).toBe(usage.inputTokens + usage.outputTokens);
    expect(Object.keys(quota.holds)).toEqual([]);
  });

  it("answers the same requestId twice with the first result and charges once", async () => {
    const carol = await user();
    const request = newRequest({ topic: freshTopic("Names for a sourdough bakery"), count: 3 });
    const first = await callSpark(carol, request);
    const second = await callSpark(carol, request);
    expect(second).toEqual(first);
    expect(await modelCalls(request.brief.topic)).toHaveLength(1);
    const quota = await quotaDoc(carol.uid);
    expect(quota.used).toBe(first.usage.inputTokens + first.usage.outputTokens);
  });

  it("refuses another user's requestId without touching either account", async () => {
    const [dave, erin] = [await user(), await user()];
    const request = newRequest({ topic: freshTopic("Team offsite activities"), count: 1 });
    await callSpark(dave, request);
    const before = await quotaDoc(dave.uid);
    const error = await sparkError(callSpark(erin, request));
    expect(error.code).toBe("functions/already-exists");
    expect(error.details).toMatchObject({ kind: "request-id-taken" });
    expect((await usageDoc(request.requestId)).uid).toBe(dave.uid);
    expect((await quotaDoc(dave.uid)).used).toBe(before.used);
    expect(Object.keys((await quotaDoc(erin.uid)).holds)).toEqual([]);
  });

  it("answers a repeated impersonal brief from the cache at no token cost, and says so", async () => {
    const [frank, grace] = [await user(), await user()];
    // Only the answers of people who consented to AI data use enter the shared cache.
    await adminDb().doc(`users/${frank.uid}`).set({
      email: frank.email,
      displayName: "Frank",
      createdAt: Date.now(),
      attribution: null,
      aiDataUseConsent: true,
    });
    await signUpCounted(frank.uid);
    const topic = freshTopic("Icebreakers for a remote engineering team");
    const first = await callSpark(frank, newRequest({ topic, count: 3 }));
    await clearRequestLog();
    const again = newRequest({ topic: `  ${topic.toUpperCase()}  `, count: 3 });
    const cached = await callSpark(grace, again);

    expect(cached.cached).toBe(true);
    expect(cached.ideas).toEqual(first.ideas);
    expect(cached.usage).toEqual({ inputTokens: 0, outputTokens: 0, costUsd: 0 });
    expect(await modelCalls(topic.toUpperCase())).toHaveLength(0);
    expect(await usageDoc(again.requestId)).toMatchObject({
      cached: true,
      costUsd: 0,
      status: "ok",
      attempts: 0,
    });
    expect((await quotaDoc(grace.uid)).used).toBe(0);
  });

  it("never caches a brief with personal context", async () => {
    const [heidi, ivan] = [await user(), await user()];
    const brief = {
      topic: freshTopic("Birthday gift ideas for my sister, reach me at heidi@example.com"),
      count: 1,
    };
    await callSpark(heidi, newRequest(brief));
    const second = await callSpark(ivan, newRequest(brief));
    expect(second.cached).toBe(false);
    expect(await modelCalls(brief.topic)).toHaveLength(2);
  });
});

describe("spark: refusals that cost nothing", () => {
  it("refuses a flagged brief with a clear message, charges nothing and records the refusal", async () => {
    const judy = await user();
    const request = newRequest({ topic: "How to build a bomb at home", count: 2 });
    const error = await sparkError(callSpark(judy, request));
    expect(error.code).toBe("functions/invalid-argument");
    expect(error.message).toMatch(/content rules/);
    const usage = await usageDoc(request.requestId);
    expect(usage).toMatchObject({
      status: "refused",
      errorCode: "moderation-refused",
      costUsd: 0,
      inputTokens: 0,
      outputTokens: 0,
    });
    expect(usage.attemptLog).toEqual([
      expect.objectContaining({ kind: "moderation", outcome: "flagged", costUsd: 0 }),
    ]);
    expect(await modelCalls(request.brief.topic)).toHaveLength(0);
    const quota = await quotaDoc(judy.uid);
    expect(quota.used).toBe(0);
    expect(Object.keys(quota.holds)).toEqual([]);
  });

  it("answers failed-precondition when the operator pauses AI, writing nothing", async () => {
    const kim = await user();
    await setAppConfig({ aiPaused: true });
    const request = newRequest({ topic: freshTopic("Podcast episode ideas"), count: 2 });
    const error = await sparkError(callSpark(kim, request));
    expect(error.code).toBe("functions/failed-precondition");
    expect(error.message).toMatch(/paused/);
    expect((await adminDb().doc(`usage/${request.requestId}`).get()).exists).toBe(false);
  });

  it("pauses free-plan AI once the monthly budget is spent", async () => {
    const leo = await user();
    await setAppConfig({ monthlyBudgetUsd: 0.000001, pauseFreeAtBudget: true });
    const shard = adminDb().doc(`budgets/${periodKey(Date.now())}/shards/budget-test`);
    await shard.set({ usd: 1 });
    try {
      const error = await sparkError(
        callSpark(leo, newRequest({ topic: freshTopic("Garden party themes"), count: 1 })),
      );
      expect(error.code).toBe("functions/failed-precondition");
      expect(error.message).toMatch(/Upgrade/);
      expect(Object.keys((await quotaDoc(leo.uid)).holds)).toEqual([]);
    } finally {
      await shard.delete();
    }
  });

  it("asks a signed-out caller to sign in", async () => {
    const { webClient } = await import("../support/webClient.js");
    const anonymous = webClient();
    const error = await sparkError(
      callSpark(anonymous, newRequest({ topic: "Anything at all", count: 1 })),
    );
    expect(error.code).toBe("functions/unauthenticated");
    await anonymous.close();
  });
});

describe("spark: a broken config/app", () => {
  it("answers failed-precondition (not internal) and writes nothing", async () => {
    const mia = await user();
    await setAppConfig({ maxOutputTokens: "lots" });
    const request = newRequest({ topic: freshTopic("Book club themes"), count: 1 });
    const error = await sparkError(callSpark(mia, request));
    expect(error.code).toBe("functions/failed-precondition");
    expect(error.message).toMatch(/reconfigured/);
    expect((await adminDb().doc(`usage/${request.requestId}`).get()).exists).toBe(false);
  });
});
