// Moderation of a brief before any generation, retried like a model call (bounded, backoff).
import { DomainError, nextStep, planAttempts, type AppConfig } from "@ideaspark/domain";
import { ModelCallError, type ModelClient, type ModerationResult } from "../ai/modelClient.js";
import { sleepFor } from "../ai/generateIdeas.js";

export async function moderateBrief(
  client: ModelClient,
  text: string,
  config: Pick<AppConfig, "models" | "retry">,
  signal: AbortSignal,
  random: () => number = Math.random,
): Promise<ModerationResult> {
  const model = config.models.moderation;
  const plan = planAttempts({ maxAttempts: config.retry.maxAttempts, primary: model });
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.moderate(text, model, signal);
    } catch (error) {
      if (signal.aborted) throw new DomainError("cancelled");
      const failure = error instanceof ModelCallError ? error.failure : { code: "network" };
      const step = nextStep({ attempt, failure, plan, policy: config.retry, random });
      if (!step.retry) {
        throw new DomainError("provider-unavailable", undefined, { cause: error });
      }
      await sleepFor(step.delayMs, signal);
    }
  }
}
