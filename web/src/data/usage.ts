// What the usage meter and chart read, live and offline-capable: this period's quota document
// (missing = nothing used yet), this period's usage records, and config/app (plans and limits,
// parsed over the code defaults). Malformed documents are logged and skipped or defaulted.
import {
  DEFAULT_APP_CONFIG,
  QuotaDoc,
  UsageRecord,
  parseAppConfig,
  quotaDocId,
  type AppConfig,
} from "@ideaspark/domain";
import { collection, doc, onSnapshot, orderBy, query, where } from "firebase/firestore";
import { db, followListener } from "./firestore";
import { liveMeta, parseDocs, type Live, type Unsubscribe } from "./history";

/** Follows quotas/{uid}_{period}; null while the person has used nothing this period. */
export function watchQuota(
  uid: string,
  period: string,
  onNext: (quota: Live<QuotaDoc | null>) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  return followListener(
    onSnapshot(
      doc(db(), "quotas", quotaDocId(uid, period)),
      { includeMetadataChanges: true },
      (snapshot) => {
        let quota: QuotaDoc | null = null;
        if (snapshot.exists()) {
          const parsed = QuotaDoc.safeParse(snapshot.data());
          if (parsed.success) quota = parsed.data;
          else
            console.warn(`IdeaSpark ignored malformed ${snapshot.ref.path}`, parsed.error.issues);
        }
        onNext({ data: quota, ...liveMeta(snapshot.metadata) });
      },
      onError,
    ),
  );
}

/** Follows the person's usage records of `period`, oldest first (index: uid, period, createdAt). */
export function watchUsageRecords(
  uid: string,
  period: string,
  onNext: (records: Live<UsageRecord[]>) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  const records = query(
    collection(db(), "usage"),
    where("uid", "==", uid),
    where("period", "==", period),
    orderBy("createdAt", "asc"),
  );
  return followListener(
    onSnapshot(
      records,
      { includeMetadataChanges: true },
      (snapshot) =>
        onNext({
          data: parseDocs(snapshot, UsageRecord).map(({ value }) => value),
          ...liveMeta(snapshot.metadata),
        }),
      onError,
    ),
  );
}

/** Follows config/app merged over the defaults; a broken document falls back to the defaults. */
export function watchAppConfig(
  onNext: (config: Live<AppConfig>) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  return followListener(
    onSnapshot(
      doc(db(), "config", "app"),
      (snapshot) => {
        let config = DEFAULT_APP_CONFIG;
        try {
          config = parseAppConfig(snapshot.data());
        } catch (error) {
          console.warn("IdeaSpark uses the default plans: config/app is unusable", error);
        }
        onNext({ data: config, ...liveMeta(snapshot.metadata) });
      },
      onError,
    ),
  );
}
