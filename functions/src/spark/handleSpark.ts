// The `spark` request end to end: validate, reserve quota (rate limit, idempotency, hold),
// check the budget, moderate, answer from the cache or the model (streaming ideas as they
// finish), then settle exactly once. Every outcome after the hold writes usage/{requestId}.
import {
  aiAvailability,
  buildSparkPrompt,
  DomainError,
  estimateHoldTokens,
  estimatePromptTokens,
  isCacheable,
  isDomainError,
  maxOutputTokensFor,
  periodKey,
  sparkCacheKey,
  SparkRequest,
  type AppConfig,
  type SparkBrief,
  type SparkChunk,
  type SparkResult,
} from "@ideaspark/domain";
import { logger } from "firebase-functions/logger";
import { generateIdeas, GenerationError } from "../ai/generateIdeas.js";
import type { ModelClient } from "../ai/modelClient.js";
import { getAppConfig } from "../data/appConfig.js";
import { monthSpendUsd } from "../data/budget.js";
import { releaseHold, settleSpark } from "../data/ledger.js";
import { reserveSpark } from "../data/quotas.js";
import { lookupCachedIdeas, storeCachedIdeas } from "../data/sparkCache.js";
import { moderateBrief } from "./moderate.js";
import { buildRecords, type Outcome } from "./records.js";
import { replaySettled, waitForSettled } from "./replay.js";

export interface SparkContext {
  uid: string | undefined;
  data: unknown;
  /** Sends a progress chunk to a streaming caller (no-op otherwise). */
  emit: (chunk: SparkChunk) => void;
  /** Fires when the caller disconnects. */
  signal: AbortSignal;
}

export interface SparkDeps {
  client: () => ModelClient;
  cacheTtlMs: number;
  now?: () => number;
}

const ZERO = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };

export async function handleSpark(ctx: SparkContext, deps: SparkDeps): Promise<SparkResult> {
  const now = deps.now ?? Date.now;
  const startedAt = now();
  if (!ctx.uid) throw new DomainError("unauthenticated");
  const uid = ctx.uid;
  const parsed = SparkRequest.safeParse(ctx.data);
  if (!parsed.success) throw DomainError.invalidArgument(parsed.error);
  const { requestId, brief } = parsed.data;

  const config = await getAppConfig(deps.cacheTtlMs);
  if (config.aiPaused) throw new DomainError("ai-paused");
  const period = periodKey(startedAt);
  const prompt = buildSparkPrompt(brief);
  const estimate = estimateHoldTokens(
    estimatePromptTokens(prompt),
    maxOutputTokensFor(brief.count, config.maxOutputTokens),
  );

  const reservation = await reserveSpark({
    uid,
    requestId,
    period,
    estimate,
    nowMs: startedAt,
    config,
  });
  if (reservation.kind === "completed") return replaySettled(uid, requestId, ctx.emit);
  if (reservation.kind === "in-flight") return waitForSettled(uid, requestId, ctx.emit, ctx.signal);

  const spent = await monthSpendUsd(period, deps.cacheTtlMs);
  const availability = aiAvailability({ config, plan: reservation.plan, monthSpentUsd: spent });
  if (!availability.ok) {
    await releaseHold(uid, period, requestId, now());
    throw new DomainError(availability.kind);
  }

  const settle = async (outcome: Outcome): Promise<SparkResult> => {
    const nowMs = now();
    const records = buildRecords({
      uid,
      requestId,
      brief,
      promptVersion: prompt.promptVersion,
      period,
      startedAt,
      nowMs,
      outcome,
      config,
    });
    const chargedTokens = records.spark.usage.inputTokens + records.spark.usage.outputTokens;
    await settleSpark({
      uid,
      requestId,
      period,
      nowMs,
      chargedTokens,
      usage: records.usage,
      spark: records.spark,
    });
    logger.info("spark settled", {
      requestId,
      uid,
      status: outcome.status,
      model: outcome.model,
      cached: outcome.cached,
      attempts: outcome.attempts,
      tokens: chargedTokens,
      costUsd: records.usage.costUsd,
      latencyMs: records.usage.latencyMs,
    });
    return {
      sparkId: requestId,
      ideas: outcome.ideas,
      usage: records.spark.usage,
      cached: outcome.cached,
    };
  };

  try {
    return await answer({ ctx, deps, config, brief, prompt, settle });
  } catch (error) {
    if (error instanceof GenerationError) {
      const cancelled = error.reason === "cancelled";
      await settle({
        status: cancelled ? "cancelled" : "error",
        ...error.consumed,
        cached: false,
        ideas: [],
        errorCode: cancelled ? "cancelled" : "provider-unavailable",
      });
      throw new DomainError(cancelled ? "cancelled" : "provider-unavailable", undefined, {
        cause: error,
      });
    }
    if (isDomainError(error) && error.kind === "moderation-refused") throw error;
    const kind = isDomainError(error) ? error.kind : "internal";
    await settle({
      status: kind === "cancelled" ? "cancelled" : "error",
      model: config.models.primary,
      usage: ZERO,
      estimated: false,
      attempts: 0,
      cached: false,
      ideas: [],
      errorCode: kind,
    }).catch((settleError: unknown) =>
      logger.error("could not settle a failed spark; its hold will expire", {
        requestId,
        error: String(settleError),
      }),
    );
    throw error;
  }
}

interface AnswerInput {
  ctx: SparkContext;
  deps: SparkDeps;
  config: AppConfig;
  brief: SparkBrief;
  prompt: ReturnType<typeof buildSparkPrompt>;
  settle: (outcome: Outcome) => Promise<SparkResult>;
}

async function answer({
  ctx,
  deps,
  config,
  brief,
  prompt,
  settle,
}: AnswerInput): Promise<SparkResult> {
  const client = deps.client();
  ctx.emit({ type: "status", phase: "moderating" });
  const briefText = [brief.topic, brief.audience, brief.constraints].filter(Boolean).join("\n");
  const moderation = await moderateBrief(client, briefText, config, ctx.signal);
  if (moderation.flagged) {
    await settle({
      status: "refused",
      model: config.models.moderation,
      usage: ZERO,
      estimated: false,
      attempts: 0,
      cached: false,
      ideas: [],
      errorCode: "moderation-refused",
    });
    throw new DomainError("moderation-refused");
  }

  const cacheKey =
    config.cacheEnabled && isCacheable(brief)
      ? await sparkCacheKey({
          model: config.models.primary,
          promptVersion: prompt.promptVersion,
          brief,
        })
      : null;
  const hit = cacheKey ? await lookupCachedIdeas(cacheKey, Date.now()) : null;
  if (hit) {
    hit.ideas.forEach((idea, index) => ctx.emit({ type: "idea", index, idea }));
    return settle({
      status: "ok",
      model: hit.model,
      usage: ZERO,
      estimated: false,
      attempts: 0,
      cached: true,
      ideas: hit.ideas,
    });
  }

  ctx.emit({ type: "status", phase: "thinking" });
  const generated = await generateIdeas({
    client,
    prompt,
    count: brief.count,
    config,
    signal: ctx.signal,
    emit: ctx.emit,
  });
  const result = await settle({ status: "ok", ...generated, cached: false });
  if (cacheKey) {
    await storeCachedIdeas(cacheKey, {
      ideas: generated.ideas,
      model: generated.model,
      createdAt: Date.now(),
    }).catch((error: unknown) =>
      logger.warn("could not store a cache entry", { error: String(error) }),
    );
  }
  return result;
}
