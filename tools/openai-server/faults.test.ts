// Fault kinds seen through the real openai SDK: 429 (rate limit, quota, retry-after-ms) and
// 5xx statuses, delay, dropped stream, malformed. endings.test.ts covers the response endings.
import OpenAI, {
  APIConnectionError,
  InternalServerError,
  OpenAIError,
  RateLimitError,
} from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COFFEE_BRIEF, startTestServer } from "./testServer.js";
import type { TestServer } from "./testServer.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.server.close());

const ask = () => t.client.responses.create({ model: "gpt-5-mini", input: COFFEE_BRIEF });
const askStream = () => t.client.responses.stream({ model: "gpt-5-mini", input: COFFEE_BRIEF });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe("fault injection on /v1/responses", () => {
  it("answers 429 with a Retry-After header the SDK error exposes", async () => {
    await t.addFaults([{ status: 429, retryAfter: 1 }]);
    const error = await failure(ask());
    expect(error).toBeInstanceOf(RateLimitError);
    const rateLimit = error as RateLimitError;
    expect(rateLimit.headers.get("retry-after")).toBe("1");
    expect(rateLimit.code).toBe("rate_limit_exceeded");
    expect(rateLimit.type).toBe("requests");
  });

  it("answers a plain 429 as the real rate limit: code rate_limit_exceeded, type requests", async () => {
    await t.addFaults([{ status: 429 }]);
    const res = await t.control("/v1/responses", {
      method: "POST",
      headers: { authorization: "Bearer local", "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-5-mini", input: "hi" }),
    });
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({
      error: {
        message: expect.stringMatching(/^Rate limit reached/),
        type: "requests",
        param: null,
        code: "rate_limit_exceeded",
      },
    });
  });

  it("answers 429 insufficient_quota with the real API's body", async () => {
    await t.addFaults([{ status: 429, code: "insufficient_quota" }]);
    const error = await failure(ask());
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).error).toEqual({
      message:
        "You exceeded your current quota, please check your plan and billing details. For more " +
        "information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
      type: "insufficient_quota",
      param: null,
      code: "insufficient_quota",
    });
  });

  it("puts any code on any status, keeping the status's error type", async () => {
    await t.addFaults([{ status: 503, code: "engine_overloaded" }]);
    expect(await failure(ask())).toMatchObject({
      status: 503,
      type: "server_error",
      code: "engine_overloaded",
    });
  });

  it("sends retry-after-ms next to Retry-After, and the SDK waits retry-after-ms first", async () => {
    await t.addFaults([{ status: 429, retryAfterMs: 250, retryAfter: 30 }]);
    const error = (await failure(ask())) as RateLimitError;
    expect(error.headers.get("retry-after-ms")).toBe("250");
    expect(error.headers.get("retry-after")).toBe("30");
    // With a retry allowed the SDK sleeps retry-after-ms (1.5 s): not Retry-After's 30 s, and
    // longer than its own default backoff (at most 0.5 s for a first retry).
    const retrying = new OpenAI({ apiKey: "local", baseURL: t.server.url, maxRetries: 1 });
    await t.addFaults([{ status: 429, retryAfterMs: 1500, retryAfter: 30 }]);
    const started = performance.now();
    const response = await retrying.responses.create({ model: "gpt-5-mini", input: "hi" });
    const elapsed = performance.now() - started;
    expect(response.status).toBe("completed");
    expect(elapsed).toBeGreaterThanOrEqual(1450);
    expect(elapsed).toBeLessThan(5000);
    expect((await t.requests()).map((entry) => entry.status)).toEqual([429, 429, 200]);
  });

  it("answers 500 with an OpenAI error body, also for streaming requests", async () => {
    await t.addFaults([{ status: 500 }, { status: 503, message: "overloaded" }]);
    const error = await failure(ask());
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, type: "server_error" });
    const streamError = await failure(askStream().finalResponse());
    expect(streamError).toMatchObject({ status: 503, message: "503 overloaded" });
  });

  it("delays the first event by delayMs", async () => {
    const firstEventAfter = async () => {
      const started = performance.now();
      const stream = await t.client.responses.create({
        model: "gpt-5-mini",
        input: "hi",
        stream: true,
      });
      let elapsed = 0;
      for await (const _event of stream) if (!elapsed) elapsed = performance.now() - started;
      return elapsed;
    };
    const baseline = await firstEventAfter();
    await t.addFaults([{ delayMs: 300 }]);
    const delayed = await firstEventAfter();
    expect(delayed).toBeGreaterThanOrEqual(290);
    expect(delayed - baseline).toBeGreaterThanOrEqual(250);
  });

  it("drops a stream after N deltas, which makes the SDK stream throw", async () => {
    await t.addFaults([{ dropStreamAfterChunks: 2 }]);
    const stream = askStream();
    const deltas: string[] = [];
    stream.on("response.output_text.delta", (event) => deltas.push(event.delta));
    const error = await failure(stream.finalResponse());
    expect(error).toBeInstanceOf(OpenAIError);
    expect((error as Error).message).toMatch(/terminated/);
    expect(deltas).toHaveLength(2);
    const [entry] = await t.requests();
    expect(entry).toMatchObject({
      status: 200,
      completed: false,
      fault: { dropStreamAfterChunks: 2 },
    });
  });

  it("drops the connection of a non-streaming request", async () => {
    await t.addFaults([{ dropStreamAfterChunks: 0 }]);
    expect(await failure(ask())).toBeInstanceOf(APIConnectionError);
  });

  it("sends malformed JSON that the SDK refuses, streaming or not", async () => {
    await t.addFaults([{ malformed: true }, { malformed: true }]);
    expect(await failure(ask())).toBeInstanceOf(SyntaxError);
    // The SDK logs unparsable SSE data before throwing; keep test output quiet.
    const quiet = new OpenAI({
      apiKey: "local",
      baseURL: t.server.url,
      maxRetries: 0,
      logLevel: "off",
    });
    const stream = quiet.responses.stream({ model: "gpt-5-mini", input: COFFEE_BRIEF });
    const streamError = await failure(stream.finalResponse());
    expect(String(streamError)).toMatch(/malformed|JSON/i);
  });

  it("consumes faults in order, one per request, and logs which one each request got", async () => {
    await t.addFaults([{ status: 500 }, { status: 429 }]);
    expect(await failure(ask())).toBeInstanceOf(InternalServerError);
    expect(await failure(ask())).toBeInstanceOf(RateLimitError);
    expect((await ask()).status).toBe("completed");
    const log = await t.requests();
    expect(log.map((entry) => [entry.fault?.status ?? null, entry.status])).toEqual([
      [500, 500],
      [429, 429],
      [null, 200],
    ]);
  });

  it("DELETE /__control/faults clears the queue", async () => {
    await t.addFaults([{ status: 500 }, { status: 500, endpoint: "moderations" }]);
    const res = await t.control("/__control/faults", { method: "DELETE" });
    expect(await res.json()).toEqual({ cleared: 2 });
    expect((await ask()).status).toBe("completed");
  });
});

