// What one spark costs in Firestore operations on a warm instance (config/app and the budget
// total cached in memory), counted by the data layer: the numbers the README states.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearAppConfig } from "../support/admin.js";
import { inProcessSpark } from "../support/inProcess.js";
import { clearFaults } from "../support/openaiServer.js";
import { newRequest, type BriefInput } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

let ada: TestUser;
let run: (brief: BriefInput) => Promise<{ reads: number; writes: number; cached: boolean }>;

beforeAll(async () => {
  await clearAppConfig();
  await clearFaults();
  ada = await signUpTestUser("cost");
  const { withOpsTally } = await import("../../functions/src/data/opsCounter.js");
  const spark = await inProcessSpark({ cacheTtlMs: 60_000 });
  run = async (brief) => {
    const ops = { reads: 0, writes: 0 };
    const result = await withOpsTally(ops, () => spark({ uid: ada.uid, data: newRequest(brief) }));
    return { ...ops, cached: result.cached };
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
  // Reservation 3 reads / 2 writes (quota hold + the pending usage claim), cache lookup 1 read
  // + store 1 write, settlement 2 reads / 5 writes (quota, usage, spark, one budget shard, one
  // rollup shard).
  it("a model answer to a cacheable brief costs 6 reads and 8 writes", async () => {
    expect(await run({ topic: `Team building games ${letters()}`, count: 1 })).toEqual({
      reads: 6,
      writes: 8,
      cached: false,
    });
  });

  it("a model answer to a personal brief costs 5 reads and 7 writes", async () => {
    expect(await run({ topic: `A gift for my brother ${letters()}`, count: 1 })).toEqual({
      reads: 5,
      writes: 7,
      cached: false,
    });
  });

  // No provider cost (moderation is free), so no budget shard write.
  it("a cache hit costs 6 reads and 6 writes", async () => {
    const topic = `Rainy day activities ${letters()}`;
    await run({ topic, count: 1 });
    expect(await run({ topic, count: 1 })).toEqual({ reads: 6, writes: 6, cached: true });
  });
});
