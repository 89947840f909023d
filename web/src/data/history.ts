// users/{uid}/sparks, read live: the newest sparks first (all of them for history, a few for
// home), from the server or (offline) from the persistent cache. Every document is parsed with the
// domain schema once per change; a bad one is skipped and logged so one broken spark never hides
// the rest.
import { SparkDoc } from "@ideaspark/domain";
import {
  collection,
  limit,
  onSnapshot,
  orderBy,
  query,
  type DocumentChangeType,
  type DocumentData,
  type QueryConstraint,
  type QuerySnapshot,
  type SnapshotMetadata,
} from "firebase/firestore";
import type { z } from "zod";
import { db, followListener } from "./firestore";

/** A value read live, and whether it came from the offline cache or has unsent writes. */
export interface Live<T> {
  data: T;
  /** true when the server has not confirmed this data (offline, or still connecting). */
  fromCache: boolean;
  hasPendingWrites: boolean;
}

export type Unsubscribe = () => void;

/** A stored spark with its id (= the request id). */
export interface StoredSpark {
  id: string;
  spark: SparkDoc;
}

export function liveMeta(metadata: SnapshotMetadata): Omit<Live<never>, "data"> {
  return { fromCache: metadata.fromCache, hasPendingWrites: metadata.hasPendingWrites };
}

/** The documents of `snapshot` that parse with `schema`; the others are logged and skipped. */
export function parseDocs<S extends z.ZodType>(
  snapshot: QuerySnapshot<DocumentData>,
  schema: S,
): { id: string; value: z.infer<S> }[] {
  const parsed: { id: string; value: z.infer<S> }[] = [];
  for (const document of snapshot.docs) {
    const result = schema.safeParse(document.data());
    if (result.success) parsed.push({ id: document.id, value: result.data });
    else console.warn(`IdeaSpark skipped malformed ${document.ref.path}`, result.error.issues);
  }
  return parsed;
}

interface SparkChange {
  type: DocumentChangeType;
  id: string;
  path: string;
  data(): DocumentData;
}

/**
 * Keeps one listener's parsed sparks across its snapshots: only added or modified documents are
 * parsed again (a 2,000-spark history re-parses one spark when one changes, not 2,000), unchanged
 * sparks keep their object (so rows and search entries memoised on it are reused), and a snapshot
 * that changes no document (only `fromCache`) returns the previous list itself.
 */
export function sparkListReader(): (changes: SparkChange[], ids: () => string[]) => StoredSpark[] {
  const parsed = new Map<string, StoredSpark | null>();
  let list: StoredSpark[] | undefined;
  return (changes, ids) => {
    for (const change of changes) {
      if (change.type === "removed") {
        parsed.delete(change.id);
        continue;
      }
      const result = SparkDoc.safeParse(change.data());
      if (!result.success) {
        console.warn(`IdeaSpark skipped malformed ${change.path}`, result.error.issues);
      }
      parsed.set(change.id, result.success ? { id: change.id, spark: result.data } : null);
    }
    if (list && changes.length === 0) return list;
    // One pass over the ordered ids with Map lookups: O(n) per snapshot, never O(n²).
    list = [];
    for (const id of ids()) {
      const stored = parsed.get(id);
      if (stored) list.push(stored);
    }
    return list;
  };
}

/**
 * Follows the person's sparks, newest first: the newest `max`, or all of them when `max` is null.
 *
 * History asks for all of them so its search covers every spark, offline too, from the persistent
 * cache (a client index rather than server-side keywords: it works offline, needs no extra
 * index field or function, and a person's sparks are small documents). Reads cost: the first
 * listen reads every spark once; a listener resumed from the cache within 30 minutes of the last
 * one is billed only for the documents that changed, after that a full re-read. Home keeps its
 * small limited query, so opening the app costs a handful of reads.
 */
export function watchSparks(
  uid: string,
  max: number | null,
  onNext: (sparks: Live<StoredSpark[]>) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  const constraints: QueryConstraint[] = [orderBy("createdAt", "desc")];
  if (max !== null) constraints.push(limit(max));
  const sparks = query(collection(db(), "users", uid, "sparks"), ...constraints);
  const read = sparkListReader();
  return followListener(
    onSnapshot(
      sparks,
      { includeMetadataChanges: true },
      (snapshot) =>
        onNext({
          data: read(
            snapshot.docChanges().map((change) => ({
              type: change.type,
              id: change.doc.id,
              path: change.doc.ref.path,
              data: () => change.doc.data(),
            })),
            () => snapshot.docs.map((document) => document.id),
          ),
          ...liveMeta(snapshot.metadata),
        }),
      onError,
    ),
  );
}
