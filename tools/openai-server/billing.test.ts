// GET/DELETE /__control/billing and the per-request `billed` log field: what each kind of
// answer, fault and disconnect bills, always equal to the usage the client was told.
import { estimatePromptTokens, estimateTokens } from "@ideaspark/domain";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BillingTotals } from "./billing.js";
import { COFFEE_BRIEF, collect, startTestServer } from "./testServer.js";
import type { TestServer } from "./testServer.js";

const BRIEF = COFFEE_BRIEF[0]?.content ?? "";
const INPUT = estimatePromptTokens({ instructions: "", input: BRIEF });
const NOTHING: BillingTotals = {
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  requests: 0,
};

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.server.close());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );
/** Streams with the SDK, returning the text deltas received until the stream ended or broke. */
const streamText = async (model: string) => {
  let text = "";
  await failure(
    (async () => {
      const stream = await t.client.responses.create({ model, input: COFFEE_BRIEF, stream: true });
      for await (const event of stream)
        if (event.type === "response.output_text.delta") text += event.delta;
    })(),
  );
  return text;
};
const billedLog = async () => (await t.requests()).map((entry) => entry.billed);
// The SDK logs unparsable SSE data before throwing; keep test output quiet.
const quietClient = () =>
  new OpenAI({ apiKey: "local", baseURL: t.server.url, maxRetries: 0, logLevel: "off" });

describe("/__control/billing", () => {
  it("starts at zero, adds up what was billed, and DELETE returns the totals it resets", async () => {
    expect(await t.billing()).toEqual(NOTHING);
    const a = await t.client.responses.create({ model: "gpt-4.1-mini", input: COFFEE_BRIEF });
    const b = await t.client.responses.create({ model: "gpt-5-mini", input: COFFEE_BRIEF });
    const totals = {
      inputTokens: (a.usage?.input_tokens ?? 0) + (b.usage?.input_tokens ?? 0),
      outputTokens: (a.usage?.output_tokens ?? 0) + (b.usage?.output_tokens ?? 0),
      cachedInputTokens: 0,
      requests: 2,
    };
    expect(await t.billing()).toEqual(totals);
    const reset = await t.control("/__control/billing", { method: "DELETE" });
    expect(await reset.json()).toEqual(totals);
    expect(await t.billing()).toEqual(NOTHING);
  });

  it("bills input with the app's estimator, joining an array input's text parts with line breaks", async () => {
    const instructions = "You are IdeaSpark.";
    const response = await t.client.responses.create({
      model: "gpt-4.1-mini",
      instructions,
      input: [
        {
          role: "user",
          content: [
            { type: "input_text", text: "Topic: a repair café" },
            { type: "input_text", text: "Audience: retirees" },
          ],
        },
        { role: "user", content: "3 ideas" },
      ],
    });
    const input = "Topic: a repair café\nAudience: retirees\n3 ideas";
    expect(response.usage?.input_tokens).toBe(estimatePromptTokens({ instructions, input }));
    expect(response.usage?.output_tokens).toBe(estimateTokens(response.output_text));
    expect(await billedLog()).toEqual([
      {
        inputTokens: response.usage?.input_tokens,
        outputTokens: response.usage?.output_tokens,
        cachedInputTokens: 0,
      },
    ]);
  });

  it("bills a stream exactly the usage its response.completed reports", async () => {
    const stream = await t.client.responses.create({
      model: "gpt-5-mini",
      input: COFFEE_BRIEF,
      stream: true,
    });
    const last = (await collect(stream)).at(-1);
    if (last?.type !== "response.completed") throw new Error("no response.completed");
    const usage = last.response.usage;
    expect(await t.billing()).toEqual({
      inputTokens: usage?.input_tokens,
      outputTokens: usage?.output_tokens,
      cachedInputTokens: 0,
      requests: 1,
    });
  });

  it("bills the cached input tokens it reports", async () => {
    const instructions = "Stay on brief. ".repeat(400);
    const ask = () =>
      t.client.responses.create({ model: "gpt-4.1-mini", instructions, input: BRIEF });
    await ask();
    const second = await ask();
    const cached = second.usage?.input_tokens_details.cached_tokens ?? 0;
    expect(cached).toBeGreaterThanOrEqual(1024);
    expect((await t.billing()).cachedInputTokens).toBe(cached);
    expect((await billedLog())[1]?.cachedInputTokens).toBe(cached);
  });
});

describe("requests that never start generating", () => {
  it("bill nothing: auth, validation, unknown model, injected status (after a delay too), moderation", async () => {
    const noKey = await t.control("/v1/responses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-5-mini", input: "hi" }),
    });
    expect(noKey.status).toBe(401);
    const refused = [
      t.client.responses.create({ model: "gpt-5-mini", input: "hi", max_output_tokens: 5 }),
      t.client.responses.create({ model: "o1-mini", input: "hi" }),
      t.client.responses.create({
        model: "gpt-4.1-mini",
        input: "hi",
        reasoning: { effort: "low" },
      }),
    ];
    for (const request of refused)
      expect(await failure(request)).toMatchObject({ status: expect.any(Number) });
    await t.addFaults([{ status: 429 }, { delayMs: 50, status: 503 }]);
    expect(
      await failure(t.client.responses.create({ model: "gpt-5-mini", input: "hi" })),
    ).toMatchObject({
      status: 429,
    });
    expect(
      await failure(t.client.responses.create({ model: "gpt-5-mini", input: "hi" })),
    ).toMatchObject({
      status: 503,
    });
    await t.client.moderations.create({ input: "hello" });
    expect(await t.billing()).toEqual(NOTHING);
    expect(await billedLog()).toEqual([null, null, null, null, null, null, null]);
  });
});

