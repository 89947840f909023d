// users/{uid}/sparks, read live: the newest sparks first, from the server or (offline) from the
// persistent cache. Every document is parsed with the domain schema; a bad one is skipped and
// logged so one broken spark never hides the rest.
import { SparkDoc } from "@ideaspark/domain";
import {
  collection,
  limit,
  onSnapshot,
  orderBy,
  query,
  type DocumentData,
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

/** Follows the person's newest `max` sparks, newest first. */
export function watchSparks(
  uid: string,
  max: number,
  onNext: (sparks: Live<StoredSpark[]>) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  const sparks = query(
    collection(db(), "users", uid, "sparks"),
    orderBy("createdAt", "desc"),
    limit(max),
  );
  return followListener(
    onSnapshot(
      sparks,
      { includeMetadataChanges: true },
      (snapshot) =>
        onNext({
          data: parseDocs(snapshot, SparkDoc).map(({ id, value }) => ({ id, spark: value })),
          ...liveMeta(snapshot.metadata),
        }),
      onError,
    ),
  );
}
