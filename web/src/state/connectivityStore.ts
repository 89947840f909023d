// Whether the app can reach the network, kept in a tiny zustand store so any component (the
// header indicator, the backend badge, the queued briefs) can react to the same signal. The
// browser's belief (navigator.onLine and its events) comes first; because that belief can be
// wrong in the "online" direction (a network without a route out, a page reloaded while
// offline that still reports online), a page that starts out "online" also checks once that it
// can reach its own host, and while such a check has failed it checks again every few seconds.
import { createStore, useStore } from "zustand";

export interface ConnectivityState {
  online: boolean;
  /** Counts online/offline transitions, so work can be tied to one stretch of connectivity. */
  transitions: number;
}

export interface ConnectivityOptions {
  /** Resolves whether the host answers at all (any HTTP status); none: trust the browser. */
  probe?: () => Promise<boolean>;
  /** How long to wait before checking again after a failed check. */
  retryMs?: number;
}

/** Creates a store that follows `online`/`offline` events on `target` until `stop()` is called. */
export function createConnectivityStore(
  target: Pick<Window, "addEventListener" | "removeEventListener"> = window,
  initiallyOnline: boolean = navigator.onLine,
  { probe, retryMs = 3_000 }: ConnectivityOptions = {},
) {
  const store = createStore<ConnectivityState>(() => ({
    online: initiallyOnline,
    transitions: 0,
  }));
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const set = (online: boolean) => {
    if (store.getState().online !== online) {
      store.setState((state) => ({ online, transitions: state.transitions + 1 }));
    }
  };
  const check = async () => {
    if (!probe || stopped) return;
    const reachable = await probe().catch(() => false);
    if (stopped) return;
    set(reachable);
    clearTimeout(retry);
    // Unreachable while the browser says online: no "online" event will announce the return.
    if (!reachable) retry = setTimeout(() => void check(), retryMs);
  };
  const goOnline = () => {
    set(true);
    void check();
  };
  const goOffline = () => {
    clearTimeout(retry);
    set(false);
  };
  target.addEventListener("online", goOnline);
  target.addEventListener("offline", goOffline);
  if (initiallyOnline) void check();
  const stop = () => {
    stopped = true;
    clearTimeout(retry);
    target.removeEventListener("online", goOnline);
    target.removeEventListener("offline", goOffline);
  };
  return Object.assign(store, { stop });
}

/**
 * Whether this site's host answers: a HEAD request for robots.txt, which the service worker does
 * not precache (so it really goes to the network) and which is tiny; any HTTP answer counts.
 */
export async function hostAnswers(): Promise<boolean> {
  try {
    await fetch("/robots.txt", { method: "HEAD", cache: "no-store" });
    return true;
  } catch {
    return false;
  }
}

/** The app-wide instance; it listens for the page's whole life. */
export const connectivityStore = createConnectivityStore(window, navigator.onLine, {
  // Not in unit tests (jsdom has no server to ask).
  probe: import.meta.env.MODE === "test" ? undefined : hostAnswers,
});

export function useOnline(): boolean {
  return useStore(connectivityStore, (state) => state.online);
}

export function useConnectivityTransitions(): number {
  return useStore(connectivityStore, (state) => state.transitions);
}
