// The settlement step of a spark, in one transaction: the hold is released, the actual tokens
// are added to the user's period usage, and usage/{requestId} plus the spark document are
// written. usage/{requestId} is the idempotency guard: a request is only ever settled once.
import {
  pruneExpiredHolds,
  type Holds,
  type QuotaHold,
  type SparkDoc,
  type UsageRecord,
} from "@ideaspark/domain";
import { addSpend } from "./budget.js";
import { firestore } from "./firestore.js";
import { countReads, countWrites } from "./opsCounter.js";
import { quotaRef, readQuota } from "./quotas.js";

export interface Settlement {
  uid: string;
  requestId: string;
  period: string;
  nowMs: number;
  /** Tokens to add to the user's usage (0 for cache hits, refusals and failures). */
  chargedTokens: number;
  usage: UsageRecord;
  spark: SparkDoc;
}

/** The holds left once `requestId`'s is released (expired ones are dropped too). */
function holdsWithout(holds: Holds, requestId: string, nowMs: number): Record<string, QuotaHold> {
  return pruneExpiredHolds(
    Object.fromEntries(Object.entries(holds).filter(([id]) => id !== requestId)),
    nowMs,
  );
}

/** Returns false when the request had already been settled (nothing was written). */
export async function settleSpark(s: Settlement): Promise<boolean> {
  const db = firestore();
  const usageRef = db.doc(`usage/${s.requestId}`);
  const sparkRef = db.doc(`users/${s.uid}/sparks/${s.requestId}`);
  const ref = quotaRef(s.uid, s.period);
  return db.runTransaction(async (tx) => {
    const [usageSnap, quotaSnap] = await tx.getAll(usageRef, ref);
    countReads(2);
    if (usageSnap?.exists) return false;
    const quota = readQuota(s.uid, s.period, quotaSnap?.data());
    const holds = holdsWithout(quota.holds, s.requestId, s.nowMs);
    tx.set(ref, {
      ...quota,
      used: quota.used + Math.ceil(s.chargedTokens),
      holds,
      updatedAt: s.nowMs,
    });
    tx.create(usageRef, s.usage);
    tx.set(sparkRef, s.spark);
    countWrites(s.usage.costUsd > 0 ? 4 : 3);
    addSpend(tx, s.period, s.usage.costUsd);
    return true;
  });
}

/** Drops a hold without charging or recording anything (the request never reached a model). */
export async function releaseHold(
  uid: string,
  period: string,
  requestId: string,
  nowMs: number,
): Promise<void> {
  const db = firestore();
  const ref = quotaRef(uid, period);
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    countReads(1);
    if (!snap.exists) return;
    const quota = readQuota(uid, period, snap.data());
    if (!Object.hasOwn(quota.holds, requestId)) return;
    const holds = holdsWithout(quota.holds, requestId, nowMs);
    countWrites(1);
    tx.set(ref, { ...quota, holds, updatedAt: nowMs });
  });
}
