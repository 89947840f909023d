// What one spark costs in Firestore operations on a warm instance (config/app and the budget
// total cached in memory), counted by the data layer: the numbers the README states.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearAppConfig } from "../support/admin.js";
import { clearFaults, OPENAI_SERVER_ORIGIN } from "../support/openaiServer.js";
import { newRequest, type BriefInput } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

let ada: TestUser;
let run: (brief: BriefInput) => Promise<{ reads: number; writes: number; cached: boolean }>;

beforeAll(async () => {
  await clearAppConfig();
  await clearFaults();
  ada = await signUpTestUser("cost");
  const { handleSpark } = await import("../../functions/src/spark/handleSpark.js");
  const { createOpenAIClient } = await import("../../functions/src/ai/openaiClient.js");
  const { withOpsTally } = await import("../../functions/src/data/opsCounter.js");
  const client = createOpenAIClient({
    apiKey: "local-test-key",
    baseURL: `${OPENAI_SERVER_ORIGIN}/v1`,
    timeoutMs: 30_000,
  });
  run = async (brief) => {
    const ops = { reads: 0, writes: 0 };
    const result = await withOpsTally(ops, () =>
      handleSpark(
        {
          uid: ada.uid,
          data: newRequest(brief),
          emit: () => undefined,
          signal: new AbortController().signal,
        },
        { client: () => client, cacheTtlMs: 60_000 },
      ),
    );
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
  it("a model answer to a cacheable brief costs 6 reads and 6 writes", async () => {
    expect(await run({ topic: `Team building games ${letters()}`, count: 1 })).toEqual({
      reads: 6,
      writes: 6,
      cached: false,
    });
  });

  it("a model answer to a personal brief costs 5 reads and 5 writes", async () => {
    expect(await run({ topic: `A gift for my brother ${letters()}`, count: 1 })).toEqual({
      reads: 5,
      writes: 5,
      cached: false,
    });
  });

  it("a cache hit costs 6 reads and 4 writes", async () => {
    const topic = `Rainy day activities ${letters()}`;
    await run({ topic, count: 1 });
    expect(await run({ topic, count: 1 })).toEqual({ reads: 6, writes: 4, cached: true });
  });
});
