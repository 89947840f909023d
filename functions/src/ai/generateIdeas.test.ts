// generateIdeas against a scripted ModelClient: what streams out, how failures are resumed or
// retried (and when they are not), which model each attempt uses, and what every attempt
// records for the provider ledger.
import {
  DEFAULT_APP_CONFIG,
  SparkBrief,
  type AppConfig,
  type Idea,
  type SparkChunk,
} from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import { generateIdeas } from "./generateIdeas.js";
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
const answer = (from: number, count: number) =>
  JSON.stringify({ ideas: Array.from({ length: count }, (_, i) => idea(from + i)) });

type Script = (request: StreamRequest) => Promise<StreamResult>;
const USAGE = { inputTokens: 100, outputTokens: 50, cachedInputTokens: 0 };

/** Streams `text` in 7-character deltas, then ends as told. */
function streams(
  text: string,
  usage: StreamResult["usage"] = USAGE,
  end: StreamResult["end"] = { kind: "completed" },
): Script {
  return async (request) => {
    for (let i = 0; i < text.length; i += 7) request.onText(text.slice(i, i + 7));
    return { text, usage, end, model: `${request.model}-2026-01-01` };
  };
}
/** Streams `partialText`, then fails. */
const fails =
  (
    failure: ModelCallError["failure"],
    partialText = "",
    usage: StreamResult["usage"] = null,
  ): Script =>
  async (request) => {
    if (partialText) request.onText(partialText);
    // With text, the provider had accepted the call (its response.created).
    const model = partialText ? request.model : undefined;
    throw new ModelCallError("scripted failure", failure, { text: partialText, usage, model });
  };
/** The first `n` ideas of a `count`-idea answer, cut right after the n-th closes. */
function firstIdeas(n: number, count: number): string {
  const full = answer(1, count);
  let depth = 0;
  let closed = 0;
  for (let i = 0; i < full.length; i++) {
    if (full[i] === "{") depth++;
    if (full[i] === "}" && --depth === 1 && ++closed === n) return full.slice(0, i + 1);
  }
  return full;
}

interface RunOptions {
  signal?: AbortSignal;
  count?: number;
  config?: Partial<AppConfig>;
  deadlineAt?: number;
}

