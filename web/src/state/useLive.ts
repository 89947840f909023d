// The one hook that follows a live data-layer subscription (a Firestore listener) from a
// component: history, the spark screen, the profile, usage and admin all use it. The data module
// is imported lazily (the Firebase SDK loads after the shell paints); a result for an old key is
// never shown.
import { useEffect, useState } from "react";
import type { Live, Unsubscribe } from "../data/history";

export type LiveState<T> =
  { status: "loading" } | ({ status: "ready" } & Live<T>) | { status: "error"; error: Error };

/** Starts a subscription: `onNext` for every snapshot, `onError` once if it fails. */
export type Subscribe<T> = (
  onNext: (value: Live<T>) => void,
  onError: (error: Error) => void,
) => Unsubscribe;

/** `load` called once and shared (a failed load is retried by the next caller). */
export function lazyModule<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/**
 * Runs `start(module)` once `load()` resolves and stops it on unmount; failures to load or to
 * start (e.g. no Firebase configuration) become `onError`.
 */
export function lazySubscribe<M, T>(
  load: () => Promise<M>,
  start: (module: M) => Subscribe<T>,
): Subscribe<T> {
  return (onNext, onError) => {
    let active = true;
    let stop: Unsubscribe | undefined;
    load().then(
      (module) => {
        if (!active) return;
        try {
          stop = start(module)(onNext, onError);
        } catch (error) {
          onError(error instanceof Error ? error : new Error(String(error)));
        }
      },
      (error: unknown) =>
        active && onError(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      active = false;
      stop?.();
    };
  };
}

/** The latest value of `subscribe` for `key` (null = nothing to follow, stays loading). */
export function useLive<T>(key: string | null, subscribe: Subscribe<T>): LiveState<T> {
  const [state, setState] = useState<{ key: string | null; value: LiveState<T> }>({
    key,
    value: { status: "loading" },
  });
  useEffect(() => {
    if (key === null) return;
    let active = true;
    const stop = subscribe(
      (value) => active && setState({ key, value: { status: "ready", ...value } }),
      (error) => active && setState({ key, value: { status: "error", error } }),
    );
    return () => {
      active = false;
      stop();
    };
  }, [key, subscribe]);
  return state.key === key ? state.value : { status: "loading" };
}
