// Builds the usage record and spark document a settled request writes, from what happened.
import {
  costUsd,
  type AppConfig,
  type Idea,
  type SparkBrief,
  type SparkDoc,
  type UsageRecord,
} from "@ideaspark/domain";
import type { TokenCounts } from "../ai/modelClient.js";

export interface Outcome {
  status: UsageRecord["status"];
  model: string;
  usage: TokenCounts;
  estimated: boolean;
  cached: boolean;
  attempts: number;
  ideas: Idea[];
  errorCode?: string;
}

const SPARK_STATUS: Record<UsageRecord["status"], SparkDoc["status"]> = {
  ok: "complete",
  error: "error",
  refused: "refused",
  cancelled: "cancelled",
};

/** Cost of what the user is charged for: successful and cancelled work; failures cost nothing. */
export function chargedCost(outcome: Outcome, config: Pick<AppConfig, "pricing">): number {
  if (outcome.cached || (outcome.status !== "ok" && outcome.status !== "cancelled")) return 0;
  return costUsd({ model: outcome.model, ...outcome.usage }, config.pricing);
}

export function chargedTokens(outcome: Outcome): number {
  if (outcome.cached || (outcome.status !== "ok" && outcome.status !== "cancelled")) return 0;
  return outcome.usage.inputTokens + outcome.usage.outputTokens;
}

export function buildRecords(input: {
  uid: string;
  requestId: string;
  brief: SparkBrief;
  promptVersion: string;
  period: string;
  startedAt: number;
  nowMs: number;
  outcome: Outcome;
  config: Pick<AppConfig, "pricing">;
}): { usage: UsageRecord; spark: SparkDoc } {
  const { uid, requestId, outcome, nowMs } = input;
  const cost = chargedCost(outcome, input.config);
  const usage: UsageRecord = {
    uid,
    sparkId: requestId,
    model: outcome.model,
    inputTokens: outcome.usage.inputTokens,
    outputTokens: outcome.usage.outputTokens,
    cachedInputTokens: outcome.usage.cachedInputTokens,
    costUsd: cost,
    cached: outcome.cached,
    estimated: outcome.estimated,
    latencyMs: Math.max(0, nowMs - input.startedAt),
    attempts: outcome.attempts,
    status: outcome.status,
    ...(outcome.errorCode ? { errorCode: outcome.errorCode } : {}),
    period: input.period,
    createdAt: nowMs,
  };
  const charged = chargedTokens(outcome);
  const spark: SparkDoc = {
    requestId,
    brief: input.brief,
    ideas: outcome.ideas,
    status: SPARK_STATUS[outcome.status],
    model: outcome.model,
    promptVersion: input.promptVersion,
    createdAt: input.startedAt,
    completedAt: nowMs,
    usage: {
      inputTokens: charged === 0 ? 0 : outcome.usage.inputTokens,
      outputTokens: charged === 0 ? 0 : outcome.usage.outputTokens,
      costUsd: cost,
    },
    cached: outcome.cached,
    starred: [],
    feedback: null,
    ...(outcome.errorCode ? { errorCode: outcome.errorCode } : {}),
  };
  return { usage, spark };
}
