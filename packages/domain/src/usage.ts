// The usage ledger: one `usage/{requestId}` document per spark request, written by functions
// whatever the outcome, so cost and behaviour can be audited and rolled up.
import { z } from "zod";

export const USAGE_STATUSES = ["ok", "error", "refused", "cancelled"] as const;

/** A billing period: the UTC calendar month "YYYY-MM". */
export const PeriodKey = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "period must look like 2025-01" });
export type PeriodKey = z.infer<typeof PeriodKey>;

const count = z.number().int().nonnegative();

/** usage/{requestId}: what one request used and cost; unknown keys are ignored on read. */
export const UsageRecord = z.object({
  uid: z.string().min(1),
  sparkId: z.string().min(1),
  model: z.string(),
  inputTokens: count,
  outputTokens: count,
  /** Input tokens the provider served from its prompt cache (billed cheaper). */
  cachedInputTokens: count.default(0),
  costUsd: z.number().nonnegative(),
  /** The result came from IdeaSpark's brief cache: no model tokens were used. */
  cached: z.boolean(),
  /** Token counts were estimated because the provider did not report usage. */
  estimated: z.boolean(),
  latencyMs: count,
  /** Model calls made (0 for cache hits and refusals before the model). */
  attempts: count,
  status: z.enum(USAGE_STATUSES),
  errorCode: z.string().optional(),
  period: PeriodKey,
  createdAt: count,
});
export type UsageRecord = z.infer<typeof UsageRecord>;
