// Asks the `health` callable whether the backend answers, without holding up the shell: the
// Firebase SDK is loaded lazily, and the probe re-runs whenever the browser comes back online.
import { useEffect, useState } from "react";
import { useConnectivityTransitions, useOnline } from "../state/connectivityStore";

export type BackendStatus = "checking" | "ok" | "unreachable" | "offline";

/** Resolves when the backend is healthy; rejects otherwise. */
export type HealthProbe = () => Promise<unknown>;

const defaultProbe: HealthProbe = async () => {
  const { callHealth } = await import("../data/callables");
  return callHealth();
};

export function useBackendStatus(probe: HealthProbe = defaultProbe): BackendStatus {
  const online = useOnline();
  // A result belongs to one stretch of connectivity; after a reconnect it is "checking" again.
  const stretch = useConnectivityTransitions();
  const [result, setResult] = useState<{ stretch: number; ok: boolean } | null>(null);

  useEffect(() => {
    if (!online) return;
    let current = true;
    probe().then(
      () => current && setResult({ stretch, ok: true }),
      (error: unknown) => {
        if (!current) return;
        console.warn("IdeaSpark backend health check failed", error);
        setResult({ stretch, ok: false });
      },
    );
    return () => {
      current = false;
    };
  }, [online, stretch, probe]);

  if (!online) return "offline";
  if (result?.stretch !== stretch) return "checking";
  return result.ok ? "ok" : "unreachable";
}
