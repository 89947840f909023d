// Non-streaming /v1/responses through the real openai SDK: structured output, usage, errors.
import { estimatePromptTokens, estimateTokens } from "@ideaspark/domain";
import { BadRequestError, NotFoundError } from "openai";
import { zodTextFormat } from "openai/helpers/zod";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { COFFEE_BRIEF, startTestServer } from "./testServer.js";
import type { TestServer } from "./testServer.js";

const Idea = z.object({ title: z.string(), pitch: z.string(), firstSteps: z.array(z.string()) });
const ideasFormat = (count: number) =>
  zodTextFormat(z.object({ ideas: z.array(Idea).min(count).max(count) }), "ideas");
const looseFormat = zodTextFormat(z.object({ ideas: z.array(Idea) }), "ideas");

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.server.close());

describe("POST /v1/responses without streaming", () => {
  it("returns exactly the requested number of schema-valid, on-topic ideas", async () => {
    const response = await t.client.responses.parse({
      model: "gpt-5-mini",
      instructions: "You are IdeaSpark. Answer with actionable ideas.",
      input: COFFEE_BRIEF,
      text: { format: ideasFormat(4) },
    });
    expect(response.object).toBe("response");
    expect(response.status).toBe("completed");
    expect(response.id).toMatch(/^resp_/);
    const ideas = response.output_parsed?.ideas ?? [];
    expect(ideas).toHaveLength(4);
    expect(new Set(ideas.map((idea) => idea.title)).size).toBe(4);
    for (const idea of ideas) {
      expect(`${idea.title} ${idea.pitch}`.toLowerCase()).toContain("coffee shop");
      expect(idea.firstSteps.length).toBeGreaterThanOrEqual(2);
    }
    expect(response.output.map((item) => item.type)).toEqual(["reasoning", "message"]);
    expect(response.output[1]).toMatchObject({
      type: "message",
      role: "assistant",
      status: "completed",
    });
  });

  it("reports usage with the app's own token estimator", async () => {
    const instructions = "You are IdeaSpark.";
    const response = await t.client.responses.create({
      model: "gpt-4.1-mini",
      instructions,
      input: COFFEE_BRIEF,
      text: { format: ideasFormat(3) },
    });
    const input = estimatePromptTokens({ instructions, input: COFFEE_BRIEF[0]?.content ?? "" });
    const output = estimateTokens(response.output_text);
    expect(response.usage).toEqual({
      input_tokens: input,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: output,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: input + output,
    });
    expect(response.incomplete_details).toBeNull();
  });

  it("falls back to the count named in the brief, then to five", async () => {
    const named = await t.client.responses.parse({
      model: "gpt-5-mini",
      input: "Give me 7 ideas for a podcast about urban gardening",
      text: { format: looseFormat },
    });
    expect(named.output_parsed?.ideas).toHaveLength(7);
    expect(named.output_parsed?.ideas[0]?.pitch).toContain("urban gardening");
    const unnamed = await t.client.responses.parse({
      model: "gpt-5-mini",
      input: "Topic: a school bake sale",
      text: { format: looseFormat },
    });
    expect(unnamed.output_parsed?.ideas).toHaveLength(5);
  });

  it("gives the same ideas for the same brief and different ones for another", async () => {
    const ask = (topic: string) =>
      t.client.responses.create({
        model: "gpt-5-mini",
        input: `Topic: ${topic}`,
        text: { format: ideasFormat(3) },
      });
    const [a, b, c] = await Promise.all([
      ask("a board game cafe"),
      ask("a board game cafe"),
      ask("a bike repair club"),
    ]);
    expect(a.output_text).toBe(b.output_text);
    expect(c.output_text).not.toBe(a.output_text);
    expect(c.output_text.toLowerCase()).toContain("bike repair club");
  });

  it("answers plain text when no json_schema format is requested, naming the model's snapshot", async () => {
    const response = await t.client.responses.create({
      model: "gpt-4.1-mini",
      input: "I need ideas for a charity run in Manchester",
    });
    expect(response.model).toBe("gpt-4.1-mini-2025-04-14");
    expect(response.output_text).toMatch(/^Here are 3 ideas for a charity run in Manchester:/);
    expect(() => JSON.parse(response.output_text)).toThrow();
  });

  it("stops at max_output_tokens and reports the response as incomplete", async () => {
    const response = await t.client.responses.create({
      model: "gpt-4.1-mini",
      input: COFFEE_BRIEF,
      max_output_tokens: 30,
      text: { format: ideasFormat(4) },
    });
    expect(response.status).toBe("incomplete");
    expect(response.incomplete_details).toEqual({ reason: "max_output_tokens" });
    expect(response.usage?.output_tokens).toBe(30);
    expect(estimateTokens(response.output_text)).toBe(30);
    expect(response.output_text).toHaveLength(120);
    expect(response.output[0]).toMatchObject({ type: "message", status: "incomplete" });
  });

  it("refuses a missing model with a 400 and an unknown one with the real API's 404", async () => {
    const missing = await t.client.responses
      .create({ model: "", input: "hi" })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(BadRequestError);
    expect(missing).toMatchObject({
      status: 400,
      param: "model",
      code: "missing_required_parameter",
    });
    const unknown = await t.client.responses
      .create({ model: "unknown-model", input: "hi" })
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(unknown).toMatchObject({
      status: 404,
      type: "invalid_request_error",
      param: null,
      code: "model_not_found",
      message: "404 The model `unknown-model` does not exist or you do not have access to it.",
    });
  });

  it("refuses max_output_tokens below 16 and a json_schema format without a name", async () => {
    const low = await t.client.responses
      .create({ model: "gpt-5-mini", input: "hi", max_output_tokens: 5 })
      .catch((e: unknown) => e);
    expect(low).toMatchObject({ status: 400, param: "max_output_tokens" });
    const res = await t.control("/v1/responses", {
      method: "POST",
      headers: { authorization: "Bearer local", "content-type": "application/json" },
      body: JSON.stringify({
        model: "gpt-5-mini",
        input: "hi",
        text: { format: { type: "json_schema", schema: {} } },
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { param: "text.format.name", type: "invalid_request_error" },
    });
  });

  it("answers 401 in OpenAI's error shape without a bearer token", async () => {
    const res = await t.control("/v1/responses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-5-mini", input: "hi" }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
    expect(body.error.message).toMatch(/API key/);
  });
});
