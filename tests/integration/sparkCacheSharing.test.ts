// The shared brief cache only shares what may be shared: a model answer enters it only when
// moderation passed the ideas themselves and their author consented to AI data use; anyone may
// still be answered from it. Runs the handler in-process against a model server of its own
// (its moderation faults, request log and bill are this suite's alone) and a month of its own.
import {
  DEFAULT_APP_CONFIG,
  PROMPT_VERSION,
  SparkResult,
  sparkCacheKey,
  UsageRecord,
  type AppConfig,
  type SparkChunk,
} from "@ideaspark/domain";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb, signUpCounted } from "../support/admin.js";
import type { LoggedRequest } from "../support/openaiServer.js";
import {
  ownModelServer,
  SETTINGS_WITHOUT_REASONING,
  type OwnModelServer,
} from "../support/ownModelServer.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

const CONFIG: AppConfig = {
  ...DEFAULT_APP_CONFIG,
  modelSettings: SETTINGS_WITHOUT_REASONING,
  cacheEnabled: true,
  requestsPerMinute: 1_000,
  monthlyBudgetUsd: 0,
  retry: { maxAttempts: 3, baseMs: 10, maxMs: 200 },
  timeouts: { moderationMs: 800, idleMs: 5_000, deadlineMs: 30_000 },
};

let model: OwnModelServer;
/** Consented to AI data use at sign-up. */
let ada: TestUser;
let bea: TestUser;
/** Said no to AI data use. */
let cy: TestUser;
/** Signed in but never wrote a profile. */
let dee: TestUser;

/** A profile as the app writes it at sign-up, with the person's consent. */
async function profile(user: TestUser, aiDataUseConsent: boolean): Promise<void> {
  await adminDb().doc(`users/${user.uid}`).set({
    email: user.email,
    displayName: "Sharing",
    createdAt: Date.now(),
    attribution: null,
    aiDataUseConsent,
  });
  await signUpCounted(user.uid);
}

beforeAll(async () => {
  model = await ownModelServer({ config: CONFIG, monthStart: Date.UTC(2033, 0, 1) });
  ada = await signUpTestUser("share-a");
  bea = await signUpTestUser("share-b");
  cy = await signUpTestUser("share-c");
  dee = await signUpTestUser("share-d");
  await Promise.all([profile(ada, true), profile(bea, true), profile(cy, false)]);
}, 60_000);

afterAll(async () => {
  await model?.close();
  await Promise.all([ada, bea, cy, dee].map((u) => u?.close()));
});

/** An impersonal (cacheable) topic no other run used: letters only, no capitals after the first. */
const freshTopic = (what: string) =>
  `${what} ${randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 8)}`;

interface Run {
  result: SparkResult;
  usage: UsageRecord;
}

async function spark(user: TestUser, topic: string): Promise<Run> {
  const requestId = randomUUID();
  const result = SparkResult.parse(
    await model.spark({ uid: user.uid, data: { requestId, brief: { topic, count: 2 } } }),
  );
  const usage = UsageRecord.parse((await adminDb().doc(`usage/${requestId}`).get()).data());
  return { result, usage };
}

async function cacheEntry(topic: string) {
  const key = await sparkCacheKey({
    model: CONFIG.models.primary,
    promptVersion: PROMPT_VERSION,
    brief: { topic, count: 2 },
  });
  return (await adminDb().doc(`cache/${key}`).get()).data() ?? null;
}

const about = (topic: string, path: string) => (r: LoggedRequest) =>
  r.path === path && JSON.stringify(r.body).includes(topic);
const generationCalls = async (topic: string) =>
  (await model.requests()).filter(about(topic, "/v1/responses"));
const moderationInputs = async () =>
  (await model.requests())
    .filter((r) => r.path === "/v1/moderations")
    .map((r) => String(r.body?.input ?? ""));

const steps = (usage: UsageRecord) => usage.attemptLog.map((a) => [a.kind, a.outcome]);

