// The signed-in person's sparks, live (and from the offline cache): the newest `max`, or every
// one of them when `max` is null (history, whose search covers them all).
import { useMemo } from "react";
import type { StoredSpark } from "../../data/history";
import {
  lazyModule,
  lazySubscribe,
  useLive,
  type LiveState,
  type Subscribe,
} from "../../state/useLive";
import { useAuth } from "../auth/authStore";

const loadHistory = lazyModule(() => import("../../data/history"));

export function useSparks(max: number | null): LiveState<StoredSpark[]> {
  const uid = useAuth((state) => state.user?.uid ?? null);
  const subscribe = useMemo(
    () =>
      lazySubscribe(
        loadHistory,
        (history): Subscribe<StoredSpark[]> =>
          (onNext, onError) =>
            history.watchSparks(uid ?? "", max, onNext, onError),
      ),
    [uid, max],
  );
  return useLive(uid && `${uid}/${max ?? "all"}`, subscribe);
}
