// users/{uid}/sparks/{id}: follows one stored spark (live, and from the offline cache) parsed
// with the domain SparkDoc, and writes the owner's only allowed change (SparkOwnerUpdate).
import { SparkDoc, SparkOwnerUpdate } from "@ideaspark/domain";
import { doc, onSnapshot, updateDoc } from "firebase/firestore";
import { db, followListener } from "./firestore";

const sparkRef = (uid: string, id: string) => doc(db(), "users", uid, "sparks", id);

export interface SparkSnapshot {
  spark: SparkDoc | null;
  /** true when only the offline cache answered (so "missing" may just mean "not cached"). */
  fromCache: boolean;
}

export function watchSpark(
  uid: string,
  id: string,
  onNext: (snapshot: SparkSnapshot) => void,
  onError: (error: Error) => void,
): () => void {
  return followListener(
    onSnapshot(
      sparkRef(uid, id),
      (snapshot) => {
        const fromCache = snapshot.metadata.fromCache;
        if (!snapshot.exists()) return onNext({ spark: null, fromCache });
        const parsed = SparkDoc.safeParse(snapshot.data());
        if (parsed.success) onNext({ spark: parsed.data, fromCache });
        else onError(new Error(`users/${uid}/sparks/${id} is malformed: ${parsed.error.message}`));
      },
      onError,
    ),
  );
}

/** Stars ideas and/or sets feedback; checked with the same schema the rules mirror. */
export async function updateSparkOwner(
  uid: string,
  id: string,
  update: SparkOwnerUpdate,
): Promise<void> {
  await updateDoc(sparkRef(uid, id), SparkOwnerUpdate.parse(update));
}
