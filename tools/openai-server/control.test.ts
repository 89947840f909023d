// The /__control API (health, request log, fault queue validation) and /v1/models.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestServer } from "./testServer.js";
import type { TestServer } from "./testServer.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.server.close());

const postFaults = async (body: string) => {
  const res = await t.control("/__control/faults", { method: "POST", body });
  return { status: res.status, body: (await res.json()) as { error?: { message: string } } };
};

describe("/__control", () => {
  it("reports health", async () => {
    const res = await t.control("/__control/health");
    expect(await res.json()).toEqual({ ok: true, inFlight: 0 });
  });

  it("logs each API request with its model, stream flag, fault, time and body", async () => {
    const before = Date.now();
    await t.addFaults([{ status: 500 }]);
    await t.client.responses.create({ model: "gpt-5-mini", input: "first" }).catch(() => null);
    await t.client.responses
      .create({ model: "gpt-5-nano", input: "second", stream: true })
      .then(async (s) => {
        for await (const _event of s);
      });
    await t.client.moderations.create({ input: "third" });
    const log = await t.requests();
    expect(log.map((e) => [e.method, e.path, e.model, e.stream, e.status])).toEqual([
      ["POST", "/v1/responses", "gpt-5-mini", false, 500],
      ["POST", "/v1/responses", "gpt-5-nano", true, 200],
      ["POST", "/v1/moderations", null, false, 200],
    ]);
    expect(log[0]?.fault).toEqual({ status: 500 });
    expect(log[1]?.fault).toBeNull();
    expect(log[1]?.completed).toBe(true);
    expect(log[2]?.body).toEqual({ input: "third" });
    expect(Date.parse(log[0]?.timestamp ?? "")).toBeGreaterThanOrEqual(before - 1000);
  });

  it("clears the request log on DELETE", async () => {
    await t.client.models.list();
    const res = await t.control("/__control/requests", { method: "DELETE" });
    expect(await res.json()).toEqual({ cleared: 1 });
    expect(await t.requests()).toEqual([]);
  });

  it("shows queued faults per endpoint", async () => {
    await t.addFaults([
      { status: 500 },
      { endpoint: "moderations", delayMs: 10 },
      { malformed: true },
    ]);
    const res = await t.control("/__control/faults");
    expect(await res.json()).toEqual({
      responses: [{ status: 500 }, { malformed: true }],
      moderations: [{ endpoint: "moderations", delayMs: 10 }],
    });
  });

  it.each([
    ["{not json", /parse the JSON body/],
    ['{"status":500}', /JSON array/],
    ['[{"status":99}]', /faults\[0\]: "status" must be an integer from 400 to 599/],
    ['[{"status":500},{"stauts":500}]', /faults\[1\]: unknown field "stauts"/],
    ['[{"status":500,"malformed":true}]', /at most one of/],
    ['[{"retryAfter":1,"delayMs":5}]', /"retryAfter" only applies together with "status"/],
    ['[{"endpoint":"chat"}]', /"endpoint" must be "responses" or "moderations"/],
    ["[{}]", /needs one of/],
    ['[{"refusal":""}]', /"refusal" must be a non-empty string/],
    ['[{"incomplete":"length"}]', /"incomplete" must be "max_output_tokens" or "content_filter"/],
    ['[{"failed":"oops"}]', /"failed" must be a response error code \(server_error/],
    ['[{"streamError":"server_error","afterChunks":-1}]', /"afterChunks" must be an integer/],
    [
      '[{"refusal":"no","afterChunks":2}]',
      /"afterChunks" only applies together with "incomplete" or "streamError"/,
    ],
    ['[{"streamError":"server_error","failed":"server_error"}]', /at most one of/],
    ['[{"delayMs":1,"code":"insufficient_quota"}]', /"code" only applies together with "status"/],
    ['[{"status":429,"retryAfterMs":1.5}]', /"retryAfterMs" must be an integer from 0 to 3600000/],
    [
      '[{"incomplete":"content_filter","message":"x"}]',
      /"message" only applies together with "status" or "failed" or "streamError"/,
    ],
    [
      '[{"endpoint":"moderations","refusal":"no"}]',
      /"refusal" only applies to the responses endpoint/,
    ],
    ['[{"flagged":"violence"}]', /"flagged" only applies to the moderations endpoint/],
    ['[{"endpoint":"moderations","flagged":"rude"}]', /"flagged" must be a moderation category/],
    ['[{"endpoint":"moderations","flagged":"violence","status":500}]', /at most one of/],
  ])("refuses bad fault input %s with a 400 and a clear message", async (body, message) => {
    const result = await postFaults(body);
    expect(result.status).toBe(400);
    expect(result.body.error?.message).toMatch(message);
    expect(await (await t.control("/__control/faults")).json()).toEqual({
      responses: [],
      moderations: [],
    });
  });
});

describe("GET /v1/models", () => {
  it("lists a few models and retrieves any well-formed id", async () => {
    const ids = [];
    for await (const model of t.client.models.list()) ids.push(model.id);
    expect(ids).toContain("gpt-5-mini");
    expect(ids).toContain("omni-moderation-latest");
    expect((await t.client.models.retrieve("gpt-4o-2024-08-06")).id).toBe("gpt-4o-2024-08-06");
  });

  it("answers unknown URLs with an OpenAI-style 404", async () => {
    const res = await t.control("/v1/chat/nope", { headers: { authorization: "Bearer local" } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "unknown_url" } });
  });
});
