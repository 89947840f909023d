// Whether the browser believes it is online, kept in a tiny zustand store so any component (the
// header indicator, the backend badge, later the draft queue) can react to the same signal.
import { createStore, useStore } from "zustand";

export interface ConnectivityState {
  online: boolean;
  /** Counts online/offline transitions, so work can be tied to one stretch of connectivity. */
  transitions: number;
}

/** Creates a store that follows `online`/`offline` events on `target` until `stop()` is called. */
export function createConnectivityStore(
  target: Pick<Window, "addEventListener" | "removeEventListener"> = window,
  initiallyOnline: boolean = navigator.onLine,
) {
  const store = createStore<ConnectivityState>(() => ({
    online: initiallyOnline,
    transitions: 0,
  }));
  const set = (online: boolean) => {
    if (store.getState().online !== online) {
      store.setState((state) => ({ online, transitions: state.transitions + 1 }));
    }
  };
  const goOnline = () => set(true);
  const goOffline = () => set(false);
  target.addEventListener("online", goOnline);
  target.addEventListener("offline", goOffline);
  const stop = () => {
    target.removeEventListener("online", goOnline);
    target.removeEventListener("offline", goOffline);
  };
  return Object.assign(store, { stop });
}

/** The app-wide instance; it listens for the page's whole life. */
export const connectivityStore = createConnectivityStore();

export function useOnline(): boolean {
  return useStore(connectivityStore, (state) => state.online);
}

export function useConnectivityTransitions(): number {
  return useStore(connectivityStore, (state) => state.transitions);
}
