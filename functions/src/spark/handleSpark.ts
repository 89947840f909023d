// The `spark` request end to end: validate, claim the requestId and reserve quota (rate limit,
// hold), check the budget, moderate, answer from the cache or the model (streaming ideas as
// they finish; a whole answer may then be shared through the cache), then settle exactly once
// with every provider call in the ledger.
import {
  aiAvailability,
  buildSparkPrompt,
  configForMode,
  degradeModelOf,
  DomainError,
  estimateHoldTokens,
  estimatePromptTokens,
  isCacheable,
  maxOutputTokensFor,
  periodKey,
  PROMPT_VERSION,
  settingsFor,
  sparkCacheKey,
  SparkRequest,
  type AppConfig,
  type AttemptRecord,
  type SparkBrief,
  type SparkChunk,
  type SparkResult,
} from "@ideaspark/domain";
import { logger } from "firebase-functions/logger";
import { generateIdeas } from "../ai/generateIdeas.js";
import type { ModelClient } from "../ai/modelClient.js";
import { getAppConfig } from "../data/appConfig.js";
import { monthSpendUsd } from "../data/budget.js";
import { loadCampaigns } from "../data/campaigns.js";
import { abandonReservation, settleSpark } from "../data/ledger.js";
import { reserveSpark } from "../data/quotas.js";
import { accountDeletedError } from "../data/tombstones.js";
import { lookupCachedIdeas, storeCachedIdeas } from "../data/sparkCache.js";
import { moderateBrief } from "./moderate.js";
import { buildRecords, pendingUsage, type Outcome } from "./records.js";
import { replaySettled } from "./replay.js";
import { shareAnswer } from "./shareAnswer.js";

export interface SparkContext {
  uid: string | undefined;
  /** The caller's ID token says their address is verified (Google sign-in counts). */
  emailVerified: boolean;
  data: unknown;
  /** Sends a progress chunk to a streaming caller (no-op otherwise). */
  emit: (chunk: SparkChunk) => void;
  /** Fires when the caller disconnects. */
  signal: AbortSignal;
}

export interface SparkDeps {
  client: () => ModelClient;
  cacheTtlMs: number;
  /** OpenAI's `safety_identifier` for a uid: a keyed hash, never the uid itself. */
  safetyIdentifier: (uid: string) => string;
  /** The clock every step of the request reads (tests move it to a month of their own). */
  now?: () => number;
  /** Where the business configuration comes from (config/app, cached, unless a test says). */
  loadConfig?: (ttlMs: number) => Promise<AppConfig>;
}

/** Tokens to hold: the prompt plus the largest answer either model may write. */
function holdEstimate(config: AppConfig, brief: SparkBrief): number {
  const prompt = estimatePromptTokens(buildSparkPrompt(brief));
  const models = [config.models.primary, config.models.fallback];
  // A free user at the budget may be answered by the degrade model instead.
  if (config.degradeAction === "cheaper-model") models.push(degradeModelOf(config));
  const output = models.map((model) =>
    maxOutputTokensFor(
      brief.count,
      config.maxOutputTokens,
      settingsFor(config, model) ?? undefined,
    ),
  );
  return estimateHoldTokens(prompt, Math.max(...output));
}

