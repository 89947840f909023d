// What the alert evaluation reads: a day's rollup (closed or live shards), the newest settled
// requests, the month's heaviest accounts and one account's cost since a time. Every read is
// bounded; documents are parsed through the domain schemas.
import { DayRollup, QuotaDoc, quotaDocId, sumRollups, UsageRecord } from "@ideaspark/domain";
import { logger } from "firebase-functions/logger";
import { firestore } from "./firestore.js";
import { countReads } from "./opsCounter.js";

/**
 * A day's rollup: the closed `rollups/{day}` when the daily close has written it (one read),
 * else the sum of its live shards. `live` skips the closed document (today has none).
 */
export async function readDayRollup(day: string, live = false): Promise<DayRollup> {
  const db = firestore();
  if (!live) {
    const closed = await db.doc(`rollups/${day}`).get();
    countReads(1);
    if (closed.exists) return DayRollup.parse(closed.data());
  }
  const shards = await db.collection(`rollups/${day}/shards`).get();
  countReads(Math.max(1, shards.size));
  return sumRollups(shards.docs.map((doc) => DayRollup.parse(doc.data())));
}

/** The newest `limit` requests created at or before `nowMs`, newest first (pending included). */
export async function listRecentUsage(nowMs: number, limit: number): Promise<UsageRecord[]> {
  const snap = await firestore()
    .collection("usage")
    .where("createdAt", "<=", nowMs)
    .orderBy("createdAt", "desc")
    .limit(limit)
    .get();
  countReads(Math.max(1, snap.size));
  const records: UsageRecord[] = [];
  for (const doc of snap.docs) {
    const parsed = UsageRecord.safeParse(doc.data());
    if (parsed.success) records.push(parsed.data);
    else logger.error("unreadable usage record", { id: doc.id, error: parsed.error.message });
  }
  return records;
}

/** The month's accounts with the highest provider cost, highest first. */
export async function listHeavyQuotas(period: string, limit: number): Promise<QuotaDoc[]> {
  const snap = await firestore()
    .collection("quotas")
    .where("period", "==", period)
    .orderBy("providerCostMicros", "desc")
    .limit(limit)
    .get();
  countReads(Math.max(1, snap.size));
  return snap.docs.map((doc) => QuotaDoc.parse(doc.data()));
}

/** One account's quota document of a month, or null. */
export async function getQuota(uid: string, period: string): Promise<QuotaDoc | null> {
  const snap = await firestore()
    .doc(`quotas/${quotaDocId(uid, period)}`)
    .get();
  countReads(1);
  return snap.exists ? QuotaDoc.parse(snap.data()) : null;
}

/**
 * What the provider billed (micro-dollars, rounded per request as the quota's counter is) for
 * one account's requests created in [fromMs, toMs]; at most `limit` requests are read.
 */
export async function accountCostMicros(
  uid: string,
  fromMs: number,
  toMs: number,
  limit = 1_000,
): Promise<number> {
  const snap = await firestore()
    .collection("usage")
    .where("uid", "==", uid)
    .where("createdAt", ">=", fromMs)
    .where("createdAt", "<=", toMs)
    .orderBy("createdAt", "desc")
    .limit(limit)
    .get();
  countReads(Math.max(1, snap.size));
  return snap.docs.reduce((sum, doc) => {
    const cost = Number(doc.get("providerUsage.costUsd")) || 0;
    return sum + Math.round(cost * 1e6);
  }, 0);
}

/** The account's e-mail from its profile, or null. */
export async function accountEmail(uid: string): Promise<string | null> {
  const snap = await firestore().doc(`users/${uid}`).get();
  countReads(1);
  const email: unknown = snap.get("email");
  return typeof email === "string" ? email : null;
}
