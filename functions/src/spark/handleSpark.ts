// The `spark` request end to end: validate, claim the requestId and reserve quota (rate limit,
// hold), check the budget, moderate, answer from the cache or the model (streaming ideas as
// they finish; a whole answer may then be shared through the cache), then settle exactly once
// with every provider call in the ledger. What only reads (the month's spend, the campaigns,
// the brief's moderation and cache lookup) starts early and runs beside the reservation.
import {
  aiAvailability,
  buildSparkPrompt,
  configForMode,
  degradeModelOf,
  DomainError,
  estimateHoldTokens,
  estimatePromptTokens,
  maxOutputTokensFor,
  periodKey,
  PROMPT_VERSION,
  settingsFor,
  SparkRequest,
  type AiMode,
  type AppConfig,
  type PlanId,
  type SparkBrief,
  type SparkChunk,
  type SparkResult,
} from "@ideaspark/domain";
import { logger } from "firebase-functions/logger";
import type { ModelClient } from "../ai/modelClient.js";
import { getAppConfig } from "../data/appConfig.js";
import { accountDeletedError } from "../data/tombstones.js";
import { answer } from "./answer.js";
import { buildRecords, pendingUsage, type Outcome } from "./records.js";
import { replaySettled } from "./replay.js";
import { startSpeculation, type Speculation } from "./speculation.js";
import { FIRESTORE_SPARK_DATA, type SparkData } from "./sparkData.js";

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
  /** Where requests are reserved, settled and cached (Firestore, unless a test says). */
  data?: Partial<SparkData>;
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
  const data: SparkData = { ...FIRESTORE_SPARK_DATA, ...deps.data };
  const period = periodKey(startedAt);

  // Reads cached per instance, needed only after the reservation (the budget) and at
  // settlement (the campaigns): started now, a refusal leaves nothing behind but a warm cache.
  const spent = data.monthSpendUsd(period, deps.cacheTtlMs);
  const campaigns = data.loadCampaigns(deps.cacheTtlMs);
  // A refused request never awaits them; their failures surface where they are awaited.
  spent.catch(() => undefined);
  campaigns.catch(() => undefined);

  const config = await (deps.loadConfig ?? getAppConfig)(deps.cacheTtlMs);
  if (config.aiPaused) throw new DomainError("ai-paused");
  const estimate = holdEstimate(config, brief);
  const facts = { uid, requestId, brief, period, startedAt, model: config.models.primary };
  const client = deps.client();
  // Moderation and the cache lookup do not depend on the reservation, nor it on them: they
  // run beside its transaction, and are read only once it has succeeded.
  const speculation = startSpeculation({
    client,
    config,
    brief,
    signal: ctx.signal,
    lookup: data.lookupCachedIdeas,
  });

  const reservation = await data
    .reserveSpark({
      uid,
      requestId,
      period,
      estimate,
      nowMs: startedAt,
      config,
      pending: pendingUsage(facts),
    })
    .catch((error: unknown) => {
      speculation.abort();
      throw error;
    });
  if (reservation.kind !== "reserved") speculation.abort();
  if (reservation.kind === "settled") return replaySettled(uid, requestId, ctx.emit);
  if (reservation.kind === "in-progress") throw new DomainError("in-progress");
  if (reservation.kind === "taken") throw new DomainError("request-id-taken");

  const availability = await budgetCheck(config, brief, reservation.plan, spent, speculation);
  if (!availability.ok) {
    speculation.abort();
    // Refused before any provider call that counts: the claim and the hold are undone.
    await data.abandonReservation(uid, period, requestId, now());
    throw availability.error;
  }

  let outcome: Outcome;
  try {
    outcome = await answer({
      ctx,
      client,
      config: configForMode(config, availability.mode),
      brief,
      speculation,
      deadlineAt: startedAt + config.timeouts.deadlineMs,
      safetyIdentifier: deps.safetyIdentifier(uid),
      now,
      cacheOnly: availability.mode === "cache-only",
      aiDataUseConsent: reservation.aiDataUseConsent,
      storeCachedIdeas: data.storeCachedIdeas,
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

  const settled = await data.settleSpark({
    uid,
    requestId,
    period,
    nowMs: now(),
    estimateTokens: estimate,
    // Loaded since the start; read once more if that read failed (the provider is paid now).
    campaigns: await campaigns.catch(() => data.loadCampaigns(deps.cacheTtlMs)),
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

type BudgetCheck = { ok: true; mode: AiMode } | { ok: false; error: unknown };

/**
 * Whether the month's budget lets this plan call the model, and how. At the budget under
 * "cache-only", a brief the cache cannot answer is refused like a pause. A failed read of the
 * spend refuses too (with that failure), so the caller's reservation is undone.
 */
async function budgetCheck(
  config: AppConfig,
  brief: SparkBrief,
  plan: PlanId,
  spent: Promise<number>,
  speculation: Speculation,
): Promise<BudgetCheck> {
  try {
    const availability = aiAvailability({ config, plan, monthSpentUsd: await spent });
    if (!availability.ok) return { ok: false, error: new DomainError(availability.kind) };
    if (availability.mode === "cache-only") {
      const hit = await speculation.cached(config);
      if (hit?.ideas.length !== brief.count) {
        return { ok: false, error: new DomainError("budget-exhausted") };
      }
    }
    return availability;
  } catch (error) {
    return { ok: false, error };
  }
}
