// generateIdeas against a scripted ModelClient: what streams out, how failures are retried,
// when the fallback model is used, and how usage is captured or estimated.
import {
  buildSparkPrompt,
  DEFAULT_APP_CONFIG,
  SparkBrief,
  type Idea,
  type SparkChunk,
} from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import { generateIdeas, GenerationError } from "./generateIdeas.js";
import {
  ModelCallError,
  type ModelClient,
  type StreamRequest,
  type StreamResult,
} from "./modelClient.js";

const idea = (n: number): Idea => ({
  title: `Idea number ${n}`,
  pitch: `A pitch for idea ${n}.`,
  whyItWorks: "Because it is specific.",
  effort: "low",
  firstSteps: [`Start step ${n}`],
});
const answer = (count: number) =>
  JSON.stringify({ ideas: Array.from({ length: count }, (_, i) => idea(i + 1)) });

type Script = (request: StreamRequest) => Promise<StreamResult>;

/** Streams `text` in 7-character deltas, then reports `usage` (or none). */
function streams(
  text: string,
  usage: StreamResult["usage"] = { inputTokens: 100, outputTokens: 50, cachedInputTokens: 0 },
): Script {
  return async (request) => {
    for (let i = 0; i < text.length; i += 7) request.onText(text.slice(i, i + 7));
    return { text, usage, incomplete: false, model: request.model };
  };
}
const fails =
  (failure: ModelCallError["failure"], partialText = ""): Script =>
  async (request) => {
    if (partialText) request.onText(partialText);
    throw new ModelCallError("scripted failure", failure, { text: partialText, usage: null });
  };

function run(scripts: Script[], overrides: { signal?: AbortSignal; count?: number } = {}) {
  const calls: StreamRequest[] = [];
  const client: ModelClient = {
    moderate: async () => ({ flagged: false, categories: [] }),
    stream: (request) => {
      calls.push(request);
      const script = scripts[calls.length - 1];
      if (!script) throw new Error("no script left");
      return script(request);
    },
  };
  const chunks: SparkChunk[] = [];
  const brief = SparkBrief.parse({
    topic: "Ideas for a library open day",
    count: overrides.count ?? 2,
  });
  const sleeps: number[] = [];
  const result = generateIdeas({
    client,
    prompt: buildSparkPrompt(brief),
    count: brief.count,
    config: { ...DEFAULT_APP_CONFIG, retry: { maxAttempts: 3, baseMs: 100, maxMs: 2_000 } },
    signal: overrides.signal ?? new AbortController().signal,
    emit: (chunk) => chunks.push(chunk),
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { result, calls, chunks, sleeps };
}

describe("generateIdeas", () => {
  it("emits each idea as its JSON closes and returns the provider's usage", async () => {
    const { result, chunks } = run([streams(answer(2))]);
    const generated = await result;
    expect(chunks).toEqual([
      { type: "idea", index: 0, idea: idea(1) },
      { type: "idea", index: 1, idea: idea(2) },
    ]);
    expect(generated).toMatchObject({
      ideas: [idea(1), idea(2)],
      attempts: 1,
      estimated: false,
      model: "gpt-4.1-mini",
    });
    expect(generated.usage).toEqual({ inputTokens: 100, outputTokens: 50, cachedInputTokens: 0 });
  });

  it("estimates usage and says so when the provider reports none", async () => {
    const text = answer(2);
    const generated = await run([streams(text, null)]).result;
    expect(generated.estimated).toBe(true);
    expect(generated.usage.outputTokens).toBe(Math.ceil(text.length / 4));
    expect(generated.usage.inputTokens).toBeGreaterThan(100);
  });

  it("waits at least Retry-After after a 429, announces the retry, then succeeds", async () => {
    const { result, chunks, sleeps } = run([
      fails({ status: 429, retryAfter: "1" }),
      streams(answer(2)),
    ]);
    expect((await result).attempts).toBe(2);
    expect(sleeps).toEqual([1_000]);
    expect(chunks[0]).toEqual({ type: "retry", attempt: 2, delayMs: 1_000, model: "gpt-4.1-mini" });
  });

  it("retries an answer that is not valid JSON", async () => {
    const { result, calls } = run([streams('{"ideas":[{"title": oops'), streams(answer(2))]);
    expect((await result).ideas).toHaveLength(2);
    expect(calls).toHaveLength(2);
  });

  it("retries an answer with the wrong number of ideas", async () => {
    const { result } = run([streams(answer(1)), streams(answer(2))]);
    expect((await result).attempts).toBe(2);
  });

  it("uses the fallback model for the last attempt, then gives up as unavailable", async () => {
    const { result, calls } = run([
      fails({ status: 500 }),
      fails({ status: 502 }),
      fails({ status: 503 }),
    ]);
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenerationError);
    expect(error).toMatchObject({
      reason: "unavailable",
      consumed: { attempts: 3, model: "gpt-4.1-nano" },
    });
    expect(calls.map((c) => c.model)).toEqual(["gpt-4.1-mini", "gpt-4.1-mini", "gpt-4.1-nano"]);
  });

  it("does not retry a request the provider calls invalid", async () => {
    const { result, calls } = run([fails({ status: 400 })]);
    await expect(result).rejects.toMatchObject({ reason: "unavailable" });
    expect(calls).toHaveLength(1);
  });

  it("stops at once when the caller aborts, reporting what the cut attempt produced", async () => {
    const abort = new AbortController();
    const cut: Script = async (request) => {
      request.onText('{"ideas":[');
      abort.abort();
      throw new ModelCallError("aborted", { code: "aborted" }, { text: '{"ideas":[', usage: null });
    };
    const { result, calls } = run([cut, streams(answer(2))], { signal: abort.signal });
    const error = await result.catch((e: unknown) => e);
    expect(error).toMatchObject({
      reason: "cancelled",
      consumed: { estimated: true, attempts: 1 },
    });
    expect((error as GenerationError).consumed.usage.outputTokens).toBe(3);
    expect(calls).toHaveLength(1);
  });

  it("treats its own per-attempt timeout as retryable", async () => {
    const slow: Script = (request) =>
      new Promise((_resolve, reject) => {
        request.signal.addEventListener("abort", () =>
          reject(new ModelCallError("aborted", { code: "aborted" })),
        );
      });
    const brief = SparkBrief.parse({ topic: "Ideas for a library open day", count: 1 });
    const calls: string[] = [];
    const generated = await generateIdeas({
      client: {
        moderate: async () => ({ flagged: false, categories: [] }),
        stream: (request) => {
          calls.push(request.model);
          return calls.length === 1 ? slow(request) : streams(answer(1))(request);
        },
      },
      prompt: buildSparkPrompt(brief),
      count: 1,
      config: {
        ...DEFAULT_APP_CONFIG,
        requestTimeoutMs: 50,
        retry: { maxAttempts: 2, baseMs: 1, maxMs: 10 },
      },
      signal: new AbortController().signal,
      emit: () => undefined,
      random: () => 0,
      sleep: async () => undefined,
    });
    expect(generated.attempts).toBe(2);
  });
});