describe("what enters the shared cache", () => {
  it("delivers an answer whose ideas moderation flags, but never caches it", async () => {
    const topic = freshTopic("Board game night themes");
    // The brief's own moderation takes the first entry (no fault), the answer's the flag.
    await model.faults([
      { endpoint: "moderations", delayMs: 0 },
      { endpoint: "moderations", flagged: "violence" },
    ]);
    const first = await spark(ada, topic);
    expect(first.result.cached).toBe(false);
    expect(first.result.ideas).toHaveLength(2);
    expect(first.usage.status).toBe("ok");
    expect(steps(first.usage)).toEqual([
      ["moderation", "ok"],
      ["generation", "ok"],
      ["moderation", "flagged"],
    ]);
    expect(await cacheEntry(topic)).toBeNull();

    const second = await spark(bea, topic);
    expect(second.result.cached).toBe(false);
    expect(await generationCalls(topic)).toHaveLength(2);
    // Bea's clean answer (same brief) is the one the cache now holds.
    expect(await cacheEntry(topic)).toMatchObject({ ideas: second.result.ideas });
  });

  it("never caches the answer of someone who did not consent to AI data use", async () => {
    for (const person of [cy, dee]) {
      const topic = freshTopic("Quiet hobbies for long winter evenings");
      const first = await spark(person, topic);
      expect(first.result.cached).toBe(false);
      // No output moderation either: nothing of theirs could enter the cache.
      expect(steps(first.usage)).toEqual([
        ["moderation", "ok"],
        ["generation", "ok"],
      ]);
      expect(await cacheEntry(topic)).toBeNull();

      const second = await spark(ada, topic);
      expect(second.result.cached).toBe(false);
      expect(await generationCalls(topic)).toHaveLength(2);
    }
  });

  it("caches a consenting person's clean answer and serves it to anyone, consenting or not", async () => {
    const topic = freshTopic("Icebreakers for a volunteer cleanup crew");
    const first = await spark(ada, topic);
    expect(first.result.cached).toBe(false);
    expect(await cacheEntry(topic)).toMatchObject({ ideas: first.result.ideas });

    for (const person of [bea, cy, dee]) {
      const again = await spark(person, topic);
      expect(again.result).toMatchObject({ cached: true, ideas: first.result.ideas });
      expect(again.result.usage).toEqual({ inputTokens: 0, outputTokens: 0, costUsd: 0 });
      // A hit moderates the brief only: the entry was checked when it went in.
      expect(steps(again.usage)).toEqual([["moderation", "ok"]]);
    }
    expect(await generationCalls(topic)).toHaveLength(1);
  });

  it("keeps an answer out when its moderation fails or times out, and waits no longer than the timeout", async () => {
    const failing = freshTopic("Spring fair stall ideas");
    await model.faults([
      { endpoint: "moderations", delayMs: 0 },
      { endpoint: "moderations", status: 500 },
    ]);
    const failed = await spark(ada, failing);
    expect(failed.result.ideas).toHaveLength(2);
    // One call, not retried: a failure only means the answer is not shared.
    expect(steps(failed.usage).slice(2)).toEqual([["moderation", "failed"]]);
    expect(await cacheEntry(failing)).toBeNull();

    const slow = freshTopic("Autumn fair stall ideas");
    await model.faults([
      { endpoint: "moderations", delayMs: 0 },
      { endpoint: "moderations", delayMs: 10_000 },
    ]);
    const started = Date.now();
    const timedOut = await spark(ada, slow);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(timedOut.result.ideas).toHaveLength(2);
    expect(steps(timedOut.usage).slice(2)).toEqual([["moderation", "timeout"]]);
    expect(await cacheEntry(slow)).toBeNull();
  });
});

describe("the output moderation in the ledger", () => {
  it("is one free call on the ideas' text, in the attempt log, and the bill still matches the generations", async () => {
    await model.resetBilling();
    const topic = freshTopic("Lunchtime walking club routes");
    const before = (await moderationInputs()).length;
    const { result, usage } = await spark(ada, topic);

    expect(steps(usage)).toEqual([
      ["moderation", "ok"],
      ["generation", "ok"],
      ["moderation", "ok"],
    ]);
    const output = usage.attemptLog[2];
    expect(output).toMatchObject({
      kind: "moderation",
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      estimated: false,
    });
    expect(output?.model).toMatch(/moderation/);
    // Attempts count generations only; the provider's cost is the generation's.
    expect(usage.attempts).toBe(1);
    expect(usage.providerUsage.costUsd).toBe(usage.attemptLog[1]?.costUsd);

    // The server saw two moderation calls: the brief, then every idea's text.
    const inputs = (await moderationInputs()).slice(before);
    expect(inputs).toHaveLength(2);
    expect(inputs[0]).toContain(topic);
    for (const idea of result.ideas) {
      for (const text of [idea.title, idea.pitch, idea.whyItWorks, ...idea.firstSteps]) {
        expect(inputs[1]).toContain(text);
      }
    }
    // Moderation is never billed: the bill is the generation, request for request.
    const billed = await model.billing();
    const generations = usage.attemptLog.filter((a) => a.kind === "generation");
    expect(billed.requests).toBe(generations.length);
    expect(billed.inputTokens).toBe(usage.providerUsage.inputTokens);
    expect(billed.outputTokens).toBe(usage.providerUsage.outputTokens);
  });
});

describe("moderation started beside the reservation", () => {
  it("never answers from the cache a brief that moderation flags, though the cache holds its answer", async () => {
    const topic = freshTopic("Library reading circle themes");
    await spark(ada, topic);
    expect(await cacheEntry(topic)).not.toBeNull();

    // The next moderation call is bea's brief: flagged.
    await model.faults([{ endpoint: "moderations", flagged: "violence" }]);
    const requestId = randomUUID();
    const chunks: SparkChunk[] = [];
    const refused = await model
      .spark({
        uid: bea.uid,
        data: { requestId, brief: { topic, count: 2 } },
        emit: (chunk) => chunks.push(chunk),
      })
      .then(
        () => null,
        (error: { kind?: string }) => error.kind,
      );
    expect(refused).toBe("moderation-refused");
    expect(chunks.filter((c) => c.type === "idea")).toEqual([]);
    const usage = UsageRecord.parse((await adminDb().doc(`usage/${requestId}`).get()).data());
    expect(usage).toMatchObject({ status: "refused", cached: false, costUsd: 0 });
    expect(steps(usage)).toEqual([["moderation", "flagged"]]);
    expect(await generationCalls(topic)).toHaveLength(1);
  });

  it("replays a settled request without adding the resend's moderation to its record", async () => {
    const topic = freshTopic("Garden club meeting openers");
    const data = { requestId: randomUUID(), brief: { topic, count: 2 } };
    const first = SparkResult.parse(await model.spark({ uid: cy.uid, data }));
    const settled = (await adminDb().doc(`usage/${data.requestId}`).get()).data();

    const again = SparkResult.parse(await model.spark({ uid: cy.uid, data }));
    expect(again).toEqual(first);
    expect((await adminDb().doc(`usage/${data.requestId}`).get()).data()).toEqual(settled);
    expect(await generationCalls(topic)).toHaveLength(1);
  });
});
