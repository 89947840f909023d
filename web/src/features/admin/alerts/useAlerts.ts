// Live alerts for the admin area: the unresolved ones (banner) and the newest ones (list).
import { useMemo } from "react";
import { lazyModule, lazySubscribe, useLive, type Subscribe } from "../../../state/useLive";
import type { StoredAlert } from "../data/alerts";

const loadAlerts = lazyModule(() => import("../data/alerts"));

export function useUnresolvedAlerts() {
  const subscribe = useMemo(
    () =>
      lazySubscribe(
        loadAlerts,
        (alerts): Subscribe<StoredAlert[]> =>
          (onNext, onError) =>
            alerts.watchUnresolvedAlerts(onNext, onError),
      ),
    [],
  );
  return useLive("alerts:unresolved", subscribe);
}

export function useRecentAlerts() {
  const subscribe = useMemo(
    () =>
      lazySubscribe(
        loadAlerts,
        (alerts): Subscribe<StoredAlert[]> =>
          (onNext, onError) =>
            alerts.watchRecentAlerts(onNext, onError),
      ),
    [],
  );
  return useLive("alerts:recent", subscribe);
}