export async function handleSpark(ctx: SparkContext, deps: SparkDeps): Promise<SparkResult> {
  const now = deps.now ?? Date.now;
  const startedAt = now();
  if (!ctx.uid) throw new DomainError("unauthenticated");
  // Only verified people spend AI: scripted sign-ups with throwaway addresses get nothing.
  if (!ctx.emailVerified) throw new DomainError("email-unverified");
  const uid = ctx.uid;
  const parsed = SparkRequest.safeParse(ctx.data);
  if (!parsed.success) throw DomainError.invalidArgument(parsed.error);
  const { requestId, brief } = parsed.data;

  const config = await (deps.loadConfig ?? getAppConfig)(deps.cacheTtlMs);
  if (config.aiPaused) throw new DomainError("ai-paused");
  const period = periodKey(startedAt);
  const estimate = holdEstimate(config, brief);
  const facts = { uid, requestId, brief, period, startedAt, model: config.models.primary };

  const reservation = await reserveSpark({
    uid,
    requestId,
    period,
    estimate,
    nowMs: startedAt,
    config,
    pending: pendingUsage(facts),
  });
  if (reservation.kind === "settled") return replaySettled(uid, requestId, ctx.emit);
  if (reservation.kind === "in-progress") throw new DomainError("in-progress");
  if (reservation.kind === "taken") throw new DomainError("request-id-taken");

  const spent = await monthSpendUsd(period, deps.cacheTtlMs);
  const availability = aiAvailability({ config, plan: reservation.plan, monthSpentUsd: spent });
  // At the budget under "cache-only", a brief the cache cannot answer is refused like a pause.
  const cacheOnlyMiss =
    availability.ok && availability.mode === "cache-only" && !(await cachedAnswer(config, brief));
  if (!availability.ok || cacheOnlyMiss) {
    await abandonReservation(uid, period, requestId, now());
    throw new DomainError(availability.ok ? "budget-exhausted" : availability.kind);
  }
  const cacheOnly = availability.mode === "cache-only";

  let outcome: Outcome;
  try {
    outcome = await answer({
      ctx,
      deps,
      config: configForMode(config, availability.mode),
      brief,
      uid,
      startedAt,
      now,
      cacheOnly,
      aiDataUseConsent: reservation.aiDataUseConsent,
    });
  } catch (error) {
    // A bug or an unforeseen failure: still settle (as an error) so the hold is released.
    logger.error("spark failed unexpectedly", { requestId, error: String(error) });
    outcome = {
      status: "error",
      model: config.models.primary,
      cached: false,
      attempts: [],
      ideas: [],
      errorKind: "provider-unavailable",
    };
  }

  const campaigns = await loadCampaigns(deps.cacheTtlMs);
  const settled = await settleSpark({
    uid,
    requestId,
    period,
    nowMs: now(),
    estimateTokens: estimate,
    campaigns,
    emailVerified: ctx.emailVerified,
    build: (holdTokens) =>
      buildRecords(
        {
          ...facts,
          promptVersion: PROMPT_VERSION,
          nowMs: now(),
          outcome,
          pricing: config.pricing,
        },
        holdTokens,
      ),
  });
  if (settled.kind === "already-settled") return replaySettled(uid, requestId, ctx.emit);
  if (settled.kind === "account-deleted") {
    logger.info("spark settled after its account was deleted", {
      requestId,
      providerUsd: settled.usage?.providerUsage.costUsd ?? 0,
    });
    throw accountDeletedError();
  }
  const { usage, charge } = settled;
  logger.info("spark settled", {
    requestId,
    uid,
    status: usage.status,
    model: usage.model,
    cached: usage.cached,
    attempts: usage.attempts,
    chargedTokens: charge.inputTokens + charge.outputTokens,
    chargedUsd: charge.costUsd,
    providerUsd: usage.providerUsage.costUsd,
    latencyMs: usage.latencyMs,
  });
  if (outcome.status !== "ok" && outcome.status !== "partial") {
    throw new DomainError(outcome.errorKind ?? "provider-unavailable");
  }
  return {
    sparkId: requestId,
    ideas: outcome.ideas,
    usage: charge,
    cached: outcome.cached,
    partial: outcome.status === "partial",
  };
}

interface AnswerInput {
  ctx: SparkContext;
  deps: SparkDeps;
  config: AppConfig;
  brief: SparkBrief;
  uid: string;
  startedAt: number;
  now: () => number;
  /** The budget allows answers from the brief cache only (no model call). */
  cacheOnly: boolean;
  /** The person consented to AI data use: only then may their answer enter the cache. */
  aiDataUseConsent: boolean;
}

/** The brief cache's key for `brief`, or null when such a brief is not cached. */
async function briefCacheKey(config: AppConfig, brief: SparkBrief): Promise<string | null> {
  if (!config.cacheEnabled || !isCacheable(brief)) return null;
  return sparkCacheKey({ model: config.models.primary, promptVersion: PROMPT_VERSION, brief });
}

/** Whether the cache holds an answer with every idea the brief asks for. */
async function cachedAnswer(config: AppConfig, brief: SparkBrief): Promise<boolean> {
  const key = await briefCacheKey(config, brief);
  const hit = key ? await lookupCachedIdeas(key, Date.now()) : null;
  return hit !== null && hit.ideas.length === brief.count;
}

/**
 * Moderation, then the cache, then the model: how the request ended, every call included.
 * Anyone may be answered from the cache (a hit shares nothing of theirs); only a consenting
 * person's whole answer, passed by moderation, is stored there.
 */
async function answer(input: AnswerInput): Promise<Outcome> {
  const { ctx, deps, config, brief, uid, startedAt, now } = input;
  const client = deps.client();
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
  const briefText = [brief.topic, brief.audience, brief.constraints].filter(Boolean).join("\n");
  const moderation = await moderateBrief(client, briefText, config, ctx.signal);
  if (moderation.kind === "flagged")
    return failed(moderation.attempts, "refused", "moderation-refused");
  if (moderation.kind === "cancelled") return failed(moderation.attempts, "cancelled", "cancelled");
  if (moderation.kind === "unavailable") {
    return failed(moderation.attempts, "error", "provider-unavailable");
  }

  const cacheKey = await briefCacheKey(config, brief);
  const hit = cacheKey ? await lookupCachedIdeas(cacheKey, Date.now()) : null;
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
    deadlineAt: startedAt + config.timeouts.deadlineMs,
    safetyIdentifier: deps.safetyIdentifier(uid),
    emit: ctx.emit,
    now,
  });
  // A whole answer is shared even when its caller left before the end: it was paid for. Its
  // ideas have already streamed, so the moderation of them (one call, within the moderation
  // timeout) delays only the final result and the settlement.
  const shared = await shareAnswer({
    client,
    config,
    key: cacheKey,
    aiDataUseConsent: input.aiDataUseConsent,
    ideas: generated.answer,
    model: generated.model,
    nowMs: Date.now(),
    store: storeCachedIdeas,
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
