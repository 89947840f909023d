// Moderation of a brief before any generation: each call has its own timeout (the SDK's
// default is longer than the function may run) and is retried once at most. Every call is
// logged as an attempt (OpenAI's moderation is free, but it is a call the ledger shows).
import {
  nextStep,
  planAttempts,
  type AppConfig,
  type AttemptOutcome,
  type AttemptRecord,
} from "@ideaspark/domain";
import { ModelCallError, type ModelClient } from "../ai/modelClient.js";
import { sleepFor } from "../ai/generateIdeas.js";

/** Moderation calls per brief: the first and one retry. */
const MODERATION_ATTEMPTS = 2;

export type Moderation =
  | { kind: "passed"; attempts: AttemptRecord[] }
  | { kind: "flagged"; categories: string[]; attempts: AttemptRecord[] }
  | { kind: "cancelled"; attempts: AttemptRecord[] }
  | { kind: "unavailable"; attempts: AttemptRecord[]; cause: unknown };

export async function moderateBrief(
  client: ModelClient,
  text: string,
  config: Pick<AppConfig, "models" | "retry" | "timeouts">,
  signal: AbortSignal,
  random: () => number = Math.random,
): Promise<Moderation> {
  const model = config.models.moderation;
  const plan = planAttempts({ maxAttempts: MODERATION_ATTEMPTS, primary: model });
  const attempts: AttemptRecord[] = [];
  const log = (outcome: AttemptOutcome, answeredBy: string, code?: string | null) =>
    attempts.push({
      kind: "moderation",
      model: answeredBy,
      inputTokens: 0,
      outputTokens: 0,
      cachedInputTokens: 0,
      reasoningTokens: 0,
      // OpenAI bills nothing for moderation and reports no usage.
      costUsd: 0,
      outcome,
      estimated: false,
      ideas: 0,
      ...(code ? { code } : {}),
    });
  for (let attempt = 1; ; attempt++) {
    const timeout = AbortSignal.timeout(config.timeouts.moderationMs);
    try {
      const result = await client.moderate(text, model, AbortSignal.any([signal, timeout]));
      log(result.flagged ? "flagged" : "ok", result.model);
      return result.flagged
        ? { kind: "flagged", categories: result.categories, attempts }
        : { kind: "passed", attempts };
    } catch (error) {
      const failure = error instanceof ModelCallError ? error.failure : { code: "network" };
      if (signal.aborted) {
        log("cancelled", model);
        return { kind: "cancelled", attempts };
      }
      const timedOut = timeout.aborted;
      log(timedOut ? "timeout" : "failed", model, failure.code);
      const step = nextStep({
        attempt,
        failure: timedOut ? { code: "timeout" } : failure,
        plan,
        policy: config.retry,
        random,
      });
      if (!step.retry) return { kind: "unavailable", attempts, cause: error };
      await sleepFor(step.delayMs, signal);
    }
  }
}
