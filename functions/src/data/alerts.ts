// alerts/{id} and mail/{id}: raising an alert once under its deterministic id (with its e-mail,
// in the same batch, so a mail is never sent for an alert that already existed), reopening a
// resolved one, resolving open ones, and listing what is open.
import { Alert, type AlertMail, type AlertWrite } from "@ideaspark/domain";
import type { QueryDocumentSnapshot } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { firestore } from "./firestore.js";
import { countReads, countWrites } from "./opsCounter.js";

/** gRPC ALREADY_EXISTS: `create()` found the document there. */
const ALREADY_EXISTS = 6;

export type StoredAlert = Alert & { id: string };

function parseAlerts(docs: QueryDocumentSnapshot[]): StoredAlert[] {
  const out: StoredAlert[] = [];
  for (const doc of docs) {
    const parsed = Alert.safeParse(doc.data());
    if (parsed.success) out.push({ ...parsed.data, id: doc.id });
    else logger.error("unreadable alert document", { id: doc.id, error: parsed.error.message });
  }
  return out;
}

/** Every alert not resolved yet (the banner's list; a handful). */
export async function listOpenAlerts(): Promise<StoredAlert[]> {
  const snap = await firestore().collection("alerts").where("resolvedAt", "==", null).get();
  countReads(Math.max(1, snap.size));
  return parseAlerts(snap.docs);
}

/** The budget alerts of one month, resolved ones included (a threshold fires once a month). */
export async function listBudgetAlerts(period: string): Promise<StoredAlert[]> {
  const snap = await firestore()
    .collection("alerts")
    .where("kind", "==", "budget")
    .where("period", "==", period)
    .get();
  countReads(Math.max(1, snap.size));
  return parseAlerts(snap.docs);
}

/** Which of these alert ids exist (open or resolved). */
export async function existingAlertIds(ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const db = firestore();
  const snaps = await db.getAll(...ids.map((id) => db.doc(`alerts/${id}`)));
  countReads(ids.length);
  return new Set(snaps.filter((s) => s.exists).map((s) => s.id));
}

/**
 * Creates the alert (and its mail) unless an alert with that id exists: true when this call
 * raised it. Two evaluations racing raise it once.
 */
export async function raiseAlert(write: AlertWrite, mail: AlertMail | null): Promise<boolean> {
  const db = firestore();
  const batch = db.batch();
  batch.create(db.doc(`alerts/${write.id}`), write.alert);
  if (mail) batch.create(db.doc(`mail/${write.id}`), mail);
  try {
    await batch.commit();
  } catch (error) {
    if ((error as { code?: unknown }).code === ALREADY_EXISTS) return false;
    throw error;
  }
  countWrites(mail ? 2 : 1);
  return true;
}

/**
 * Replaces a resolved alert with its new occurrence (open again, newest), mailing it as
 * `mail/{id}-{reopenCount}`: true when this call reopened it.
 */
export async function reopenAlert(write: AlertWrite, mail: AlertMail | null): Promise<boolean> {
  const db = firestore();
  const ref = db.doc(`alerts/${write.id}`);
  const reopenCount = Number(write.alert.data.reopenCount) || 0;
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    countReads(1);
    if (!snap.exists || snap.get("resolvedAt") === null) return false;
    tx.set(ref, write.alert);
    if (mail) tx.create(db.doc(`mail/${write.id}-${reopenCount}`), mail);
    countWrites(mail ? 2 : 1);
    return true;
  });
}

/** Marks open alerts resolved at `nowMs`; returns the ids this call resolved. */
export async function resolveAlerts(ids: readonly string[], nowMs: number): Promise<string[]> {
  const db = firestore();
  const resolved = await Promise.all(
    ids.map((id) =>
      db.runTransaction(async (tx) => {
        const ref = db.doc(`alerts/${id}`);
        const snap = await tx.get(ref);
        if (!snap.exists || snap.get("resolvedAt") !== null) return null;
        tx.update(ref, { resolvedAt: nowMs });
        return id;
      }),
    ),
  );
  countReads(ids.length);
  const done = resolved.filter((id): id is string => id !== null);
  countWrites(done.length);
  return done;
}
