// Moderation of a brief before any generation (retried once at most) and of a whole answer
// before it may enter the shared cache (one call). Each call has its own timeout (the SDK's
// default is longer than the function may run) and is logged as an attempt (OpenAI's
// moderation is free, but it is a call the ledger shows).
import {
  nextStep,
  planAttempts,
  type AppConfig,
  type AttemptOutcome,
  type AttemptRecord,
  type Idea,
} from "@ideaspark/domain";
import { ModelCallError, type ModelClient } from "../ai/modelClient.js";
import { sleepFor } from "../ai/generateIdeas.js";

/** Moderation calls per brief: the first and one retry. */
const BRIEF_ATTEMPTS = 2;
/** Moderation calls per answer: one; a failure only keeps the answer out of the cache. */
const OUTPUT_ATTEMPTS = 1;

type ModerationConfig = Pick<AppConfig, "models" | "retry" | "timeouts">;

export type Moderation =
  | { kind: "passed"; attempts: AttemptRecord[] }
  | { kind: "flagged"; categories: string[]; attempts: AttemptRecord[] }
  | { kind: "cancelled"; attempts: AttemptRecord[] }
  | { kind: "unavailable"; attempts: AttemptRecord[]; cause: unknown };

export function moderateBrief(
  client: ModelClient,
  text: string,
  config: ModerationConfig,
  signal: AbortSignal,
  random: () => number = Math.random,
): Promise<Moderation> {
  return moderate(client, text, config, signal, BRIEF_ATTEMPTS, random);
}

/** The text of an answer as moderation reads it: every field of every idea, one per line. */
export function ideasText(ideas: readonly Idea[]): string {
  return ideas
    .flatMap((idea) => [idea.title, idea.pitch, idea.whyItWorks, ...idea.firstSteps])
    .join("\n");
}

/**
 * Moderation of a whole answer, one call bounded by the moderation timeout alone: the caller
 * leaving does not cancel it, because an answer is cached even when its caller left.
 */
export function moderateAnswer(
  client: ModelClient,
  ideas: readonly Idea[],
  config: ModerationConfig,
): Promise<Moderation> {
  const never = new AbortController().signal;
  return moderate(client, ideasText(ideas), config, never, OUTPUT_ATTEMPTS, Math.random);
}

async function moderate(
  client: ModelClient,
  text: string,
  config: ModerationConfig,
  signal: AbortSignal,
  maxAttempts: number,
  random: () => number,
): Promise<Moderation> {
  const model = config.models.moderation;
  const plan = planAttempts({ maxAttempts, primary: model });
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
