// Answers a repeated requestId from what was settled the first time, without charging again.
import { DomainError, type SparkChunk, type SparkResult } from "@ideaspark/domain";
import { getSettled } from "../data/sparks.js";
import { sleepFor } from "../ai/generateIdeas.js";

const FAILED_KIND = {
  error: "provider-unavailable",
  refused: "moderation-refused",
  cancelled: "cancelled",
} as const;

export async function replaySettled(
  uid: string,
  requestId: string,
  emit: (chunk: SparkChunk) => void,
): Promise<SparkResult> {
  const settled = await getSettled(uid, requestId);
  if (!settled)
    throw new DomainError("not-found", "That request is not finished yet. Try again in a moment.");
  const { spark, usage } = settled;
  if (usage.status !== "ok") throw new DomainError(FAILED_KIND[usage.status]);
  spark.ideas.forEach((idea, index) => emit({ type: "idea", index, idea }));
  return { sparkId: requestId, ideas: spark.ideas, usage: spark.usage, cached: spark.cached };
}

/** The same requestId is still running elsewhere: wait for it to settle, then replay it. */
export async function waitForSettled(
  uid: string,
  requestId: string,
  emit: (chunk: SparkChunk) => void,
  signal: AbortSignal,
  timeoutMs = 120_000,
): Promise<SparkResult> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !signal.aborted) {
    if (await getSettled(uid, requestId)) return replaySettled(uid, requestId, emit);
    await sleepFor(500, signal);
  }
  throw new DomainError(
    "provider-unavailable",
    "That request is still running. Try again in a minute.",
  );
}
