// What one spark costs in Firestore operations on a warm instance (config/app and the budget
// total cached in memory), counted by the data layer: the numbers the README states.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb, clearAppConfig, signUpCounted } from "../support/admin.js";
import { inProcessSpark } from "../support/inProcess.js";
import { clearFaults } from "../support/openaiServer.js";
import { newRequest, type BriefInput } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

let ada: TestUser;
let run: (
  brief: BriefInput,
  uid?: string,
) => Promise<{ reads: number; writes: number; analytics: number; cached: boolean }>;

/** A profile as the app writes it at sign-up, `daysAgo` days ago. */
async function profile(user: TestUser, daysAgo: number, aiDataUseConsent = true): Promise<void> {
  await adminDb()
    .doc(`users/${user.uid}`)
    .set({
      email: user.email,
      displayName: "Cost",
      createdAt: Date.now() - daysAgo * 86_400_000,
      attribution: null,
      aiDataUseConsent,
    });
  await signUpCounted(user.uid);
}

beforeAll(async () => {
  await clearAppConfig();
  await clearFaults();
  ada = await signUpTestUser("cost");
  // Signed up a few days ago: her first spark (the warm-up) started this week's cohort count.
  await profile(ada, 3);
  const { withOpsTally } = await import("../../functions/src/data/opsCounter.js");
  const spark = await inProcessSpark({ cacheTtlMs: 60_000 });
  run = async (brief, uid = ada.uid) => {
    const ops = { reads: 0, writes: 0, analyticsWrites: 0 };
    const result = await withOpsTally(ops, () => spark({ uid, data: newRequest(brief) }));
    const { reads, writes, analyticsWrites: analytics } = ops;
    return { reads, writes, analytics, cached: result.cached };
  };
  await run({ topic: `Warm up the instance ${randomUUID()}`, count: 1 });
});

afterAll(async () => {
  await ada.close();
});

const letters = () =>
  randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 8);

describe("Firestore operations per spark (warm instance)", () => {
  // Reservation 4 reads (usage, profile, quota, the deleted-account tombstone) / 2 writes
  // (quota hold + the pending usage claim; the profile also gives the AI data use consent),
  // cache lookup 1 read + store 1 write (only a consenting person's answer that moderation
  // passed; moderation is no Firestore operation), settlement
  // 4 reads (usage, quota, profile, tombstone) / 6 writes (quota, usage, spark, one budget
  // shard; analytics: one rollup shard and the account's growth on its profile).
  it("a model answer to a cacheable brief costs 9 reads and 9 writes", async () => {
    expect(await run({ topic: `Team building games ${letters()}`, count: 1 })).toEqual({
      reads: 9,
      writes: 9,
      analytics: 2,
      cached: false,
    });
  });

  it("a model answer to a personal brief costs 8 reads and 8 writes", async () => {
    expect(await run({ topic: `A gift for my brother ${letters()}`, count: 1 })).toEqual({
      reads: 8,
      writes: 8,
      analytics: 2,
      cached: false,
    });
  });

  // No provider cost (moderation is free), so no budget shard write.
  it("a cache hit costs 9 reads and 7 writes", async () => {
    const topic = `Rainy day activities ${letters()}`;
    await run({ topic, count: 1 });
    expect(await run({ topic, count: 1 })).toEqual({
      reads: 9,
      writes: 7,
      analytics: 2,
      cached: true,
    });
  });

  // The most analytics ever adds: a first spark (or a first request in a new week after
  // sign-up) also counts on the sign-up day's shard — 3 analytics writes.
  it("a first spark of an account that signed up days ago adds one cohort write", async () => {
    const bea = await signUpTestUser("cost");
    try {
      await profile(bea, 10);
      expect(await run({ topic: `A gift for my aunt ${letters()}`, count: 1 }, bea.uid)).toEqual({
        reads: 8,
        writes: 9,
        analytics: 3,
        cached: false,
      });
    } finally {
      await bea.close();
    }
  });

  // No profile, no consent: even an impersonal brief's answer stores no cache entry.
  it("a request of an account without a profile writes no growth and no cache entry", async () => {
    const cy = await signUpTestUser("cost");
    try {
      expect(await run({ topic: `A gift for my uncle ${letters()}`, count: 1 }, cy.uid)).toEqual({
        reads: 8,
        writes: 7,
        analytics: 1,
        cached: false,
      });
      expect(
        await run({ topic: `Board games for rainy days ${letters()}`, count: 1 }, cy.uid),
      ).toEqual({
        reads: 9,
        writes: 7,
        analytics: 1,
        cached: false,
      });
    } finally {
      await cy.close();
    }
  });

  it("a model answer to a cacheable brief of someone who did not consent costs 9 reads and 8 writes", async () => {
    const dee = await signUpTestUser("cost");
    try {
      await profile(dee, 3, false);
      // Her first spark starts this week's cohort count; the one measured is her second.
      await run({ topic: `A gift for my niece ${letters()}`, count: 1 }, dee.uid);
      expect(
        await run({ topic: `Picnic games for families ${letters()}`, count: 1 }, dee.uid),
      ).toEqual({
        reads: 9,
        writes: 8,
        analytics: 2,
        cached: false,
      });
    } finally {
      await dee.close();
    }
  });
});
