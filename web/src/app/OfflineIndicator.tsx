// Always-visible connectivity pill in the header: calm when online, prominent when offline.
import { useOnline } from "../state/connectivityStore";

export function OfflineIndicator() {
  const online = useOnline();
  return (
    <p
      className={`connectivity ${online ? "is-online" : "is-offline"}`}
      data-testid="offline-indicator"
      data-state={online ? "online" : "offline"}
      role="status"
      title={online ? undefined : "You can keep reading saved sparks; new requests wait for you."}
    >
      <span className="connectivity-dot" aria-hidden="true" />
      <span className="connectivity-label">{online ? "Online" : "Offline"}</span>
    </p>
  );
}
