// One-line backend status for the footer: "Backend: ok", "checking…", "unreachable" or "offline".
import { useBackendStatus, type HealthProbe } from "./useBackendStatus";

const LABELS = {
  checking: "checking…",
  ok: "ok",
  unreachable: "unreachable",
  offline: "offline",
} as const;

export function BackendStatus({ probe }: { probe?: HealthProbe }) {
  const status = useBackendStatus(probe);
  return (
    <p className={`backend-status is-${status}`} data-testid="backend-status" data-state={status}>
      Backend: {LABELS[status]}
    </p>
  );
}
