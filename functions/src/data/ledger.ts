// The settlement step of a spark, in one transaction: the hold is released, the user's charge
// is added to their period usage, usage/{requestId} turns from pending to final, the spark
// document is written, the provider's cost goes to the month's budget counter and the request
// to its day's rollup. The pending usage record is the guard: a request is settled once, by
// the run that holds its claim.
import {
  type CampaignEntry,
  pruneExpiredHolds,
  UsageRecord,
  type Charge,
  type Holds,
  type QuotaHold,
  type SparkDoc,
  anonymisedRecord,
  DELETED_USER_UID,
} from "@ideaspark/domain";
import { addSpend } from "./budget.js";
import { firestore, withContentionRetries } from "./firestore.js";
import { countReads, countWrites } from "./opsCounter.js";
import { quotaRef, readQuota } from "./quotas.js";
import { accountSnapshot, recordActivity, withAccount } from "./rollups.js";
import { isTombstoned, tombstoneRef } from "./tombstones.js";

export interface Settlement {
  uid: string;
  requestId: string;
  period: string;
  nowMs: number;
  /** Used when the hold is gone (expired): the charge is still capped at the estimate. */
  estimateTokens: number;
  /** The final records, given the hold's size (the cap on what the user is charged). */
  build: (holdTokens: number) => { usage: UsageRecord; spark: SparkDoc; charge: Charge };
  /** To credit an account first seen here to its campaign. */
  campaigns: readonly CampaignEntry[];
  /** The caller's token says their address is verified. */
  emailVerified?: boolean;
}

/** The holds left once `requestId`'s is released (expired ones are dropped too). */
function holdsWithout(holds: Holds, requestId: string, nowMs: number): Record<string, QuotaHold> {
  return pruneExpiredHolds(
    Object.fromEntries(Object.entries(holds).filter(([id]) => id !== requestId)),
    nowMs,
  );
}

export type SettleResult =
  | { kind: "settled"; usage: UsageRecord; spark: SparkDoc; charge: Charge }
  /** Someone settled this request first: nothing was charged or written but the hold's release. */
  | { kind: "already-settled" }
  /**
   * The account was deleted while the request ran: only the anonymised usage record, the
   * provider's cost in the budget and the day's rollup were written (when it was still pending).
   */
  | { kind: "account-deleted"; usage: UsageRecord | null };

/**
 * Whether `claim` is the pending claim of `uid`'s request — still carrying the uid, or, once
 * the account is deleted, anonymised by the erasure while the request ran.
 */
export function isPendingClaimOf(
  claim: UsageRecord | null,
  uid: string,
  accountDeleted: boolean,
): boolean {
  if (claim?.status !== "pending") return false;
  return claim.uid === uid || (accountDeleted && claim.uid === DELETED_USER_UID);
}

/** A deleted account's final usage record: linked to nobody, stamped with no account. */
export function deletedAccountUsage(usage: UsageRecord, nowMs: number): UsageRecord {
  return { ...usage, campaignId: null, signedUpAt: null, ...anonymisedRecord(nowMs) };
}

export async function settleSpark(s: Settlement): Promise<SettleResult> {
  const db = firestore();
  const usageRef = db.doc(`usage/${s.requestId}`);
  const sparkRef = db.doc(`users/${s.uid}/sparks/${s.requestId}`);
  const ref = quotaRef(s.uid, s.period);
  const userRef = db.doc(`users/${s.uid}`);
  const tombRef = tombstoneRef(s.uid);
  // Safe to run again: a settled (no longer pending) request is never settled twice.
  return withContentionRetries(() =>
    db.runTransaction(async (tx) => {
      const [usageSnap, quotaSnap, userSnap, tomb] = await tx.getAll(
        usageRef,
        ref,
        userRef,
        tombRef,
      );
      countReads(4);
      const quota = readQuota(s.uid, s.period, quotaSnap?.data());
      const parsed = usageSnap?.exists ? UsageRecord.safeParse(usageSnap.data()) : null;
      const claim = parsed?.success ? parsed.data : null;
      if (isTombstoned(s.uid, tomb)) {
        // Deleted while it ran: nothing under the uid (no quota, spark, profile growth), but
        // the provider was paid, so the cost still reaches the budget and the rollups.
        if (!isPendingClaimOf(claim, s.uid, true)) return { kind: "account-deleted", usage: null };
        const holdTokens = quota.holds[s.requestId]?.tokens ?? s.estimateTokens;
        const built = s.build(holdTokens);
        const usage = deletedAccountUsage(withAccount(built.usage, null, quota), s.nowMs);
        recordActivity(tx, { quota, usage, account: null });
        tx.set(usageRef, usage);
        countWrites(1);
        if (usage.providerUsage.costUsd > 0) {
          countWrites(1);
          addSpend(tx, s.period, usage.providerUsage.costUsd);
        }
        return { kind: "account-deleted", usage } as const;
      }
      const holds = holdsWithout(quota.holds, s.requestId, s.nowMs);
      if (!isPendingClaimOf(claim, s.uid, false)) {
        if (Object.hasOwn(quota.holds, s.requestId)) {
          countWrites(1);
          tx.set(ref, { ...quota, holds, updatedAt: s.nowMs });
        }
        return { kind: "already-settled" } as const;
      }
      const holdTokens = quota.holds[s.requestId]?.tokens ?? s.estimateTokens;
      const built = s.build(holdTokens);
      const { spark, charge } = built;
      const account = accountSnapshot(userSnap, s.campaigns);
      const usage = withAccount(built.usage, account, quota);
      tx.set(ref, {
        ...quota,
        ...recordActivity(tx, { quota, usage, account, emailVerified: s.emailVerified }),
        used: quota.used + charge.inputTokens + charge.outputTokens,
        holds,
        updatedAt: s.nowMs,
      });
      tx.set(usageRef, usage);
      tx.set(sparkRef, spark);
      countWrites(3);
      if (usage.providerUsage.costUsd > 0) {
        countWrites(1);
        addSpend(tx, s.period, usage.providerUsage.costUsd);
      }
      return { kind: "settled", usage, spark, charge } as const;
    }),
  );
}

