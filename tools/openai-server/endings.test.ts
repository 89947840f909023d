// Faults that end a generated response the other ways the real API does: a refusal, an
// incomplete answer, a failed response and an SSE `error` event, seen through the openai SDK.
import { estimatePromptTokens, estimateTokens } from "@ideaspark/domain";
import { APIError, BadRequestError, InternalServerError, RateLimitError } from "openai";
import type { ResponseStreamEvent } from "openai/resources/responses/responses";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { splitIntoDeltas } from "./sse.js";
import { COFFEE_BRIEF, collect, rawStream, startTestServer } from "./testServer.js";
import type { TestServer } from "./testServer.js";

const MODEL = "gpt-4.1-mini";
const REFUSAL = "I'm sorry, but I can't help with that request.";
const INPUT_TOKENS = estimatePromptTokens({
  instructions: "",
  input: COFFEE_BRIEF[0]?.content ?? "",
});

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.server.close());

const ask = () => t.client.responses.create({ model: MODEL, input: COFFEE_BRIEF });
const askStream = async () =>
  collect(await t.client.responses.create({ model: MODEL, input: COFFEE_BRIEF, stream: true }));
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );
const types = (events: ResponseStreamEvent[]) =>
  events.map((e) => e.type).filter((type, i, all) => type !== all[i - 1]);
const ofType = <K extends ResponseStreamEvent["type"]>(events: ResponseStreamEvent[], type: K) =>
  events.filter((e): e is Extract<ResponseStreamEvent, { type: K }> => e.type === type);

/** The full answer the brief gets without faults, split the way the server streams it. */
const normalDeltas = async () => splitIntoDeltas((await ask()).output_text);

describe("a refusal fault", () => {
  it("streams a refusal content part in pieces, then completes with the refusal as the message", async () => {
    await t.addFaults([{ refusal: REFUSAL }]);
    const events = await askStream();
    expect(types(events)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.refusal.delta",
      "response.refusal.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    const [added] = ofType(events, "response.content_part.added");
    expect(added?.part).toEqual({ type: "refusal", refusal: "" });
    const deltas = ofType(events, "response.refusal.delta");
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.map((d) => d.delta).join("")).toBe(REFUSAL);
    const [item] = ofType(events, "response.output_item.added");
    const [done] = ofType(events, "response.refusal.done");
    expect(done).toMatchObject({
      item_id: item?.item.id,
      output_index: 0,
      content_index: 0,
      refusal: REFUSAL,
    });
    expect(ofType(events, "response.output_text.delta")).toEqual([]);
    const [completed] = ofType(events, "response.completed");
    expect(completed?.response.output).toEqual([
      {
        id: item?.item.id,
        type: "message",
        status: "completed",
        role: "assistant",
        content: [{ type: "refusal", refusal: REFUSAL }],
      },
    ]);
    expect(completed?.response.usage).toMatchObject({
      input_tokens: INPUT_TOKENS,
      output_tokens: estimateTokens(REFUSAL),
    });
  });

  it("answers a non-streaming request with the same refused message and usage", async () => {
    await t.addFaults([{ refusal: REFUSAL }]);
    const response = await ask();
    expect(response.status).toBe("completed");
    expect(response.output_text).toBe("");
    expect(response.output).toMatchObject([
      { type: "message", status: "completed", content: [{ type: "refusal", refusal: REFUSAL }] },
    ]);
    expect(response.usage).toMatchObject({
      input_tokens: INPUT_TOKENS,
      output_tokens: estimateTokens(REFUSAL),
      total_tokens: INPUT_TOKENS + estimateTokens(REFUSAL),
    });
  });
});

describe("an incomplete fault", () => {
  it.each(["max_output_tokens", "content_filter"] as const)(
    "streams N deltas then ends with response.incomplete for reason %s",
    async (reason) => {
      const expected = (await normalDeltas()).slice(0, 3).join("");
      await t.addFaults([{ incomplete: reason, afterChunks: 3 }]);
      const events = await askStream();
      expect(ofType(events, "response.output_text.delta").map((e) => e.delta)).toHaveLength(3);
      expect(events.at(-1)?.type).toBe("response.incomplete");
      expect(ofType(events, "response.completed")).toEqual([]);
      const [incomplete] = ofType(events, "response.incomplete");
      const response = incomplete?.response;
      expect(response?.status).toBe("incomplete");
      expect(response?.incomplete_details).toEqual({ reason });
      expect(response?.output).toMatchObject([
        {
          type: "message",
          status: "incomplete",
          content: [{ type: "output_text", text: expected }],
        },
      ]);
      expect(response?.usage).toEqual({
        input_tokens: INPUT_TOKENS,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: estimateTokens(expected),
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: INPUT_TOKENS + estimateTokens(expected),
      });
    },
  );

  it("answers a non-streaming request with the first N deltas' text, incomplete", async () => {
    const expected = (await normalDeltas()).slice(0, 5).join("");
    await t.addFaults([{ incomplete: "content_filter", afterChunks: 5 }]);
    const response = await ask();
    expect(response.status).toBe("incomplete");
    expect(response.incomplete_details).toEqual({ reason: "content_filter" });
    expect(response.output_text).toBe(expected);
    expect(response.usage?.output_tokens).toBe(estimateTokens(expected));
  });
});

