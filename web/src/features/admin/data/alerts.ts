// alerts/{id}, raised by functions (budget thresholds, provider failures, spend spikes, error
// rates) and read live by admins: the unresolved ones for the banner, the newest for the list.
import { Alert } from "@ideaspark/domain";
import {
  collection,
  limit,
  onSnapshot,
  orderBy,
  query,
  where,
  type Query,
} from "firebase/firestore";
import { db, followListener } from "../../../data/firestore";
import { liveMeta, parseDocs, type Live, type Unsubscribe } from "../../../data/history";
import { MAX_LISTED_ALERTS, MAX_UNRESOLVED_ALERTS } from "./limits";
import { countQueryReads } from "./readTally";

export interface StoredAlert {
  id: string;
  alert: Alert;
}

const newestFirst = (a: StoredAlert, b: StoredAlert) => b.alert.createdAt - a.alert.createdAt;

function watch(
  alerts: Query,
  onNext: (alerts: Live<StoredAlert[]>) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  let first = true;
  return followListener(
    onSnapshot(
      alerts,
      (snapshot) => {
        // A listener pays for the documents it first receives, then for each change.
        const changed = snapshot.docChanges().length;
        if (first || changed > 0) countQueryReads(changed);
        first = false;
        onNext({
          data: parseDocs(snapshot, Alert)
            .map(({ id, value }) => ({ id, alert: value }))
            .sort(newestFirst),
          ...liveMeta(snapshot.metadata),
        });
      },
      onError,
    ),
  );
}

/** Follows the alerts not resolved yet, newest first. */
export function watchUnresolvedAlerts(
  onNext: (alerts: Live<StoredAlert[]>) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  // Sorted here rather than by the query, so no composite index (resolvedAt, createdAt) is needed.
  const unresolved = query(
    collection(db(), "alerts"),
    where("resolvedAt", "==", null),
    limit(MAX_UNRESOLVED_ALERTS),
  );
  return watch(unresolved, onNext, onError);
}

/** Follows the newest alerts, resolved or not. */
export function watchRecentAlerts(
  onNext: (alerts: Live<StoredAlert[]>) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  const recent = query(
    collection(db(), "alerts"),
    orderBy("createdAt", "desc"),
    limit(MAX_LISTED_ALERTS),
  );
  return watch(recent, onNext, onError);
}