describe("answers cut short", () => {
  it("a dropped stream bills the input and the text written before the cut", async () => {
    await t.addFaults([{ dropStreamAfterChunks: 4 }]);
    const text = await streamText("gpt-4.1-mini");
    expect(text.length).toBeGreaterThan(0);
    expect(await t.billing()).toEqual({
      inputTokens: INPUT,
      outputTokens: estimateTokens(text),
      cachedInputTokens: 0,
      requests: 1,
    });
  });

  it("a reasoning model's cut stream also bills the reasoning spent before the first delta", async () => {
    const full = await t.client.responses.create({ model: "gpt-5-mini", input: COFFEE_BRIEF });
    const reasoning = full.usage?.output_tokens_details.reasoning_tokens ?? 0;
    await t.control("/__control/billing", { method: "DELETE" });
    await t.addFaults([{ streamError: "server_error", afterChunks: 3 }]);
    const text = await streamText("gpt-5-mini");
    expect(reasoning).toBeGreaterThan(0);
    expect((await t.billing()).outputTokens).toBe(estimateTokens(text) + reasoning);
  });

  it("an incomplete fault bills what its response.incomplete reports", async () => {
    await t.addFaults([{ incomplete: "content_filter", afterChunks: 6 }]);
    const stream = await t.client.responses.create({
      model: "gpt-4.1-mini",
      input: COFFEE_BRIEF,
      stream: true,
    });
    const last = (await collect(stream)).at(-1);
    if (last?.type !== "response.incomplete") throw new Error("no response.incomplete");
    expect(await t.billing()).toMatchObject({
      inputTokens: last.response.usage?.input_tokens,
      outputTokens: last.response.usage?.output_tokens,
      requests: 1,
    });
  });

  it("a refusal bills the refusal's tokens; failed and malformed answers bill only the input", async () => {
    const refusal = "I can't help with that.";
    await t.addFaults([
      { refusal },
      { failed: "server_error" },
      { malformed: true },
      { malformed: true },
    ]);
    await t.client.responses.create({ model: "gpt-4.1-mini", input: COFFEE_BRIEF });
    await streamText("gpt-4.1-mini");
    await failure(t.client.responses.create({ model: "gpt-4.1-mini", input: COFFEE_BRIEF }));
    const quiet = quietClient();
    await failure(
      (async () => {
        const stream = await quiet.responses.create({
          model: "gpt-4.1-mini",
          input: COFFEE_BRIEF,
          stream: true,
        });
        for await (const _event of stream);
      })(),
    );
    const bill = (outputTokens: number) => ({
      inputTokens: INPUT,
      outputTokens,
      cachedInputTokens: 0,
    });
    expect(await billedLog()).toEqual([bill(estimateTokens(refusal)), bill(0), bill(0), bill(0)]);
    expect(await t.billing()).toMatchObject({ requests: 4, outputTokens: estimateTokens(refusal) });
  });
});

describe("clients that leave", () => {
  it("a client disconnecting mid-stream is billed exactly the deltas it was sent, and writing stops", async () => {
    const slow = await startTestServer({ firstTokenMs: 0, chunkMs: 60 });
    try {
      const stream = await slow.client.responses.create({
        model: "gpt-4.1-mini",
        input: COFFEE_BRIEF,
        stream: true,
      });
      let received = "";
      let deltas = 0;
      await failure(
        (async () => {
          for await (const event of stream) {
            if (event.type !== "response.output_text.delta") continue;
            received += event.delta;
            if (++deltas === 3) stream.controller.abort();
          }
        })(),
      );
      const billed = async () => (await slow.requests())[0]?.billed;
      const expected = {
        inputTokens: INPUT,
        outputTokens: estimateTokens(received),
        cachedInputTokens: 0,
      };
      await expect
        .poll(async () => (await slow.requests())[0]?.status, { timeout: 1000 })
        .toBe(200);
      expect(await billed()).toEqual(expected);
      // Nothing more is written (or billed) after the disconnect.
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(await billed()).toEqual(expected);
      expect(await slow.billing()).toEqual({ ...expected, requests: 1 });
      expect((await slow.requests())[0]?.completed).toBe(false);
    } finally {
      await slow.server.close();
    }
  });

  it("a non-streaming client leaving before the answer is billed its input only", async () => {
    const slow = await startTestServer({ firstTokenMs: 300, chunkMs: 0 });
    try {
      const abort = new AbortController();
      setTimeout(() => abort.abort(), 50);
      const request = slow.client.responses.create(
        { model: "gpt-5-mini", input: COFFEE_BRIEF },
        { signal: abort.signal },
      );
      expect(await failure(request)).toBeInstanceOf(OpenAI.APIUserAbortError);
      await expect.poll(async () => (await slow.billing()).requests, { timeout: 1000 }).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await slow.billing()).toEqual({
        inputTokens: INPUT,
        outputTokens: 0,
        cachedInputTokens: 0,
        requests: 1,
      });
    } finally {
      await slow.server.close();
    }
  });
});
