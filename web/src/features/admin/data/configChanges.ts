// configChanges/{id}: the audit log adminUpdateConfig writes for every saved change, newest first.
import { ConfigChange } from "@ideaspark/domain";
import { collection, limit, onSnapshot, orderBy, query } from "firebase/firestore";
import { db, followListener } from "../../../data/firestore";
import { liveMeta, parseDocs, type Live, type Unsubscribe } from "../../../data/history";
import { CHANGE_LOG_LENGTH } from "./limits";

export interface StoredConfigChange {
  id: string;
  change: ConfigChange;
}

/** Follows the newest configuration changes. */
export function watchConfigChanges(
  onNext: (changes: Live<StoredConfigChange[]>) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  const changes = query(
    collection(db(), "configChanges"),
    orderBy("at", "desc"),
    limit(CHANGE_LOG_LENGTH),
  );
  return followListener(
    onSnapshot(
      changes,
      (snapshot) =>
        onNext({
          data: parseDocs(snapshot, ConfigChange).map(({ id, value }) => ({ id, change: value })),
          ...liveMeta(snapshot.metadata),
        }),
      onError,
    ),
  );
}
