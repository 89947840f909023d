// Follows users/{uid}/sparks/{id} for the spark screen (live, and offline from the cache) through
// the shared live-data hook.
import type { SparkDoc } from "@ideaspark/domain";
import { useMemo } from "react";
import { lazyModule, lazySubscribe, useLive, type Subscribe } from "../../state/useLive";

export type SparkDocState =
  | { status: "loading" }
  | { status: "ready"; spark: SparkDoc }
  | { status: "missing"; fromCache: boolean }
  | { status: "error"; error: Error };

const loadSparkDocs = lazyModule(() => import("../../data/sparkDocs"));

export function useSparkDoc(uid: string | null, id: string, enabled: boolean): SparkDocState {
  const subscribe = useMemo(
    () =>
      lazySubscribe(
        loadSparkDocs,
        (sparkDocs): Subscribe<SparkDoc | null> =>
          (onNext, onError) =>
            sparkDocs.watchSpark(
              uid ?? "",
              id,
              ({ spark, fromCache }) => onNext({ data: spark, fromCache, hasPendingWrites: false }),
              onError,
            ),
      ),
    [uid, id],
  );
  const live = useLive(uid && enabled ? `${uid}/${id}` : null, subscribe);
  if (live.status !== "ready") return live;
  return live.data
    ? { status: "ready", spark: live.data }
    : { status: "missing", fromCache: live.fromCache };
}
