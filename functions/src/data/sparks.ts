// Reading settled requests back, for a repeated requestId (idempotent replies).
import { SparkDoc, UsageRecord } from "@ideaspark/domain";
import { firestore } from "./firestore.js";
import { countReads } from "./opsCounter.js";

export async function getSettled(
  uid: string,
  requestId: string,
): Promise<{ spark: SparkDoc | null; usage: UsageRecord } | null> {
  const db = firestore();
  const [sparkSnap, usageSnap] = await db.getAll(
    db.doc(`users/${uid}/sparks/${requestId}`),
    db.doc(`usage/${requestId}`),
  );
  countReads(2);
  if (!usageSnap?.exists) return null;
  // A request the abandoned-request sweep settled has a usage record but no spark document.
  const spark = sparkSnap?.exists ? SparkDoc.parse(sparkSnap.data()) : null;
  return { spark, usage: UsageRecord.parse(usageSnap.data()) };
}