/**
 * Undoes a reservation that never reached a provider (e.g. the budget is spent): the hold is
 * released and the pending claim removed, so the same requestId may be sent again later.
 */
export async function abandonReservation(
  uid: string,
  period: string,
  requestId: string,
  nowMs: number,
): Promise<void> {
  const db = firestore();
  const ref = quotaRef(uid, period);
  const usageRef = db.doc(`usage/${requestId}`);
  await withContentionRetries(() =>
    db.runTransaction(async (tx) => {
      const [snap, usageSnap] = await tx.getAll(ref, usageRef);
      countReads(2);
      const claim = usageSnap?.exists ? UsageRecord.safeParse(usageSnap.data()) : null;
      if (claim?.success && claim.data.uid === uid && claim.data.status === "pending") {
        countWrites(1);
        tx.delete(usageRef);
      }
      if (!snap?.exists) return;
      const quota = readQuota(uid, period, snap.data());
      if (!Object.hasOwn(quota.holds, requestId)) return;
      countWrites(1);
      tx.set(ref, {
        ...quota,
        holds: holdsWithout(quota.holds, requestId, nowMs),
        updatedAt: nowMs,
      });
    }),
  );
}

/** Pending usage records created before `beforeMs` (their run can no longer be alive). */
export async function listAbandonedRequests(
  beforeMs: number,
  limit: number,
): Promise<UsageRecord[]> {
  const snap = await firestore()
    .collection("usage")
    .where("status", "==", "pending")
    .where("createdAt", "<", beforeMs)
    .orderBy("createdAt")
    .limit(limit)
    .get();
  countReads(Math.max(1, snap.size));
  return snap.docs.map((doc) => UsageRecord.parse(doc.data()));
}

/**
 * Settles one abandoned request as an error: charged nothing, provider cost unknown (the run
 * that knew it is gone), its hold released. False when it was no longer pending.
 */
export async function settleAbandoned(
  record: UsageRecord,
  nowMs: number,
  campaigns: readonly CampaignEntry[],
): Promise<boolean> {
  const db = firestore();
  const usageRef = db.doc(`usage/${record.requestId}`);
  const ref = quotaRef(record.uid, record.period);
  const userRef = db.doc(`users/${record.uid}`);
  const tombRef = tombstoneRef(record.uid);
  return withContentionRetries(() =>
    db.runTransaction(async (tx) => {
      const [usageSnap, quotaSnap, userSnap, tomb] = await tx.getAll(
        usageRef,
        ref,
        userRef,
        tombRef,
      );
      countReads(4);
      const claim = usageSnap?.exists ? UsageRecord.safeParse(usageSnap.data()) : null;
      if (!claim?.success || claim.data.status !== "pending") return false;
      const quota = readQuota(record.uid, record.period, quotaSnap?.data());
      const failed: UsageRecord = {
        ...claim.data,
        status: "error",
        errorCode: "provider-unavailable",
        latencyMs: Math.max(0, nowMs - claim.data.createdAt),
      };
      if (isTombstoned(record.uid, tomb)) {
        // A deleted account's (or an already anonymised) claim: settled linked to nobody,
        // and no quota document is written back under the uid.
        const usage = deletedAccountUsage(withAccount(failed, null, quota), nowMs);
        recordActivity(tx, { quota, usage, account: null });
        tx.set(usageRef, usage);
        countWrites(1);
        return true;
      }
      const account = accountSnapshot(userSnap, campaigns);
      const usage = withAccount(failed, account, quota);
      tx.set(usageRef, usage);
      const holds = holdsWithout(quota.holds, record.requestId, nowMs);
      tx.set(ref, {
        ...quota,
        ...recordActivity(tx, { quota, usage, account }),
        holds,
        updatedAt: nowMs,
      });
      countWrites(2);
      return true;
    }),
  );
}
