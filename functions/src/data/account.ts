// Everything stored about one person, for the self-service account callables: read page by
// page for an export, and erased (profile, sparks, quotas) or anonymised (usage, analytics
// events) on deletion.
// Every query is scoped to the caller's own uid; nothing here can reach another user's data.
import {
  anonymisedRecord,
  ExportedProfile,
  QuotaDoc,
  SparkDoc,
  UsageRecord,
} from "@ideaspark/domain";
import type { Query, QueryDocumentSnapshot, WriteBatch } from "firebase-admin/firestore";
import { firestore } from "./firestore.js";

/** Documents per read page and per write batch (a batch takes at most 500 writes). */
const PAGE_SIZE = 400;

type WithId<T> = T & { id: string };

async function* pages(query: Query): AsyncGenerator<QueryDocumentSnapshot[]> {
  let last: QueryDocumentSnapshot | undefined;
  for (;;) {
    const page = await (last ? query.startAfter(last) : query).limit(PAGE_SIZE).get();
    if (!page.empty) yield page.docs;
    if (page.size < PAGE_SIZE) return;
    last = page.docs.at(-1);
  }
}

async function* parsed<T>(query: Query, parse: (data: unknown) => T): AsyncGenerator<WithId<T>> {
  for await (const docs of pages(query)) {
    for (const doc of docs) yield { id: doc.id, ...parse(doc.data()) };
  }
}

export async function getExportedProfile(uid: string): Promise<ExportedProfile | null> {
  const snapshot = await firestore().doc(`users/${uid}`).get();
  return snapshot.exists ? ExportedProfile.parse(snapshot.data()) : null;
}

/** The user's sparks, newest first, read lazily: stop iterating and no more pages are read. */
export function listSparksByOwner(uid: string): AsyncGenerator<WithId<SparkDoc>> {
  const query = firestore().collection(`users/${uid}/sparks`).orderBy("createdAt", "desc");
  return parsed(query, (data) => SparkDoc.parse(data));
}

/**
 * The user's usage records in document-id order: equality on `uid` alone is served by the
 * automatic single-field index (ordering by createdAt would need a composite one).
 */
export function listUsageByOwner(uid: string): AsyncGenerator<WithId<UsageRecord>> {
  const query = firestore().collection("usage").where("uid", "==", uid);
  return parsed(query, (data) => UsageRecord.parse(data));
}

export function listQuotasByOwner(uid: string): AsyncGenerator<WithId<QuotaDoc>> {
  const query = firestore().collection("quotas").where("uid", "==", uid);
  return parsed(query, (data) => QuotaDoc.parse(data));
}

/**
 * Applies `write` to every document the query matches, one batch per page, re-running the
 * query until it matches nothing: each write must take the document out of the query.
 */
async function drain(
  query: Query,
  write: (batch: WriteBatch, doc: QueryDocumentSnapshot) => void,
): Promise<number> {
  const db = firestore();
  let total = 0;
  for (;;) {
    const page = await query.select().limit(PAGE_SIZE).get();
    if (page.empty) return total;
    const batch = db.batch();
    for (const doc of page.docs) write(batch, doc);
    await batch.commit();
    total += page.size;
  }
}

export interface ErasedAccountData {
  documentsDeleted: number;
  usageAnonymised: number;
  eventsAnonymised: number;
}

/**
 * Deletes users/{uid} with all its subcollections (sparks), the user's quota documents and
 * limits/{uid}, and anonymises their usage records and analytics events. Idempotent: a second
 * run finds nothing left to do.
 */
export async function eraseAccountData(uid: string, nowMs: number): Promise<ErasedAccountData> {
  const db = firestore();
  const quotas = await drain(db.collection("quotas").where("uid", "==", uid), (batch, doc) =>
    batch.delete(doc.ref),
  );
  // The export cooldown (limits/{uid}) is bookkeeping, not the person's content: not counted.
  await db.doc(`limits/${uid}`).delete();
  const profile = db.doc(`users/${uid}`);
  const profileExisted = (await profile.get()).exists;
  // recursiveDelete also deletes the (possibly absent) profile itself: count it only if it was.
  let writes = 0;
  const writer = db.bulkWriter();
  writer.onWriteResult(() => writes++);
  await db.recursiveDelete(profile, writer);
  await writer.close();
  const profileDocs = writes - 1 + (profileExisted ? 1 : 0);
  const usageAnonymised = await drain(
    db.collection("usage").where("uid", "==", uid),
    (batch, doc) => batch.update(doc.ref, anonymisedRecord(nowMs)),
  );
  const eventsAnonymised = await drain(
    db.collection("events").where("uid", "==", uid),
    (batch, doc) => batch.update(doc.ref, anonymisedRecord(nowMs)),
  );
  return { documentsDeleted: quotas + profileDocs, usageAnonymised, eventsAnonymised };
}
