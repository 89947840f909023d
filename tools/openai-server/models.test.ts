// Model ids as the real API treats them: responses name the dated snapshot of the alias asked
// for, and retired or unknown models are a 404 model_not_found that consumes and bills nothing.
import { NotFoundError } from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { snapshotFor } from "./snapshots.js";
import { collect, startTestServer } from "./testServer.js";
import type { TestServer } from "./testServer.js";

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

describe("dated snapshots", () => {
  it.each([
    ["gpt-5-mini", "gpt-5-mini-2025-08-07"],
    ["gpt-5-nano", "gpt-5-nano-2025-08-07"],
    ["gpt-5", "gpt-5-2025-08-07"],
    ["gpt-4.1-mini", "gpt-4.1-mini-2025-04-14"],
    ["gpt-4.1-nano", "gpt-4.1-nano-2025-04-14"],
    ["gpt-4o-mini", "gpt-4o-mini-2024-07-18"],
    ["gpt-6-luna", "gpt-6-luna-2026-09-22"],
    ["my-new-model", "my-new-model-2025-01-01"],
    ["gpt-4o-2024-11-20", "gpt-4o-2024-11-20"],
  ])("names %s as %s", (alias, snapshot) => {
    expect(snapshotFor(alias)).toBe(snapshot);
  });

  it("reports the snapshot in every lifecycle event of a stream", async () => {
    const stream = await t.client.responses.create({
      model: "gpt-5-nano",
      input: "Topic: a garden party",
      stream: true,
    });
    const models = (await collect(stream)).flatMap((e) =>
      "response" in e ? [e.response.model] : [],
    );
    expect(models).toEqual([
      "gpt-5-nano-2025-08-07",
      "gpt-5-nano-2025-08-07",
      "gpt-5-nano-2025-08-07",
    ]);
  });

  it("logs the id the client asked for, not the snapshot", async () => {
    await t.client.responses.create({ model: "gpt-4o-mini", input: "hi" });
    expect((await t.requests())[0]?.model).toBe("gpt-4o-mini");
  });
});

describe("retired and unknown models", () => {
  it.each([
    "gpt-4.5-preview",
    "o1-preview",
    "o1-mini",
    "gpt-4-32k",
    "gpt-3.5-turbo-0613",
    "text-davinci-003",
    "gpt-4-vision-preview",
    "gpt-4o-realtime-preview-2024-10-01",
    "chatgpt-4o-latest",
    "codex-mini-latest",
    "unknown-model",
  ])("answers %s with the real API's 404 model_not_found", async (model) => {
    await t.addFaults([{ status: 500 }]);
    const error = await failure(t.client.responses.create({ model, input: "hi" }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).error).toEqual({
      message: `The model \`${model}\` does not exist or you do not have access to it.`,
      type: "invalid_request_error",
      param: null,
      code: "model_not_found",
    });
    // Refused before generation: the queued fault is still there and nothing was billed.
    expect((await (await t.control("/__control/faults")).json()) as object).toMatchObject({
      responses: [{ status: 500 }],
    });
    expect(await t.billing()).toMatchObject({ requests: 0, inputTokens: 0 });
  });

  it("refuses them on /v1/moderations and GET /v1/models/:id too", async () => {
    const moderation = await failure(
      t.client.moderations.create({ model: "text-davinci-003", input: "hello" }),
    );
    expect(moderation).toMatchObject({ status: 404, code: "model_not_found" });
    expect(await failure(t.client.models.retrieve("o1-mini"))).toBeInstanceOf(NotFoundError);
  });
});