describe("a failed fault", () => {
  it("streams response.failed right after in_progress, with the error and the input billed", async () => {
    await t.addFaults([{ failed: "server_error" }]);
    const events = await askStream();
    expect(types(events)).toEqual(["response.created", "response.in_progress", "response.failed"]);
    const [failed] = ofType(events, "response.failed");
    expect(failed?.response).toMatchObject({
      status: "failed",
      output: [],
      incomplete_details: null,
      error: {
        code: "server_error",
        message: expect.stringMatching(/^An error occurred while processing your request/),
      },
      usage: {
        input_tokens: INPUT_TOKENS,
        output_tokens: 0,
        total_tokens: INPUT_TOKENS,
      },
    });
  });

  it("carries any response error code and an overriding message", async () => {
    await t.addFaults([{ failed: "invalid_prompt", message: "Flagged." }]);
    const [failed] = ofType(await askStream(), "response.failed");
    expect(failed?.response.error).toEqual({ code: "invalid_prompt", message: "Flagged." });
  });

  it.each([
    ["server_error", InternalServerError, 500, "server_error"],
    ["rate_limit_exceeded", RateLimitError, 429, "requests"],
    ["invalid_prompt", BadRequestError, 400, "invalid_request_error"],
  ] as const)(
    "answers a non-streaming %s failure with the HTTP error the real API sends",
    async (code, ErrorClass, status, type) => {
      await t.addFaults([{ failed: code }]);
      const error = await failure(ask());
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({ status, type, code });
    },
  );
});

describe("a streamError fault", () => {
  it("sends N deltas, then an SSE error event, then ends the stream", async () => {
    await t.addFaults([{ streamError: "server_error", afterChunks: 2 }]);
    const events = await rawStream(t.server.url, { model: MODEL, input: COFFEE_BRIEF });
    expect(events.filter((e) => e.event === "response.output_text.delta")).toHaveLength(2);
    const last = events.at(-1);
    const previous = events.at(-2)?.data.sequence_number as number;
    expect(last?.event).toBe("error");
    expect(last?.data).toEqual({
      type: "error",
      code: "server_error",
      message: expect.stringMatching(/^An error occurred while processing your request/),
      param: null,
      sequence_number: previous + 1,
    });
  });

  it("makes the SDK throw an APIError without a status, carrying the event's code and message", async () => {
    await t.addFaults([
      { streamError: "rate_limit_exceeded", message: "Slow down.", afterChunks: 2 },
    ]);
    const stream = await t.client.responses.create({
      model: MODEL,
      input: COFFEE_BRIEF,
      stream: true,
    });
    const deltas: string[] = [];
    const error = await failure(
      (async () => {
        for await (const event of stream)
          if (event.type === "response.output_text.delta") deltas.push(event.delta);
      })(),
    );
    expect(error).toBeInstanceOf(APIError);
    // The SDK passes the whole event as the error body: its `type` is the event type.
    expect(error).toMatchObject({
      status: undefined,
      code: "rate_limit_exceeded",
      type: "error",
      param: null,
      message: "Slow down.",
    });
    expect(deltas).toHaveLength(2);
  });

  it("still ends with the error event when reasoning used the whole output budget", async () => {
    await t.addFaults([{ streamError: "server_error" }]);
    const events = await rawStream(t.server.url, {
      model: "gpt-5-mini",
      input: COFFEE_BRIEF,
      max_output_tokens: 16,
    });
    expect(events.map((e) => e.event)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.output_item.done",
      "error",
    ]);
  });

  it("answers a non-streaming request with a 500 carrying the code", async () => {
    await t.addFaults([{ streamError: "server_error" }]);
    const error = await failure(ask());
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, code: "server_error" });
  });
});
