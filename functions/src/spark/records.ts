// Builds what a request writes: the pending claim placed with the hold, and the final usage
// record (both ledgers) and spark document once it settles.
import {
  chargeFor,
  providerTotals,
  ZERO_PROVIDER_USAGE,
  type AttemptRecord,
  type Charge,
  type DomainErrorKind,
  type Idea,
  type PricingTable,
  type SparkBrief,
  type SparkDoc,
  type UsageRecord,
} from "@ideaspark/domain";

/** How a request ended, with every provider call it made. */
export interface Outcome {
  status: Exclude<UsageRecord["status"], "pending">;
  /** The model that wrote the ideas (or was asked to). */
  model: string;
  cached: boolean;
  attempts: AttemptRecord[];
  ideas: Idea[];
  errorKind?: DomainErrorKind;
}

const SPARK_STATUS: Record<Outcome["status"], SparkDoc["status"]> = {
  ok: "complete",
  partial: "partial",
  error: "error",
  refused: "refused",
  cancelled: "cancelled",
};

interface RequestFacts {
  uid: string;
  requestId: string;
  brief: SparkBrief;
  period: string;
  startedAt: number;
  model: string;
}

/** The claim on a requestId: a usage record that says "running", charged nothing yet. */
export function pendingUsage(facts: RequestFacts): UsageRecord {
  return {
    uid: facts.uid,
    requestId: facts.requestId,
    sparkId: facts.requestId,
    model: facts.model,
    inputTokens: 0,
    outputTokens: 0,
    cachedInputTokens: 0,
    costUsd: 0,
    providerUsage: ZERO_PROVIDER_USAGE,
    attemptLog: [],
    ideasRequested: facts.brief.count,
    ideasDelivered: 0,
    cached: false,
    estimated: false,
    latencyMs: 0,
    attempts: 0,
    status: "pending",
    period: facts.period,
    createdAt: facts.startedAt,
    // Stamped from the account at settlement.
    campaignId: null,
    signedUpAt: null,
    firstInMonth: false,
    returning: false,
  };
}

export function buildRecords(
  facts: RequestFacts & {
    promptVersion: string;
    nowMs: number;
    outcome: Outcome;
    pricing: PricingTable;
  },
  holdTokens: number,
): { usage: UsageRecord; spark: SparkDoc; charge: Charge } {
  const { outcome, nowMs } = facts;
  const provider = providerTotals(outcome.attempts);
  const charge = chargeFor({
    status: outcome.status,
    cached: outcome.cached,
    attempts: outcome.attempts,
    capTokens: holdTokens,
    pricing: facts.pricing,
  });
  const generations = outcome.attempts.filter((a) => a.kind === "generation");
  const errorCode = outcome.errorKind ? { errorCode: outcome.errorKind } : {};
  const usage: UsageRecord = {
    ...pendingUsage(facts),
    model: outcome.model,
    inputTokens: charge.inputTokens,
    outputTokens: charge.outputTokens,
    cachedInputTokens: provider.cachedInputTokens,
    costUsd: charge.costUsd,
    providerUsage: provider,
    attemptLog: outcome.attempts,
    ideasDelivered: outcome.ideas.length,
    cached: outcome.cached,
    estimated: outcome.attempts.some((a) => a.estimated),
    latencyMs: Math.max(0, nowMs - facts.startedAt),
    attempts: generations.length,
    status: outcome.status,
    ...errorCode,
  };
  const spark: SparkDoc = {
    requestId: facts.requestId,
    brief: facts.brief,
    ideas: outcome.ideas,
    status: SPARK_STATUS[outcome.status],
    model: outcome.model,
    promptVersion: facts.promptVersion,
    createdAt: facts.startedAt,
    completedAt: nowMs,
    usage: charge,
    cached: outcome.cached,
    starred: [],
    feedback: null,
    ...errorCode,
  };
  return { usage, spark, charge };
}
