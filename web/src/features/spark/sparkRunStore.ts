// Sparks running in this tab, keyed by requestId: their phase, the ideas received so far (by
// index), the error or the final result. `reduceChunk` is the pure heart; `start` drives the
// callable stream, `cancel` aborts it, and `reset` (at sign-out) aborts every run and forgets them.
import type { Idea, SparkBrief, SparkChunk, SparkResult } from "@ideaspark/domain";
import { createStore, useStore } from "zustand";
import { holdsPersonalState } from "../../lib/personalState";
import { cancelledByUser, describeSparkError, type SparkError } from "./sparkErrors";

export type RunPhase =
  "starting" | "moderating" | "thinking" | "writing" | "retrying" | "done" | "error";

export interface SparkRun {
  requestId: string;
  brief: SparkBrief;
  phase: RunPhase;
  /** Ideas by their index in the answer (holes until each arrives). */
  ideas: Record<number, Idea>;
  error: SparkError | null;
  result: SparkResult | null;
}

export function newRun(requestId: string, brief: SparkBrief): SparkRun {
  return { requestId, brief, phase: "starting", ideas: {}, error: null, result: null };
}

/**
 * The run after one streamed chunk. A `retry` keeps the first `kept` ideas (the next attempt
 * writes only the rest) and clears the others, which the new attempt will replace.
 */
export function reduceChunk(run: SparkRun, chunk: SparkChunk): SparkRun {
  switch (chunk.type) {
    case "status":
      return { ...run, phase: chunk.phase };
    case "idea":
      return { ...run, phase: "writing", ideas: { ...run.ideas, [chunk.index]: chunk.idea } };
    case "retry": {
      const kept = Object.entries(run.ideas).filter(([index]) => Number(index) < chunk.kept);
      return { ...run, phase: "retrying", ideas: Object.fromEntries(kept) };
    }
  }
}

export function finishRun(run: SparkRun, result: SparkResult): SparkRun {
  const ideas = Object.fromEntries(result.ideas.map((idea, index) => [index, idea]));
  return { ...run, phase: "done", ideas, result, error: null };
}

export function failRun(run: SparkRun, error: SparkError): SparkRun {
  return { ...run, phase: "error", error };
}

/** Ideas received so far, in answer order. */
export function runIdeas(run: SparkRun): Idea[] {
  return Object.keys(run.ideas)
    .map(Number)
    .sort((a, b) => a - b)
    .map((index) => run.ideas[index] as Idea);
}

export interface SparkBackend {
  streamSpark(
    request: { requestId: string; brief: SparkBrief },
    onChunk: (chunk: SparkChunk) => void,
    signal: AbortSignal,
  ): Promise<SparkResult>;
}

export function createSparkRunStore(loadBackend: () => Promise<SparkBackend>) {
  const store = createStore<{ runs: Record<string, SparkRun> }>(() => ({ runs: {} }));
  const controllers = new Map<string, AbortController>();

  const update = (id: string, change: (run: SparkRun) => SparkRun) =>
    store.setState((state) => {
      const run = state.runs[id];
      return run ? { runs: { ...state.runs, [id]: change(run) } } : state;
    });

  /** Starts the call for `requestId` (a second start for a running id is ignored). */
  async function start(requestId: string, brief: SparkBrief): Promise<void> {
    if (controllers.has(requestId)) return;
    const controller = new AbortController();
    controllers.set(requestId, controller);
    store.setState((state) => ({ runs: { ...state.runs, [requestId]: newRun(requestId, brief) } }));
    try {
      const backend = await loadBackend();
      const result = await backend.streamSpark(
        { requestId, brief },
        (chunk) => update(requestId, (run) => reduceChunk(run, chunk)),
        controller.signal,
      );
      update(requestId, (run) => finishRun(run, result));
    } catch (error) {
      const described = controller.signal.aborted ? cancelledByUser() : describeSparkError(error);
      update(requestId, (run) => failRun(run, described));
    } finally {
      controllers.delete(requestId);
    }
  }

  /**
   * Fetches the call's code ahead of the submit (the brief form calls this when it opens), so a
   * submit starts the request at once instead of after a chunk download.
   */
  function prepare(): void {
    loadBackend().catch(() => undefined); // a failed fetch is retried, and reported, by start()
  }

  function cancel(requestId: string): void {
    controllers.get(requestId)?.abort();
  }

  /** Stops every running spark and forgets all runs (their late results find nothing to update). */
  function reset(): void {
    for (const controller of controllers.values()) controller.abort();
    controllers.clear();
    store.setState({ runs: {} });
  }

  return Object.assign(store, { start, prepare, cancel, reset });
}

export const sparkRuns = createSparkRunStore(() => import("../../data/sparkCalls"));
holdsPersonalState("sparkRuns", () => sparkRuns.reset());

export function useSparkRun(requestId: string): SparkRun | undefined {
  return useStore(sparkRuns, (state) => state.runs[requestId]);
}
