// The prompt-prefix cache: cached_tokens for a prompt that repeats a recent prefix to the same
// model, in 128-token blocks from 1024 tokens on, as OpenAI reports them.
import { estimateTokens } from "@ideaspark/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PromptCache } from "./promptCache.js";
import { collect, startTestServer } from "./testServer.js";
import type { TestServer } from "./testServer.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.server.close());

// 5000 ASCII characters: 1250 tokens of shared instructions.
const LONG_INSTRUCTIONS = "You are IdeaSpark. ".repeat(300).slice(0, 5000);
const BAKE_SALE = `Topic: a bake sale\n${"Details: ".padEnd(600, "z")}`;
const cachedTokens = async (model: string, instructions: string, input: string) =>
  (await t.client.responses.create({ model, instructions, input })).usage?.input_tokens_details
    .cached_tokens;

describe("cached_tokens", () => {
  it("stays 0 for a prompt under 1024 tokens, however often it repeats", async () => {
    expect(await cachedTokens("gpt-4.1-mini", "Be brief.", "Topic: a bake sale")).toBe(0);
    expect(await cachedTokens("gpt-4.1-mini", "Be brief.", "Topic: a bake sale")).toBe(0);
  });

  it("counts the prefix shared with a recent prompt, rounded down to 128-token blocks", async () => {
    expect(await cachedTokens("gpt-4.1-mini", LONG_INSTRUCTIONS, BAKE_SALE)).toBe(0);
    // Shared: the instructions, the line break and "Topic: a b" (5011 characters, 1253
    // tokens) → 9 blocks of 128.
    expect(await cachedTokens("gpt-4.1-mini", LONG_INSTRUCTIONS, "Topic: a book swap")).toBe(1152);
    // The whole prompt again: 5620 characters, 1405 tokens → 10 blocks.
    expect(await cachedTokens("gpt-4.1-mini", LONG_INSTRUCTIONS, BAKE_SALE)).toBe(1280);
  });

  it("is reported in a stream's final usage too", async () => {
    await cachedTokens("gpt-4.1-mini", LONG_INSTRUCTIONS, BAKE_SALE);
    const stream = await t.client.responses.create({
      model: "gpt-4.1-mini",
      instructions: LONG_INSTRUCTIONS,
      input: BAKE_SALE,
      stream: true,
    });
    const last = (await collect(stream)).at(-1);
    if (last?.type !== "response.completed") throw new Error("no response.completed");
    expect(last.response.usage?.input_tokens_details.cached_tokens).toBe(1280);
    expect(last.response.usage?.input_tokens).toBe(1250 + estimateTokens(BAKE_SALE) + 12);
  });

  it("is forgotten on DELETE /__control/prompt-cache", async () => {
    await cachedTokens("gpt-4.1-mini", LONG_INSTRUCTIONS, BAKE_SALE);
    const res = await t.control("/__control/prompt-cache", { method: "DELETE" });
    expect(await res.json()).toEqual({ cleared: 1 });
    expect(await cachedTokens("gpt-4.1-mini", LONG_INSTRUCTIONS, BAKE_SALE)).toBe(0);
  });

  it("is kept per model snapshot: an alias and its dated name share it, other models do not", async () => {
    await cachedTokens("gpt-5-mini", LONG_INSTRUCTIONS, BAKE_SALE);
    expect(await cachedTokens("gpt-4.1-mini", LONG_INSTRUCTIONS, BAKE_SALE)).toBe(0);
    expect(await cachedTokens("gpt-5-mini-2025-08-07", LONG_INSTRUCTIONS, BAKE_SALE)).toBe(1280);
  });

  it("starts from a lower minimum when the server is started with cacheMinTokens", async () => {
    const low = await startTestServer(undefined, { cacheMinTokens: 128 });
    try {
      const ask = async () =>
        (
          await low.client.responses.create({
            model: "gpt-4.1-mini",
            instructions: "x".repeat(1200),
            input: "Topic: a bake sale",
          })
        ).usage?.input_tokens_details.cached_tokens;
      expect(await ask()).toBe(0);
      // 1200 + 1 + 18 characters → 305 tokens of identical prompt → 2 blocks.
      expect(await ask()).toBe(256);
    } finally {
      await low.server.close();
    }
  });

  it("forgets prompts after five minutes", () => {
    let now = 0;
    const cache = new PromptCache(1024, () => now);
    const prompt = "y".repeat(6000);
    expect(cache.use("m", prompt, 1512)).toBe(0);
    now = 4 * 60_000;
    expect(cache.use("m", prompt, 1512)).toBe(1408);
    now += 5 * 60_000;
    expect(cache.use("m", prompt, 1512)).toBe(0);
  });
});
