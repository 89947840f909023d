// Streaming /v1/responses through the real openai SDK: event sequence, pacing, disconnects.
import { estimateTokens } from "@ideaspark/domain";
import { zodTextFormat } from "openai/helpers/zod";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { COFFEE_BRIEF, startTestServer } from "./testServer.js";
import type { TestServer } from "./testServer.js";

const format = zodTextFormat(
  z.object({
    ideas: z
      .array(z.object({ title: z.string(), pitch: z.string(), firstSteps: z.array(z.string()) }))
      .min(4)
      .max(4),
  }),
  "ideas",
);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.server.close());

const collapse = (types: string[]) => types.filter((type, i) => type !== types[i - 1]);

describe("POST /v1/responses with stream: true", () => {
  it("emits the real event sequence with many deltas, ordered sequence numbers and usage", async () => {
    const stream = t.client.responses.stream({
      model: "gpt-5-mini",
      input: COFFEE_BRIEF,
      text: { format },
    });
    const types: string[] = [];
    const sequence: number[] = [];
    let text = "";
    let completedUsage: unknown = null;
    for await (const event of stream) {
      types.push(event.type);
      sequence.push(event.sequence_number);
      if (event.type === "response.output_text.delta") text += event.delta;
      if (event.type === "response.completed") completedUsage = event.response.usage;
    }
    expect(collapse(types)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.output_item.done",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    expect(types.filter((type) => type === "response.output_text.delta").length).toBeGreaterThan(
      50,
    );
    expect(sequence).toEqual(sequence.map((_, i) => i));
    const final = await stream.finalResponse();
    expect(final.status).toBe("completed");
    expect(final.output_text).toBe(text);
    expect(final.output_parsed?.ideas).toHaveLength(4);
    const reasoning = estimateTokens(text); // gpt-5-mini at its default "medium" effort
    expect(completedUsage).toMatchObject({
      output_tokens: estimateTokens(text) + reasoning,
      output_tokens_details: { reasoning_tokens: reasoning },
    });
    expect(final.usage?.total_tokens).toBeGreaterThan(final.usage?.output_tokens ?? Infinity);
  });

  it("streams through create({ stream: true }) with deltas of a few characters to a word", async () => {
    const stream = await t.client.responses.create({
      model: "gpt-5-nano",
      input: COFFEE_BRIEF,
      stream: true,
    });
    const deltas: string[] = [];
    let model = "";
    for await (const event of stream) {
      if (event.type === "response.output_text.delta") deltas.push(event.delta);
      if (event.type === "response.completed") model = event.response.model;
    }
    expect(model).toBe("gpt-5-nano-2025-08-07");
    expect(Math.max(...deltas.map((d) => d.length))).toBeLessThanOrEqual(13);
    expect(deltas.join("")).toMatch(/^Here are 4 ideas for a zero-waste coffee shop in Lisbon:/);
  });

  it("ends with response.incomplete when max_output_tokens cuts the answer", async () => {
    const stream = t.client.responses.stream({
      model: "gpt-4.1-mini",
      input: COFFEE_BRIEF,
      max_output_tokens: 40,
      text: { format },
    });
    const terminal: string[] = [];
    for await (const event of stream) {
      if (event.type === "response.incomplete" || event.type === "response.completed")
        terminal.push(event.type);
    }
    const final = await stream.finalResponse();
    expect(terminal).toEqual(["response.incomplete"]);
    expect(final.status).toBe("incomplete");
    expect(final.incomplete_details?.reason).toBe("max_output_tokens");
    expect(final.output_text).toHaveLength(160);
    expect(final.output_parsed).toBeNull();
  });
});

describe("pacing and disconnects", () => {
  it("waits firstTokenMs before the first delta", async () => {
    const slow = await startTestServer({ firstTokenMs: 150, chunkMs: 0 });
    try {
      const stream = await slow.client.responses.create({
        model: "gpt-5-mini",
        input: "hi",
        stream: true,
      });
      let createdAt = 0;
      let firstDeltaAt = 0;
      for await (const event of stream) {
        if (event.type === "response.created") createdAt = performance.now();
        if (event.type === "response.output_text.delta" && !firstDeltaAt)
          firstDeltaAt = performance.now();
      }
      expect(firstDeltaAt - createdAt).toBeGreaterThanOrEqual(130);
    } finally {
      await slow.server.close();
    }
  });

  it("stops work when the client aborts, so the server closes at once", async () => {
    const slow = await startTestServer({ firstTokenMs: 0, chunkMs: 40 });
    const stream = slow.client.responses.stream({
      model: "gpt-5-mini",
      input: COFFEE_BRIEF,
      text: { format },
    });
    let deltas = 0;
    await expect(
      (async () => {
        for await (const event of stream) {
          if (event.type === "response.output_text.delta" && ++deltas === 3) stream.abort();
        }
      })(),
    ).rejects.toThrow(/abort/i);
    const inFlight = async () => {
      const health = (await (await slow.control("/__control/health")).json()) as {
        inFlight: number;
      };
      return health.inFlight;
    };
    await expect.poll(inFlight, { timeout: 1000, interval: 20 }).toBe(0);
    const started = performance.now();
    await slow.server.close();
    expect(performance.now() - started).toBeLessThan(200);
    expect(deltas).toBe(3);
  });

  it("close() cuts off a stream that is still being written", async () => {
    const slow = await startTestServer({ firstTokenMs: 0, chunkMs: 50 });
    const stream = slow.client.responses.stream({
      model: "gpt-5-mini",
      input: COFFEE_BRIEF,
      text: { format },
    });
    let onFirstDelta = () => {};
    const firstDelta = new Promise<void>((resolve) => (onFirstDelta = resolve));
    const consumed = (async () => {
      for await (const event of stream)
        if (event.type === "response.output_text.delta") onFirstDelta();
    })();
    await firstDelta;
    const started = performance.now();
    await slow.server.close();
    expect(performance.now() - started).toBeLessThan(200);
    await expect(consumed).rejects.toThrow();
  });
});
