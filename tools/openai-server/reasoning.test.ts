// Reasoning models through the openai SDK: the reasoning item that opens their output, the
// reasoning tokens per effort inside output_tokens and max_output_tokens, and refused efforts.
import { estimateTokens } from "@ideaspark/domain";
import { BadRequestError } from "openai";
import type { ResponseCreateParamsNonStreaming } from "openai/resources/responses/responses";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COFFEE_BRIEF, collect, startTestServer } from "./testServer.js";
import type { TestServer } from "./testServer.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.server.close());

type Effort = "none" | "minimal" | "low" | "medium" | "high";
const ask = (
  model: string,
  effort?: Effort,
  extra: Partial<ResponseCreateParamsNonStreaming> = {},
) =>
  t.client.responses.create({
    model,
    input: COFFEE_BRIEF,
    ...(effort ? { reasoning: { effort } } : {}),
    ...extra,
  });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe("models that reason", () => {
  it("stream a reasoning item at output_index 0 before the message at output_index 1", async () => {
    const stream = await t.client.responses.create({
      model: "gpt-5-mini",
      input: COFFEE_BRIEF,
      stream: true,
    });
    const events = await collect(stream);
    const items = events.flatMap((e) =>
      e.type === "response.output_item.added" || e.type === "response.output_item.done"
        ? [[e.type, e.output_index, e.item.type]]
        : [],
    );
    expect(items).toEqual([
      ["response.output_item.added", 0, "reasoning"],
      ["response.output_item.done", 0, "reasoning"],
      ["response.output_item.added", 1, "message"],
      ["response.output_item.done", 1, "message"],
    ]);
    const firstDelta = events.findIndex((e) => e.type === "response.output_text.delta");
    const reasoningDone = events.findIndex((e) => e.type === "response.output_item.done");
    expect(reasoningDone).toBeLessThan(firstDelta);
    const completed = events.at(-1);
    if (completed?.type !== "response.completed") throw new Error("no response.completed");
    expect(completed.response.output[0]).toEqual({
      id: expect.stringMatching(/^rs_/),
      type: "reasoning",
      summary: [],
    });
    expect(completed.response.reasoning?.effort).toBe("medium");
    const text = events
      .map((e) => (e.type === "response.output_text.delta" ? e.delta : ""))
      .join("");
    expect(completed.response.usage).toMatchObject({
      output_tokens: estimateTokens(text) * 2,
      output_tokens_details: { reasoning_tokens: estimateTokens(text) },
    });
  });

  it.each([
    ["gpt-5-mini", "minimal", 0],
    ["gpt-5-mini", "low", 40],
    ["gpt-5-mini", "medium", 100],
    ["gpt-5-mini", "high", 250],
    ["gpt-5.1", "none", 0],
    ["o3", "low", 40],
    ["gpt-6-luna", "low", 40],
    ["gpt-5.4-nano", "none", 0],
  ] as const)(
    "%s at effort %s spends %d reasoning tokens per 100 text tokens, counted in output_tokens",
    async (model, effort, per100) => {
      const response = await ask(model, effort);
      const text = estimateTokens(response.output_text);
      const reasoning = Math.ceil((text * per100) / 100);
      expect(response.usage?.output_tokens_details.reasoning_tokens).toBe(reasoning);
      expect(response.usage?.output_tokens).toBe(text + reasoning);
      expect(response.reasoning?.effort).toBe(effort);
    },
  );

  it("include IdeaSpark's configured models: gpt-6-luna reasons by default, gpt-4o does not", async () => {
    const luna = await ask("gpt-6-luna");
    expect(luna.reasoning?.effort).toBe("medium");
    expect(luna.output.map((item) => item.type)).toEqual(["reasoning", "message"]);
    expect((await ask("gpt-4o")).reasoning?.effort).toBeNull();
  });

  it("default to medium, except gpt-5.1 and newer, which default to none and emit no reasoning item", async () => {
    const o3 = await ask("o3");
    expect(o3.reasoning?.effort).toBe("medium");
    expect(o3.output.map((item) => item.type)).toEqual(["reasoning", "message"]);
    const gpt51 = await ask("gpt-5.1");
    expect(gpt51.reasoning?.effort).toBe("none");
    expect(gpt51.output.map((item) => item.type)).toEqual(["message"]);
    expect(gpt51.usage?.output_tokens_details.reasoning_tokens).toBe(0);
  });

  it("spend reasoning tokens out of max_output_tokens, leaving the text the rest", async () => {
    const full = await ask("gpt-5-mini", "low");
    const reasoning = full.usage?.output_tokens_details.reasoning_tokens ?? 0;
    expect(reasoning).toBeGreaterThan(20);
    const cut = await ask("gpt-5-mini", "low", { max_output_tokens: reasoning + 20 });
    expect(cut.status).toBe("incomplete");
    expect(cut.incomplete_details).toEqual({ reason: "max_output_tokens" });
    expect(full.output_text.startsWith(cut.output_text)).toBe(true);
    expect(estimateTokens(cut.output_text)).toBe(20);
    expect(cut.usage).toMatchObject({
      output_tokens: reasoning + 20,
      output_tokens_details: { reasoning_tokens: reasoning },
    });
  });

  it("end incomplete with no text at all when reasoning alone reaches max_output_tokens", async () => {
    const stream = await t.client.responses.create({
      model: "gpt-5-mini",
      input: COFFEE_BRIEF,
      reasoning: { effort: "high" },
      max_output_tokens: 64,
      stream: true,
    });
    const events = await collect(stream);
    expect(events.map((e) => e.type)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.output_item.done",
      "response.incomplete",
    ]);
    const last = events.at(-1);
    if (last?.type !== "response.incomplete") throw new Error("no response.incomplete");
    expect(last.response.incomplete_details).toEqual({ reason: "max_output_tokens" });
    expect(last.response.output.map((item) => item.type)).toEqual(["reasoning"]);
    expect(last.response.usage).toMatchObject({
      output_tokens: 64,
      output_tokens_details: { reasoning_tokens: 64 },
    });
  });
});

describe("the reasoning parameter", () => {
  it.each([
    ["gpt-5-mini", "none", "unsupported_value", "'minimal', 'low', 'medium', and 'high'"],
    ["gpt-5.1", "minimal", "unsupported_value", "'none', 'low', 'medium', and 'high'"],
    ["o3", "minimal", "unsupported_value", "'low', 'medium', and 'high'"],
    ["gpt-5-mini", "extreme", "invalid_value", "'none', 'minimal', 'low', 'medium', and 'high'"],
  ])("refuses %s with effort %s as %s", async (model, effort, code, supported) => {
    const error = await failure(ask(model, effort as Effort));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, param: "reasoning.effort", code });
    expect((error as Error).message).toContain(`Supported values are: ${supported}.`);
    expect(await t.billing()).toMatchObject({ requests: 0 });
  });

  it("is refused for a model that does not reason, with the real API's message", async () => {
    const error = await failure(ask("gpt-4.1-mini", "low"));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).error).toEqual({
      message: "Unsupported parameter: 'reasoning.effort' is not supported with this model.",
      type: "invalid_request_error",
      param: "reasoning.effort",
      code: "unsupported_parameter",
    });
  });

  it("is not needed by a model that does not reason, which reports no effort and no reasoning", async () => {
    const response = await ask("gpt-4o-mini");
    expect(response.reasoning?.effort).toBeNull();
    expect(response.output.map((item) => item.type)).toEqual(["message"]);
    expect(response.usage?.output_tokens_details.reasoning_tokens).toBe(0);
  });
});