describe("fault injection on /v1/moderations", () => {
  it("targets only moderation requests when endpoint is moderations", async () => {
    await t.addFaults([{ status: 503, endpoint: "moderations" }]);
    expect((await ask()).status).toBe("completed");
    const moderate = () =>
      t.client.moderations.create({ model: "omni-moderation-latest", input: "hello" });
    expect(await failure(moderate())).toMatchObject({ status: 503 });
    expect((await moderate()).results).toHaveLength(1);
  });

  it("applies delays, drops and malformed bodies to moderation requests too", async () => {
    await t.addFaults([
      { endpoint: "moderations", delayMs: 150 },
      { endpoint: "moderations", dropStreamAfterChunks: 0 },
      { endpoint: "moderations", malformed: true },
    ]);
    const moderate = () => t.client.moderations.create({ input: "hello" });
    const started = performance.now();
    expect((await moderate()).results[0]?.flagged).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(await failure(moderate())).toBeInstanceOf(APIConnectionError);
    expect(await failure(moderate())).toBeInstanceOf(SyntaxError);
  });
});

describe("faults aimed at one request", () => {
  it("gives a fault with `match` only to a request whose input contains it; others pass it by", async () => {
    await t.addFaults([{ status: 500, match: "tea ceremony" }, { status: 503 }]);
    // The coffee brief skips the tea fault and takes the unaimed one behind it.
    expect(await failure(ask())).toMatchObject({ status: 503 });
    expect((await ask()).status).toBe("completed");
    const tea = () =>
      t.client.responses.create({ model: "gpt-5-mini", input: "Ideas for a tea ceremony" });
    expect(await failure(tea())).toMatchObject({ status: 500 });
    expect((await tea()).status).toBe("completed");
  });

  it("refuses an empty match", async () => {
    const res = await t.control("/__control/faults", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ status: 500, match: "" }]),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/match/);
  });
});
