// The configuration change log, followed live so a save shows up at once.
import { useMemo } from "react";
import { lazyModule, lazySubscribe, useLive, type Subscribe } from "../../../state/useLive";
import type { StoredConfigChange } from "../data/configChanges";

const loadChanges = lazyModule(() => import("../data/configChanges"));

export function useConfigChanges() {
  const subscribe = useMemo(
    () =>
      lazySubscribe(
        loadChanges,
        (changes): Subscribe<StoredConfigChange[]> =>
          (onNext, onError) =>
            changes.watchConfigChanges(onNext, onError),
      ),
    [],
  );
  return useLive("configChanges", subscribe);
}
