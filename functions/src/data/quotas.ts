// The reservation step of a spark, in one transaction on the user's own documents: the
// requestId is checked for reuse, the per-user rate limit applied, and a quota hold placed
// only if `used + live holds + estimate <= limit`.
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
} from "@ideaspark/domain";
import { firestore } from "./firestore.js";
import { countReads, countWrites } from "./opsCounter.js";

export type Reservation =
  { kind: "reserved"; plan: PlanId; limit: number } | { kind: "completed" } | { kind: "in-flight" };

export interface ReserveInput {
  uid: string;
  requestId: string;
  period: string;
  estimate: number;
  nowMs: number;
  config: Pick<AppConfig, "plans" | "requestsPerMinute" | "holdTtlSeconds">;
}

export function quotaRef(uid: string, period: string) {
  return firestore().doc(`quotas/${quotaDocId(uid, period)}`);
}

export function readQuota(uid: string, period: string, data: unknown): QuotaDoc {
  return data === undefined
    ? { uid, period, used: 0, holds: {}, recent: [] }
    : QuotaDoc.parse(data);
}

function planOf(data: unknown): PlanId {
  const plan = (data as { plan?: unknown } | undefined)?.plan;
  return plan === "pro" ? "pro" : "free";
}

export async function reserveSpark(input: ReserveInput): Promise<Reservation> {
  const { uid, requestId, period, estimate, nowMs, config } = input;
  const db = firestore();
  const usageRef = db.doc(`usage/${requestId}`);
  const userRef = db.doc(`users/${uid}`);
  const ref = quotaRef(uid, period);
  return db.runTransaction(async (tx) => {
    const [usage, user, quotaSnap] = await tx.getAll(usageRef, userRef, ref);
    countReads(3);
    if (usage?.exists) {
      if (usage.get("uid") !== uid) {
        throw new DomainError(
          "invalid-argument",
          "Invalid request: requestId was already used; generate a new one.",
        );
      }
      return { kind: "completed" } as const;
    }
    const quota = readQuota(uid, period, quotaSnap?.data());
    const existing = quota.holds[requestId];
    if (existing && existing.expiresAt > nowMs) return { kind: "in-flight" } as const;

    const rate = decideRate({ recent: quota.recent, nowMs, perMinute: config.requestsPerMinute });
    if (!rate.ok) throw DomainError.rateLimited(rate.retryAfterSeconds);
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
    countWrites(1);
    tx.set(ref, {
      ...quota,
      holds: placeHold(quota.holds, requestId, hold, nowMs),
      recent: rate.recent,
      updatedAt: nowMs,
    });
    return { kind: "reserved", plan, limit } as const;
  });
}
