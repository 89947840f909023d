// Follows users/{uid}/sparks/{id} for the spark screen (live, and offline from the cache).
import type { SparkDoc } from "@ideaspark/domain";
import { useEffect, useState } from "react";

export type SparkDocState =
  | { status: "loading" }
  | { status: "ready"; spark: SparkDoc }
  | { status: "missing"; fromCache: boolean }
  | { status: "error"; error: Error };

export function useSparkDoc(uid: string | null, id: string, enabled: boolean): SparkDocState {
  const key = `${uid}/${id}`;
  const [state, setState] = useState<{ key: string; value: SparkDocState }>({
    key,
    value: { status: "loading" },
  });
  useEffect(() => {
    if (!uid || !enabled) return;
    let unsubscribe: (() => void) | undefined;
    let active = true;
    const set = (value: SparkDocState) => active && setState({ key, value });
    import("../../data/sparkDocs").then(
      ({ watchSpark }) => {
        if (!active) return;
        unsubscribe = watchSpark(
          uid,
          id,
          ({ spark, fromCache }) =>
            set(spark ? { status: "ready", spark } : { status: "missing", fromCache }),
          (error) => set({ status: "error", error }),
        );
      },
      (error: Error) => set({ status: "error", error }),
    );
    return () => {
      active = false;
      unsubscribe?.();
    };
  }, [uid, id, key, enabled]);
  return state.key === key ? state.value : { status: "loading" };
}
