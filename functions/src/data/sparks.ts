// Reading finished sparks back, for a repeated requestId (idempotent replies).
import { SparkDoc, UsageRecord } from "@ideaspark/domain";
import { firestore } from "./firestore.js";
import { countReads } from "./opsCounter.js";

export async function getSettled(
  uid: string,
  requestId: string,
): Promise<{ spark: SparkDoc; usage: UsageRecord } | null> {
  const db = firestore();
  const [sparkSnap, usageSnap] = await db.getAll(
    db.doc(`users/${uid}/sparks/${requestId}`),
    db.doc(`usage/${requestId}`),
  );
  countReads(2);
  if (!sparkSnap?.exists || !usageSnap?.exists) return null;
  return { spark: SparkDoc.parse(sparkSnap.data()), usage: UsageRecord.parse(usageSnap.data()) };
}
