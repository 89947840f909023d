import { sampleIdea, type SparkChunk, type SparkResult } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import {
  createSparkRunStore,
  newRun,
  reduceChunk,
  runIdeas,
  type SparkBackend,
} from "./sparkRunStore";

const ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
const BRIEF = { topic: "Board game nights", count: 2 };
const idea = (title: string) => ({ ...sampleIdea, title });
const RESULT: SparkResult = {
  sparkId: ID,
  ideas: [idea("C"), idea("D")],
  usage: { inputTokens: 100, outputTokens: 250, costUsd: 0.001 },
  cached: false,
};

describe("reduceChunk", () => {
  it("follows status → ideas → retry (clears) → ideas", () => {
    const chunks: SparkChunk[] = [
      { type: "status", phase: "moderating" },
      { type: "status", phase: "thinking" },
      { type: "idea", index: 0, idea: idea("A") },
      { type: "idea", index: 1, idea: idea("B") },
      { type: "retry", attempt: 2, delayMs: 100, model: "gpt-4.1-nano" },
    ];
    const seen = chunks.reduce<ReturnType<typeof newRun>[]>(
      (runs, chunk) => [...runs, reduceChunk(runs.at(-1) ?? newRun(ID, BRIEF), chunk)],
      [],
    );
    expect(seen.map((run) => run.phase)).toEqual([
      "moderating",
      "thinking",
      "writing",
      "writing",
      "retrying",
    ]);
    expect(runIdeas(seen[3]!).map((i) => i.title)).toEqual(["A", "B"]);
    expect(runIdeas(seen[4]!)).toEqual([]);
    const after = reduceChunk(seen[4]!, { type: "idea", index: 0, idea: idea("C") });
    expect(runIdeas(after).map((i) => i.title)).toEqual(["C"]);
  });

  it("orders ideas by index even when they arrive out of order", () => {
    let run = reduceChunk(newRun(ID, BRIEF), { type: "idea", index: 1, idea: idea("B") });
    run = reduceChunk(run, { type: "idea", index: 0, idea: idea("A") });
    expect(runIdeas(run).map((i) => i.title)).toEqual(["A", "B"]);
  });
});

function backend(
  script: (onChunk: (c: SparkChunk) => void, signal: AbortSignal) => Promise<SparkResult>,
): SparkBackend {
  return { streamSpark: (_request, onChunk, signal) => script(onChunk, signal) };
}

describe("the run store", () => {
  it("streams a call into the run and ends with the result", async () => {
    const store = createSparkRunStore(async () =>
      backend(async (emit) => {
        emit({ type: "status", phase: "thinking" });
        emit({ type: "idea", index: 0, idea: idea("A") });
        emit({ type: "retry", attempt: 2, delayMs: 0, model: "m" });
        emit({ type: "idea", index: 0, idea: idea("C") });
        return RESULT;
      }),
    );
    await store.start(ID, BRIEF);
    const run = store.getState().runs[ID]!;
    expect(run.phase).toBe("done");
    expect(runIdeas(run).map((i) => i.title)).toEqual(["C", "D"]);
    expect(run.result).toEqual(RESULT);
  });

  const failures: [string, unknown, object][] = [
    [
      "unavailable",
      { code: "functions/unavailable", message: "The AI service is busy right now." },
      { kind: "unavailable", message: "The AI service is busy right now." },
    ],
    [
      "rate-limited",
      {
        code: "functions/resource-exhausted",
        message: "Too many requests. Try again in 12 seconds.",
        details: { kind: "rate-limited", retryable: true, retryAfterSeconds: 12 },
      },
      { kind: "rate-limited", retryAfterSeconds: 12 },
    ],
    [
      "quota-exhausted",
      {
        code: "functions/resource-exhausted",
        message: "You have used this month's tokens.",
        details: {
          kind: "quota-exhausted",
          retryable: false,
          resetsAt: "2026-12-01T00:00:00.000Z",
        },
      },
      { kind: "quota-exhausted", resetsAt: "2026-12-01T00:00:00.000Z" },
    ],
    [
      "a refused brief",
      {
        code: "functions/invalid-argument",
        message: "This brief can't be answered because it breaks our content rules.",
        details: { kind: "moderation-refused", retryable: false },
      },
      {
        kind: "refused",
        message: "This brief can't be answered because it breaks our content rules.",
      },
    ],
    [
      "the AI being paused",
      { code: "functions/failed-precondition", message: "Idea generation is paused." },
      { kind: "paused" },
    ],
    [
      "an internal error (SDK wording replaced)",
      { code: "functions/internal", message: "internal" },
      { kind: "unavailable", message: "The AI service could not be reached. Please try again." },
    ],
  ];

  it.each(failures)(
    "reports %s as its kind with the function's message",
    async (_, error, expected) => {
      const store = createSparkRunStore(async () => backend(() => Promise.reject(error)));
      await store.start(ID, BRIEF);
      const run = store.getState().runs[ID]!;
      expect(run.phase).toBe("error");
      expect(run.error).toMatchObject(expected);
    },
  );

  it("cancels: aborts the call's signal and ends as cancelled, keeping ideas shown", async () => {
    let signal: AbortSignal | undefined;
    const store = createSparkRunStore(async () =>
      backend(
        (emit, s) =>
          new Promise((_, reject) => {
            signal = s;
            emit({ type: "idea", index: 0, idea: idea("A") });
            s.addEventListener("abort", () => reject(new Error("aborted")));
          }),
      ),
    );
    const done = store.start(ID, BRIEF);
    await new Promise((resolve) => setTimeout(resolve, 0));
    store.cancel(ID);
    await done;
    expect(signal?.aborted).toBe(true);
    const run = store.getState().runs[ID]!;
    expect(run.error?.kind).toBe("cancelled");
    expect(runIdeas(run)).toHaveLength(1);
  });
});
