// Monthly token quotas: period keys, the quota document (also the user's per-period activity
// and cost), and the hold arithmetic that lets concurrent requests reserve tokens without ever
// pushing a user over their limit.
import { z } from "zod";
import { safeRecord } from "./fields.js";
import { PeriodKey } from "./usage.js";

const count = z.number().int().nonnegative();

/** Tokens reserved by an in-flight request until it settles or `expiresAt` (ms) passes. */
export const QuotaHold = z.object({ tokens: count, expiresAt: count });
export type QuotaHold = z.infer<typeof QuotaHold>;

export type Holds = Readonly<Record<string, QuotaHold>>;

/** quotas/{uid}_{period}: tokens used this period, optional per-user limit, live holds, recent requests. */
export const QuotaDoc = z.object({
  uid: z.string().min(1),
  period: PeriodKey,
  used: count,
  /** Overrides the plan's monthly tokens for this user and period. */
  limit: count.optional(),
  holds: safeRecord("holds", QuotaHold).default({}),
  /** Times (ms) of this user's recent requests, for the per-minute rate limit. */
  recent: z.array(count).max(1_000).default([]),
  /** Settled requests this period, and what the provider billed for them (cost per user). */
  requests: count.default(0),
  providerCostMicros: count.default(0),
  /** UTC days ("YYYY-MM-DD") of this period with a settled request (daily active users). */
  activeDays: safeRecord("activeDays", z.literal(true)).default({}),
});
export type QuotaDoc = z.infer<typeof QuotaDoc>;

/** "YYYY-MM" of the UTC month containing `date`. */
export function periodKey(date: Date | number): string {
  const d = new Date(date);
  if (Number.isNaN(d.getTime())) throw new RangeError("periodKey needs a valid date");
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The first instant (UTC) of the month after `period`: when its quota resets. */
export function periodResetsAt(period: string): Date {
  if (!PeriodKey.safeParse(period).success) throw new RangeError(`Invalid period "${period}"`);
  const [year, month] = period.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 1));
}

/** The quota document id for a user and period. */
export function quotaDocId(uid: string, period: string): string {
  if (!uid || uid.includes("/")) throw new RangeError("quotaDocId needs a uid without '/'");
  if (!PeriodKey.safeParse(period).success) throw new RangeError(`Invalid period "${period}"`);
  return `${uid}_${period}`;
}

/** Tokens reserved by holds that have not expired at `nowMs`. */
export function liveHolds(holds: Holds, nowMs: number): number {
  let total = 0;
  for (const hold of Object.values(holds)) if (hold.expiresAt > nowMs) total += hold.tokens;
  return total;
}

/** The holds that have not expired at `nowMs` (keeps the quota document small). */
export function pruneExpiredHolds(holds: Holds, nowMs: number): Record<string, QuotaHold> {
  return Object.fromEntries(Object.entries(holds).filter(([, hold]) => hold.expiresAt > nowMs));
}

/** What to reserve for a request: its prompt plus everything the model may write. */
export function estimateHoldTokens(promptTokens: number, maxOutputTokens: number): number {
  if (!(promptTokens >= 0) || !(maxOutputTokens >= 0)) {
    throw new RangeError("estimateHoldTokens needs non-negative token counts");
  }
  return Math.ceil(promptTokens) + Math.ceil(maxOutputTokens);
}

export type HoldDecision =
  | { ok: true; remaining: number }
  | { ok: false; reason: "quota"; remaining: number; resetsAt: Date };

/**
 * Whether a new hold fits: `used + live holds + estimate <= limit`. `remaining` is what is left
 * after the hold (or, when refused, what is left now). A live hold already placed by the same
 * `requestId` (a retried request) is replaced rather than counted twice.
 */
export function decideHold(input: {
  used: number;
  holds: Holds;
  estimate: number;
  limit: number;
  nowMs: number;
  requestId?: string;
}): HoldDecision {
  const { used, estimate, limit, nowMs, requestId } = input;
  const others = requestId === undefined ? input.holds : withoutHold(input.holds, requestId);
  const committed = used + liveHolds(others, nowMs);
  if (committed + estimate <= limit) return { ok: true, remaining: limit - committed - estimate };
  return {
    ok: false,
    reason: "quota",
    remaining: Math.max(0, limit - committed),
    resetsAt: periodResetsAt(periodKey(nowMs)),
  };
}

/** The holds after placing one for `requestId`, with expired holds pruned. */
export function placeHold(
  holds: Holds,
  requestId: string,
  hold: QuotaHold,
  nowMs: number,
): Record<string, QuotaHold> {
  return { ...pruneExpiredHolds(withoutHold(holds, requestId), nowMs), [requestId]: hold };
}

/**
 * Settles a request: adds its actual tokens to `used` and drops its hold (and expired ones).
 * Idempotent: when the hold is already gone (settled before), nothing is charged again.
 */
export function settleHold(input: {
  used: number;
  holds: Holds;
  requestId: string;
  actualTokens: number;
  nowMs: number;
}): { used: number; holds: Record<string, QuotaHold>; charged: number } {
  const { used, holds, requestId, actualTokens, nowMs } = input;
  if (!(actualTokens >= 0)) throw new RangeError("settleHold needs non-negative actualTokens");
  const present = Object.hasOwn(holds, requestId);
  const charged = present ? Math.ceil(actualTokens) : 0;
  return {
    used: used + charged,
    holds: pruneExpiredHolds(withoutHold(holds, requestId), nowMs),
    charged,
  };
}

function withoutHold(holds: Holds, requestId: string): Record<string, QuotaHold> {
  return Object.fromEntries(Object.entries(holds).filter(([id]) => id !== requestId));
}
