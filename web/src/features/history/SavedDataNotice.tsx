// Says when what is on screen comes from this device's cache rather than the server: at once
// when offline, and after a short grace period online (a first paint from the cache is normal).
import { useEffect, useState } from "react";
import { useOnline } from "../../state/connectivityStore";

const ONLINE_GRACE_MS = 3_000;

export function SavedDataNotice({ fromCache }: { fromCache: boolean }) {
  const online = useOnline();
  const [graceOver, setGraceOver] = useState(false);
  useEffect(() => {
    if (!fromCache || !online) return;
    const timer = setTimeout(() => setGraceOver(true), ONLINE_GRACE_MS);
    return () => {
      clearTimeout(timer);
      setGraceOver(false);
    };
  }, [fromCache, online]);
  if (!fromCache || (online && !graceOver)) return null;
  return (
    <p className="history-saved-notice" role="status" data-testid="saved-data-notice">
      {online
        ? "Showing saved data while we reach the server…"
        : "Showing saved data (offline). New sparks appear when you are back online."}
    </p>
  );
}
