// The answer to a reserved spark: the brief's moderation (already under way), then the brief
// cache, then the model; a whole model answer may then be shared through the cache. Returns
// how the request ended with every provider call it made, for the settlement.
import type { AppConfig, AttemptRecord, SparkBrief } from "@ideaspark/domain";
import { generateIdeas } from "../ai/generateIdeas.js";
import type { ModelClient } from "../ai/modelClient.js";
import type { CacheEntry } from "../data/sparkCache.js";
import type { Outcome } from "./records.js";
import { shareAnswer } from "./shareAnswer.js";
import type { SparkContext } from "./handleSpark.js";
import type { Speculation } from "./speculation.js";

export interface AnswerInput {
  ctx: SparkContext;
  client: ModelClient;
  /** The configuration this request runs with (its budget mode applied). */
  config: AppConfig;
  brief: SparkBrief;
  /** The moderation and cache lookup started beside the reservation. */
  speculation: Speculation;
  deadlineAt: number;
  safetyIdentifier: string;
  now: () => number;
  /** The budget allows answers from the brief cache only (no model call). */
  cacheOnly: boolean;
  /** The person consented to AI data use: only then may their answer enter the cache. */
  aiDataUseConsent: boolean;
  storeCachedIdeas: (key: string, entry: CacheEntry) => Promise<void>;
}

/**
 * Moderation, then the cache, then the model. Anyone may be answered from the cache (a hit
 * shares nothing of theirs); only a consenting person's whole answer, passed by moderation, is
 * stored there.
 */
export async function answer(input: AnswerInput): Promise<Outcome> {
  const { ctx, client, config, brief, speculation } = input;
  const failed = (
    attempts: AttemptRecord[],
    status: Outcome["status"],
    errorKind: Outcome["errorKind"],
  ): Outcome => ({
    status,
    model: config.models.primary,
    cached: false,
    attempts,
    ideas: [],
    errorKind,
  });

  ctx.emit({ type: "status", phase: "moderating" });
  // Started with the reservation; nothing reaches the caller or the model before it passes.
  const moderation = await speculation.moderation;
  if (moderation.kind === "flagged")
    return failed(moderation.attempts, "refused", "moderation-refused");
  if (moderation.kind === "cancelled") return failed(moderation.attempts, "cancelled", "cancelled");
  if (moderation.kind === "unavailable") {
    return failed(moderation.attempts, "error", "provider-unavailable");
  }

  const hit = await speculation.cached(config);
  if (hit && hit.ideas.length === brief.count) {
    hit.ideas.forEach((idea, index) => ctx.emit({ type: "idea", index, idea }));
    return {
      status: "ok",
      model: hit.model,
      cached: true,
      attempts: moderation.attempts,
      ideas: hit.ideas,
    };
  }
  // The entry the budget check found expired since: still no model call at the budget.
  if (input.cacheOnly) return failed(moderation.attempts, "refused", "budget-exhausted");

  ctx.emit({ type: "status", phase: "thinking" });
  const generated = await generateIdeas({
    client,
    brief,
    config,
    signal: ctx.signal,
    deadlineAt: input.deadlineAt,
    safetyIdentifier: input.safetyIdentifier,
    emit: ctx.emit,
    now: input.now,
  });
  // A whole answer is shared even when its caller left before the end: it was paid for. Its
  // ideas have already streamed, so the moderation of them (one call, within the moderation
  // timeout) delays only the final result and the settlement.
  const shared = await shareAnswer({
    client,
    config,
    key: await speculation.cacheKey(config),
    aiDataUseConsent: input.aiDataUseConsent,
    ideas: generated.answer,
    model: generated.model,
    nowMs: Date.now(),
    store: input.storeCachedIdeas,
  });
  return {
    status: generated.status,
    model: generated.model,
    cached: false,
    attempts: [...moderation.attempts, ...generated.attempts, ...shared.attempts],
    ideas: generated.ideas,
    ...(generated.errorKind ? { errorKind: generated.errorKind } : {}),
  };
}