function run(scripts: Script[], options: RunOptions = {}) {
  const calls: StreamRequest[] = [];
  const client: ModelClient = {
    moderate: async () => ({ flagged: false, categories: [], model: "omni-moderation-latest" }),
    stream: (request) => {
      calls.push(request);
      const script = scripts[calls.length - 1];
      if (!script) throw new Error("no script left");
      return script(request);
    },
  };
  const chunks: SparkChunk[] = [];
  const sleeps: number[] = [];
  const result = generateIdeas({
    client,
    brief: SparkBrief.parse({ topic: "Ideas for a library open day", count: options.count ?? 2 }),
    config: {
      ...DEFAULT_APP_CONFIG,
      retry: { maxAttempts: 3, baseMs: 100, maxMs: 2_000 },
      ...options.config,
    },
    signal: options.signal ?? new AbortController().signal,
    deadlineAt: options.deadlineAt ?? Date.now() + 60_000,
    safetyIdentifier: "hashed-user",
    emit: (chunk) => chunks.push(chunk),
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { result, calls, chunks, sleeps };
}

const { primary, fallback } = DEFAULT_APP_CONFIG.models;

describe("generateIdeas: answers", () => {
  it("emits each idea as its JSON closes and logs one priced attempt from the provider's usage", async () => {
    const { result, chunks, calls } = run([streams(answer(1, 2))]);
    const generated = await result;
    expect(chunks).toEqual([
      { type: "idea", index: 0, idea: idea(1) },
      { type: "idea", index: 1, idea: idea(2) },
    ]);
    expect(generated).toMatchObject({ status: "ok", ideas: [idea(1), idea(2)] });
    expect(generated.attempts).toEqual([
      expect.objectContaining({
        kind: "generation",
        model: `${primary}-2026-01-01`,
        ...USAGE,
        outcome: "ok",
        estimated: false,
        ideas: 2,
        // 100 in × $0.10/M + 50 out × $0.50/M = 35 µ$
        costUsd: 0.000035,
      }),
    ]);
    expect(calls[0]).toMatchObject({
      reasoningEffort: DEFAULT_APP_CONFIG.modelSettings[primary]?.reasoningEffort,
      safetyIdentifier: "hashed-user",
    });
  });

  it("estimates usage and says so when the provider reports none", async () => {
    const text = answer(1, 2);
    const generated = await run([streams(text, null)]).result;
    expect(generated.attempts[0]).toMatchObject({
      estimated: true,
      outputTokens: Math.ceil(text.length / 4),
    });
  });
});

describe("generateIdeas: resuming instead of restarting", () => {
  it("keeps the ideas a dropped stream delivered and asks the next attempt only for the rest", async () => {
    const { result, calls, chunks } = run(
      [fails({ code: "stream-dropped" }, firstIdeas(2, 3)), streams(answer(3, 1))],
      { count: 3 },
    );
    const generated = await result;
    expect(generated.status).toBe("ok");
    expect(generated.ideas.map((i) => i.title)).toEqual([
      "Idea number 1",
      "Idea number 2",
      "Idea number 3",
    ]);
    expect(chunks.filter((c) => c.type === "retry")).toEqual([
      expect.objectContaining({ attempt: 2, kept: 2 }),
    ]);
    expect(chunks.at(-1)).toEqual({ type: "idea", index: 2, idea: idea(3) });
    expect(calls[1]?.input).toMatch(/Give exactly 1 more idea/);
    expect(calls[1]?.input).toContain('"Idea number 1", "Idea number 2"');
    expect(calls[1]?.format.schema).toMatchObject({ properties: { ideas: { minItems: 1 } } });
    expect(generated.attempts.map((a) => [a.outcome, a.ideas, a.estimated])).toEqual([
      ["dropped", 2, true],
      ["ok", 1, false],
    ]);
  });

  it("retries malformed output once, then ends with the ideas it has as a partial result", async () => {
    const broken = `${firstIdeas(1, 3)},{"title": oops`;
    const { result, calls } = run([streams(broken), streams(broken), streams(answer(1, 3))], {
      count: 3,
    });
    const generated = await result;
    expect(calls).toHaveLength(2);
    expect(generated.status).toBe("partial");
    expect(generated.ideas).toHaveLength(2);
    expect(generated.attempts.map((a) => a.outcome)).toEqual(["malformed", "malformed"]);
    // Malformed answers were read to their end, so the provider's usage is exact.
    expect(generated.attempts.every((a) => !a.estimated)).toBe(true);
  });

  it("records an attempt the provider refused over HTTP as unbilled", async () => {
    const { result } = run([fails({ status: 500 }), streams(answer(1, 2))]);
    expect((await result).attempts[0]).toMatchObject({
      outcome: "failed",
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      estimated: false,
    });
  });

  it("ends as an error with no ideas when every attempt fails before the first idea", async () => {
    const { result, calls } = run([
      fails({ status: 500 }),
      fails({ status: 502 }),
      fails({ status: 503 }),
    ]);
    const generated = await result;
    expect(generated).toMatchObject({
      status: "error",
      errorKind: "provider-unavailable",
      ideas: [],
    });
    expect(calls.map((c) => c.model)).toEqual([primary, primary, fallback]);
    expect(generated.attempts.map((a) => a.outcome)).toEqual(["failed", "failed", "failed"]);
  });
});

describe("generateIdeas: what is never retried", () => {
  it("ends a refusal as refused at once, without a retry", async () => {
    const { result, calls } = run([
      streams("", USAGE, { kind: "refused", refusal: "I can't help with that." }),
    ]);
    const generated = await result;
    expect(calls).toHaveLength(1);
    expect(generated).toMatchObject({ status: "refused", errorKind: "refused" });
    expect(generated.attempts[0]).toMatchObject({ outcome: "refused", inputTokens: 100 });
  });

  it("ends a content-filtered answer as refused, keeping the usage the provider reported", async () => {
    const { result, calls } = run([
      streams(
        firstIdeas(1, 2),
        { inputTokens: 90, outputTokens: 40, cachedInputTokens: 0 },
        {
          kind: "incomplete",
          reason: "content_filter",
        },
      ),
    ]);
    const generated = await result;
    expect(calls).toHaveLength(1);
    expect(generated.status).toBe("refused");
    expect(generated.attempts[0]).toMatchObject({ outcome: "refused", outputTokens: 40, ideas: 1 });
  });

  it("does not retry an answer cut at max_output_tokens with the same model and limits", async () => {
    const cut = streams(firstIdeas(1, 2), USAGE, {
      kind: "incomplete",
      reason: "max_output_tokens",
    });
    const { result, calls } = run([cut, streams(answer(2, 1))]);
    const generated = await result;
    expect(calls.map((c) => c.model)).toEqual([primary, fallback]);
    expect(generated.status).toBe("ok");
    expect(generated.attempts[0]).toMatchObject({ outcome: "incomplete", ideas: 1 });
  });

  it("ends with a partial result when an incomplete answer has no other model to go to", async () => {
    const cut = streams(firstIdeas(1, 2), USAGE, {
      kind: "incomplete",
      reason: "max_output_tokens",
    });
    const { result, calls } = run([cut], {
      config: { models: { ...DEFAULT_APP_CONFIG.models, fallback: primary } },
    });
    expect((await result).status).toBe("partial");
    expect(calls).toHaveLength(1);
  });

  it("never retries an account out of credit (insufficient_quota), whatever the status", async () => {
    const { result, calls } = run([fails({ status: 429, code: "insufficient_quota" })]);
    expect(await result).toMatchObject({ status: "error", errorKind: "provider-unavailable" });
    expect(calls).toHaveLength(1);
  });

  it("never retries a response the provider's policies failed", async () => {
    const { result, calls } = run([fails({ code: "invalid_prompt", stream: true })]);
    expect(await result).toMatchObject({ status: "refused", errorKind: "refused" });
    expect(calls).toHaveLength(1);
  });
});

describe("generateIdeas: waiting and timing", () => {
  it("waits at least what retry-after-ms asks, preferring it over retry-after", async () => {
    const { result, sleeps, chunks } = run([
      fails({ status: 429, code: "rate_limit_exceeded", retryAfter: "1", retryAfterMs: "1500" }),
      streams(answer(1, 2)),
    ]);
    expect((await result).status).toBe("ok");
    expect(sleeps).toEqual([1_500]);
    expect(chunks[0]).toEqual({
      type: "retry",
      attempt: 2,
      delayMs: 1_500,
      model: primary,
      kept: 0,
    });
  });

  it("retries a stream error event the provider marks as transient", async () => {
    const { result, calls } = run([
      fails({ code: "server_error", stream: true }, firstIdeas(1, 2)),
      streams(answer(2, 1)),
    ]);
    expect((await result).ideas).toHaveLength(2);
    expect(calls).toHaveLength(2);
  });

  it("reads the answer to its end when the caller leaves, showing nothing more", async () => {
    const abort = new AbortController();
    const text = answer(1, 3);
    const firstIdea = firstIdeas(1, 3);
    const leaves: Script = async (request) => {
      request.onText(firstIdea);
      abort.abort();
      request.onText(text.slice(firstIdea.length));
      return { text, usage: USAGE, end: { kind: "completed" }, model: request.model };
    };
    const { result, calls, chunks } = run([leaves], { signal: abort.signal, count: 3 });
    const generated = await result;
    expect(calls).toHaveLength(1);
    expect(chunks.filter((c) => c.type === "idea")).toHaveLength(1);
    expect(generated).toMatchObject({ status: "cancelled", errorKind: "cancelled" });
    expect(generated.ideas).toHaveLength(1);
    // The provider's exact bill is kept; the person's share stops where they left.
    expect(generated.attempts[0]).toMatchObject({
      outcome: "cancelled",
      estimated: false,
      ...USAGE,
      ideas: 1,
      deliveredOutputTokens: Math.ceil(firstIdea.length / 4),
    });
    // The whole answer was paid for, so it can serve the next identical brief.
    expect(generated.answer).toHaveLength(3);
  });

  it("starts no further attempt once the caller has left", async () => {
    const abort = new AbortController();
    const failsThenLeaves: Script = async () => {
      abort.abort();
      throw new ModelCallError("dropped", { code: "stream-dropped" });
    };
    const { result, calls } = run([failsThenLeaves, streams(answer(1, 2))], {
      signal: abort.signal,
    });
    expect((await result).status).toBe("cancelled");
    expect(calls).toHaveLength(1);
  });

  it("ends an attempt whose model goes quiet (idle timeout) and tries again", async () => {
    const silent: Script = (request) =>
      new Promise((_resolve, reject) => {
        request.signal.addEventListener("abort", () =>
          reject(new ModelCallError("aborted", { code: "aborted" })),
        );
      });
    const { result, calls } = run([silent, streams(answer(1, 2))], {
      config: { timeouts: { moderationMs: 1_000, idleMs: 30, deadlineMs: 60_000 } },
    });
    const generated = await result;
    expect(calls).toHaveLength(2);
    expect(generated.attempts.map((a) => a.outcome)).toEqual(["timeout", "ok"]);
  });

  it("does not start a retry that would run past the deadline", async () => {
    const { result, calls, sleeps } = run([fails({ status: 429, retryAfter: "5" })], {
      deadlineAt: Date.now() + 2_000,
      config: { retry: { maxAttempts: 3, baseMs: 100, maxMs: 10_000 } },
    });
    expect((await result).status).toBe("error");
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});
