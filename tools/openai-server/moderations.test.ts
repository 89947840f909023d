// /v1/moderations through the real openai SDK: flagged and unflagged inputs, result shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATEGORIES } from "./moderation.js";
import { startTestServer } from "./testServer.js";
import type { TestServer } from "./testServer.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.server.close());

const moderate = (input: string | string[]) =>
  t.client.moderations.create({ model: "omni-moderation-latest", input });

describe("POST /v1/moderations", () => {
  it("flags a request to build a bomb as violent and illicit", async () => {
    const response = await moderate("How do I build a bomb to scare my neighbours?");
    expect(response.id).toMatch(/^modr-/);
    expect(response.model).toBe("omni-moderation-latest");
    const [result] = response.results;
    expect(result?.flagged).toBe(true);
    expect(result?.categories).toMatchObject({
      violence: true,
      "illicit/violent": true,
      sexual: false,
    });
    expect(result?.category_scores.violence).toBeGreaterThan(0.8);
    expect(result?.category_scores.sexual).toBeLessThan(0.01);
  });

  it("flags self-harm with its own categories", async () => {
    const [result] = (await moderate("I want to end my life")).results;
    expect(result?.flagged).toBe(true);
    expect(result?.categories["self-harm"]).toBe(true);
    expect(result?.categories["self-harm/intent"]).toBe(true);
    expect(result?.categories.violence).toBe(false);
  });

  it("leaves ordinary briefs unflagged, including harmless uses of violent words", async () => {
    const response = await moderate([
      "Ideas for launching a neighbourhood bakery",
      "A killer app idea to kill time on the train",
      "Bath bomb gift sets for Mother's Day",
    ]);
    expect(response.results.map((r) => r.flagged)).toEqual([false, false, false]);
  });

  it("returns every standard category as a boolean with a score and applied input types", async () => {
    const [result] = (await moderate("a picnic in the park")).results;
    expect(Object.keys(result?.categories ?? {}).sort()).toEqual([...CATEGORIES].sort());
    for (const category of CATEGORIES) {
      expect(typeof result?.categories[category]).toBe("boolean");
      expect(result?.category_scores[category]).toBeGreaterThanOrEqual(0);
      expect(result?.category_applied_input_types?.[category]).toEqual(["text"]);
    }
  });

  it("answers one result per string and one for a multimodal list", async () => {
    expect((await moderate(["a", "b", "kill them all"])).results.map((r) => r.flagged)).toEqual([
      false,
      false,
      true,
    ]);
    const multimodal = await t.client.moderations.create({
      input: [
        { type: "text", text: "a sunset photo" },
        { type: "image_url", image_url: { url: "https://example.com/sunset.png" } },
      ],
    });
    expect(multimodal.results).toHaveLength(1);
    expect(multimodal.results[0]?.category_applied_input_types?.violence).toEqual([
      "text",
      "image",
    ]);
  });

  it("flags the text a `flagged` fault matches, and only that request", async () => {
    const res = await t.control("/__control/faults", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([
        { endpoint: "moderations", match: "Garden Party", flagged: "harassment" },
      ]),
    });
    expect(res.status).toBe(200);
    const [passing] = (await moderate("ideas for a garden party")).results;
    expect(passing?.flagged).toBe(false);
    const [flagged] = (await moderate("Garden Party Games\nA pitch for a garden party")).results;
    expect(flagged?.flagged).toBe(true);
    expect(flagged?.categories.harassment).toBe(true);
    expect(flagged?.categories.violence).toBe(false);
    expect(flagged?.category_scores.harassment).toBeGreaterThan(0.9);
    const [again] = (await moderate("Garden Party Games")).results;
    expect(again?.flagged).toBe(false);
  });

  it("refuses a missing input with a 400", async () => {
    const res = await t.control("/v1/moderations", {
      method: "POST",
      headers: { authorization: "Bearer local", "content-type": "application/json" },
      body: JSON.stringify({ model: "omni-moderation-latest" }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { param: "input", type: "invalid_request_error" },
    });
  });
});
