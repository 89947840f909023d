// The signed-in person's newest sparks, live (and from the offline cache).
import { useMemo } from "react";
import type { StoredSpark } from "../../data/history";
import { useAuth } from "../auth/authStore";
import {
  lazyModule,
  lazySubscribe,
  useLive,
  type LiveState,
  type Subscribe,
} from "../../state/useLive";

const loadHistory = lazyModule(() => import("../../data/history"));

export function useSparks(max: number): LiveState<StoredSpark[]> {
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
  return useLive(uid && `${uid}/${max}`, subscribe);
}
