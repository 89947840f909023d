// The signed-in person's usage records of one period, live (and from the offline cache).
import type { UsageRecord } from "@ideaspark/domain";
import { useMemo } from "react";
import { useAuth } from "../auth/authStore";
import { loadUsage } from "./useUsageSummary";
import { lazySubscribe, useLive, type LiveState, type Subscribe } from "../../state/useLive";

export function useUsageRecords(period: string): LiveState<UsageRecord[]> {
  const uid = useAuth((state) => state.user?.uid ?? null);
  const subscribe = useMemo(
    () =>
      lazySubscribe(
        loadUsage,
        (usage): Subscribe<UsageRecord[]> =>
          (onNext, onError) =>
            usage.watchUsageRecords(uid ?? "", period, onNext, onError),
      ),
    [uid, period],
  );
  return useLive(uid && `${uid}/${period}`, subscribe);
}
