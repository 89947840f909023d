// The usage ledger: one `usage/{requestId}` document per spark request, written by functions
// whatever the outcome, so cost and behaviour can be audited and rolled up. It keeps two
// ledgers: what the provider billed (every attempt, `providerUsage` + `attemptLog`) and what
// the user was charged (`inputTokens`, `outputTokens`, `costUsd`).
import { z } from "zod";

/**
 * `pending` is the claim placed with the quota hold (the request is running); the others are
 * final. `partial`: fewer ideas than asked were delivered and the answer ended there.
 */
export const USAGE_STATUSES = [
  "pending",
  "ok",
  "partial",
  "error",
  "refused",
  "cancelled",
] as const;
export type UsageStatus = (typeof USAGE_STATUSES)[number];

/** How one provider call ended. */
export const ATTEMPT_OUTCOMES = [
  "ok",
  /** Moderation flagged the brief. */
  "flagged",
  /** The model refused (refusal output) or its content filter stopped the answer. */
  "refused",
  /** The answer hit max_output_tokens. */
  "incomplete",
  "malformed",
  /** The stream broke (connection cut or an SSE error event). */
  "dropped",
  "timeout",
  /** The caller went away; the call was aborted. */
  "cancelled",
  /** An HTTP error or a failed response; nothing usable came back. */
  "failed",
] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** A billing period: the UTC calendar month "YYYY-MM". */
export const PeriodKey = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "period must look like 2025-01" });
export type PeriodKey = z.infer<typeof PeriodKey>;

const count = z.number().int().nonnegative();
const usd = z.number().nonnegative();

/** One provider call a request made: what the provider billed for it and how it ended. */
export const AttemptRecord = z.object({
  kind: z.enum(["moderation", "generation"]),
  /** The model as the provider answered (a dated snapshot when it says so). */
  model: z.string(),
  inputTokens: count,
  outputTokens: count,
  cachedInputTokens: count,
  /** Output tokens spent on reasoning (included in outputTokens). */
  reasoningTokens: count.default(0),
  costUsd: usd,
  outcome: z.enum(ATTEMPT_OUTCOMES),
  /** The provider reported no usage (a cut stream): tokens were estimated from what arrived. */
  estimated: z.boolean(),
  /** Ideas this call delivered to the person. */
  ideas: count.default(0),
  /** The provider's error code, when it sent one. */
  code: z.string().optional(),
  /**
   * Output tokens that reached the person, when they left mid-answer (estimated from the text
   * they had received): their charge for this call stops there, the provider's does not.
   */
  deliveredOutputTokens: count.optional(),
});
export type AttemptRecord = z.infer<typeof AttemptRecord>;

/** The provider's bill for one request: every attempt summed, moderation included. */
export const ProviderUsage = z.object({
  inputTokens: count,
  outputTokens: count,
  cachedInputTokens: count,
  costUsd: usd,
});
export type ProviderUsage = z.infer<typeof ProviderUsage>;

export const ZERO_PROVIDER_USAGE: ProviderUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  costUsd: 0,
};

/**
 * usage/{requestId}: what one request used and cost; unknown keys are ignored on read. The
 * token and cost fields at the top level are the user's charge; `providerUsage` is the bill.
 */
const UsageRecordShape = z.object({
  uid: z.string().min(1),
  requestId: z.string().min(1),
  sparkId: z.string().min(1),
  model: z.string(),
  inputTokens: count,
  outputTokens: count,
  /** Input tokens the provider served from its prompt cache (billed cheaper). */
  cachedInputTokens: count.default(0),
  costUsd: usd,
  providerUsage: ProviderUsage.default(ZERO_PROVIDER_USAGE),
  attemptLog: z.array(AttemptRecord).max(20).default([]),
  /** Ideas asked for and delivered. */
  ideasRequested: count.default(0),
  ideasDelivered: count.default(0),
  /** The result came from IdeaSpark's brief cache: no model tokens were used. */
  cached: z.boolean(),
  /** Token counts were estimated because the provider did not report usage. */
  estimated: z.boolean(),
  latencyMs: count,
  /** Generation calls made (0 for cache hits and refusals before the model). */
  attempts: count,
  status: z.enum(USAGE_STATUSES),
  errorCode: z.string().optional(),
  period: PeriodKey,
  createdAt: count,
  /**
   * The account as the settlement saw it (analytics): its acquisition campaign ("organic",
   * "unattributed" or a campaign id) and sign-up time; null when it had no profile then.
   */
  campaignId: z.string().nullable().default(null),
  signedUpAt: count.nullable().default(null),
  /**
   * What the settlement found: the account's first settled request of its month, and (for an
   * account with a profile) its first of a month after a month it was active in.
   */
  firstInMonth: z.boolean().default(false),
  returning: z.boolean().default(false),
});
// Records written before the ledger carried `requestId` read it from their `sparkId` (the same id).
const withRequestId = (data: unknown) =>
  typeof data === "object" && data !== null && !("requestId" in data) && "sparkId" in data
    ? { ...data, requestId: (data as { sparkId: unknown }).sparkId }
    : data;

export const UsageRecord = z.preprocess(withRequestId, UsageRecordShape);
/** The record's fields, for schemas that extend it (exports add the document id). */
export const UsageRecordFields = UsageRecordShape;
export type UsageRecord = z.infer<typeof UsageRecordShape>;
