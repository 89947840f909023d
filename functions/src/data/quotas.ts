// The reservation step of a spark, in one transaction: the per-user rate limit applied, the
// requestId claimed for this user (or recognised as theirs: settled, or still running), and a
// quota hold placed only if `used + live holds + estimate <= limit`. The profile it reads for
// the plan also gives the person's AI data use consent, which decides whether their answer
// may enter the shared cache.
import {
  DomainError,
  decideHold,
  decideRate,
  monthlyTokenLimit,
  placeHold,
  QuotaDoc,
  quotaDocId,
  type AppConfig,
  type PlanId,
  UsageRecord,
} from "@ideaspark/domain";
import { firestore, isContention } from "./firestore.js";
import { countReads, countWrites } from "./opsCounter.js";
import { accountDeletedError, isTombstoned, tombstoneRef } from "./tombstones.js";

export type Reservation =
  | {
      kind: "reserved";
      plan: PlanId;
      limit: number;
      holdTokens: number;
      /** users/{uid} says the person consented to AI data use (false without a profile). */
      aiDataUseConsent: boolean;
    }
  /** The request was settled before: answer from what was recorded. */
  | { kind: "settled" }
  /** The request is running right now (a live hold). */
  | { kind: "in-progress" }
  /** Another account claimed this requestId. */
  | { kind: "taken" };

export interface ReserveInput {
  uid: string;
  requestId: string;
  period: string;
  estimate: number;
  nowMs: number;
  config: Pick<AppConfig, "plans" | "requestsPerMinute" | "holdTtlSeconds">;
  /** The pending usage record that claims the request id. */
  pending: UsageRecord;
}

export function quotaRef(uid: string, period: string) {
  return firestore().doc(`quotas/${quotaDocId(uid, period)}`);
}

export function readQuota(uid: string, period: string, data: unknown): QuotaDoc {
  return QuotaDoc.parse(data ?? { uid, period, used: 0 });
}

function planOf(data: unknown): PlanId {
  const plan = (data as { plan?: unknown } | undefined)?.plan;
  return plan === "pro" ? "pro" : "free";
}

/** Consent only when the profile says so in as many words: no profile, no consent. */
function consentOf(data: unknown): boolean {
  return (data as { aiDataUseConsent?: unknown } | undefined)?.aiDataUseConsent === true;
}

/**
 * Claims `requestId` for `uid` and places the hold, in one transaction on the user's own
 * documents plus the request's usage document, which is the claim: created `pending` here,
 * settled once. Every call counts against the per-user rate limit, replays and duplicates
 * included; only a rate-limited call, or one from a deleted account (its tombstone is read in
 * the same transaction), writes nothing.
 */
export async function reserveSpark(input: ReserveInput): Promise<Reservation> {
  const { uid, requestId, period, estimate, nowMs, config } = input;
  const db = firestore();
  const usageRef = db.doc(`usage/${requestId}`);
  const userRef = db.doc(`users/${uid}`);
  const ref = quotaRef(uid, period);
  const tombRef = tombstoneRef(uid);
  const reserve = db.runTransaction(async (tx) => {
    const [usage, user, quotaSnap, tomb] = await tx.getAll(usageRef, userRef, ref, tombRef);
    countReads(4);
    // A deleted account's still-valid ID token: nothing is written under its uid again.
    if (isTombstoned(uid, tomb)) throw accountDeletedError();
    const quota = readQuota(uid, period, quotaSnap?.data());
    const rate = decideRate({ recent: quota.recent, nowMs, perMinute: config.requestsPerMinute });
    if (!rate.ok) throw DomainError.rateLimited(rate.retryAfterSeconds);
    const counted = { ...quota, recent: rate.recent, updatedAt: nowMs };

    const claim = usage?.exists ? UsageRecord.safeParse(usage.data()) : null;
    const holdLive = (quota.holds[requestId]?.expiresAt ?? 0) > nowMs;
    let outcome: Reservation | null = null;
    if (usage?.exists && (!claim?.success || claim.data.uid !== uid)) outcome = { kind: "taken" };
    else if (claim?.success && claim.data.status !== "pending") outcome = { kind: "settled" };
    else if (claim?.success && holdLive) outcome = { kind: "in-progress" };
    if (outcome) {
      countWrites(1);
      tx.set(ref, counted);
      return outcome;
    }

    // New, or a pending claim whose hold expired (its run died): (re)place the hold.
    const plan = planOf(user?.data());
    const limit = monthlyTokenLimit(config as AppConfig, plan, quota.limit);
    const decision = decideHold({
      used: quota.used,
      holds: quota.holds,
      estimate,
      limit,
      nowMs,
      requestId,
    });
    if (!decision.ok) throw DomainError.quotaExhausted(decision.resetsAt);

    const hold = { tokens: estimate, expiresAt: nowMs + config.holdTtlSeconds * 1000 };
    countWrites(2);
    tx.set(ref, { ...counted, holds: placeHold(quota.holds, requestId, hold, nowMs) });
    tx.set(usageRef, input.pending);
    const aiDataUseConsent = consentOf(user?.data());
    return { kind: "reserved", plan, limit, holdTokens: estimate, aiDataUseConsent } as const;
  });
  // Not retried here: had a lost race actually committed, a second try would find this very
  // request running. Too many of one account's requests at once is a rate limit.
  return reserve.catch((error: unknown) => {
    if (isContention(error)) throw DomainError.rateLimited(1);
    throw error;
  });
}
