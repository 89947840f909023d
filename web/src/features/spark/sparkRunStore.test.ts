import type { SparkChunk, SparkResult } from "@ideaspark/domain";
import { sampleIdea } from "@ideaspark/domain/testing";
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
  partial: false,
};

describe("reduceChunk", () => {
  it("follows status → ideas → a retry that keeps nothing (clears) → ideas", () => {
    const chunks: SparkChunk[] = [
      { type: "status", phase: "moderating" },
      { type: "status", phase: "thinking" },
      { type: "idea", index: 0, idea: idea("A") },
      { type: "idea", index: 1, idea: idea("B") },
      { type: "retry", attempt: 2, delayMs: 100, model: "gpt-4.1-nano", kept: 0 },
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

  it("keeps the ideas below `kept` on a retry and replaces the rest as they arrive", () => {
    const brief = { topic: "Board game nights", count: 4 };
    let run = newRun(ID, brief);
    for (const [index, title] of ["A", "B", "C"].entries()) {
      run = reduceChunk(run, { type: "idea", index, idea: idea(title) });
    }
    run = reduceChunk(run, { type: "retry", attempt: 2, delayMs: 0, model: "m", kept: 2 });
    expect(run.phase).toBe("retrying");
    expect(runIdeas(run).map((i) => i.title)).toEqual(["A", "B"]);
    run = reduceChunk(run, { type: "idea", index: 2, idea: idea("C2") });
    run = reduceChunk(run, { type: "idea", index: 3, idea: idea("D2") });
    expect(runIdeas(run).map((i) => i.title)).toEqual(["A", "B", "C2", "D2"]);
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
        emit({ type: "retry", attempt: 2, delayMs: 0, model: "m", kept: 0 });
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
      "a busy provider",
      {
        code: "functions/unavailable",
        message: "The AI service is busy right now.",
        details: { kind: "provider-unavailable", retryable: true },
      },
      { kind: "provider-unavailable", next: "retry", message: "The AI service is busy right now." },
    ],
    [
      "rate-limited",
      {
        code: "functions/resource-exhausted",
        message: "Too many requests. Try again in 12 seconds.",
        details: { kind: "rate-limited", retryable: true, retryAfterSeconds: 12 },
      },
      { kind: "rate-limited", next: "wait", retryAfterSeconds: 12 },
    ],
    [
      "the same request running in another tab",
      {
        code: "functions/aborted",
        message: "This request is already running.",
        details: { kind: "in-progress", retryable: true },
      },
      { kind: "in-progress", next: "follow" },
    ],
    [
      "an internal error from the SDK (its wording replaced)",
      { code: "functions/internal", message: "internal" },
      { kind: "unreachable", next: "retry", message: expect.not.stringContaining("internal") },
    ],
  ];

  it.each(failures)("reports %s as its kind and next step", async (_, error, expected) => {
    const store = createSparkRunStore(async () => backend(() => Promise.reject(error)));
    await store.start(ID, BRIEF);
    const run = store.getState().runs[ID]!;
    expect(run.phase).toBe("error");
    expect(run.error).toMatchObject(expected);
  });

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
    expect(run.error).toMatchObject({ kind: "cancelled", next: "retry" });
    expect(runIdeas(run)).toHaveLength(1);
  });

  it("reset stops every running spark and forgets all runs, even when a result arrives late", async () => {
    const signals: AbortSignal[] = [];
    let finish: (result: SparkResult) => void = () => {};
    const store = createSparkRunStore(async () =>
      backend(
        (emit, signal) =>
          new Promise((resolve) => {
            signals.push(signal);
            emit({ type: "idea", index: 0, idea: idea("Alice's idea") });
            finish = resolve; // this call ignores the abort and answers anyway
          }),
      ),
    );
    const done = store.start(ID, BRIEF);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().runs[ID]).toBeDefined();
    store.reset();
    expect(signals[0]?.aborted).toBe(true);
    expect(store.getState().runs).toEqual({});
    finish(RESULT);
    await done;
    expect(store.getState().runs).toEqual({});
  });

  it("prepare asks for the call's code before any submit (the module loader keeps it)", async () => {
    const calls: string[] = [];
    const backend: SparkBackend = {
      streamSpark: async ({ requestId }) => {
        calls.push(`call ${requestId}`);
        return RESULT;
      },
    };
    const store = createSparkRunStore(async () => {
      calls.push("load");
      return backend;
    });
    store.prepare();
    expect(calls).toEqual(["load"]);
    await store.start(ID, BRIEF);
    expect(calls).toEqual(["load", "load", `call ${ID}`]);
    expect(store.getState().runs[ID]?.phase).toBe("done");
  });

  it("prepare swallows a failed fetch; start then reports it", async () => {
    const store = createSparkRunStore(() => Promise.reject(new Error("chunk failed")));
    store.prepare();
    await store.start(ID, BRIEF);
    expect(store.getState().runs[ID]?.phase).toBe("error");
  });
});
