// One-shot admin reads from a component: runs `load` for `key` (null: not yet, stays loading),
// keeps the last answer for that key only (a slow answer for an old key is dropped), and can be
// run again on demand.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

export type LoadState<T> =
  { status: "loading" } | { status: "ready"; data: T } | { status: "error"; error: Error };

const LOADING = { status: "loading" } as const;

export function useLoad<T>(
  key: string | null,
  load: () => Promise<T>,
): LoadState<T> & { pending: boolean; reload: () => void } {
  const [run, setRun] = useState(0);
  const [state, setState] = useState<{ key: string | null; run: number; value: LoadState<T> }>({
    key,
    run,
    value: LOADING,
  });
  // `load` is a fresh closure every render; the key says when it reads something else.
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
    if (key === null) return;
    let active = true;
    loader.current().then(
      (data) => active && setState({ key, run, value: { status: "ready", data } }),
      (error: unknown) =>
        active &&
        setState({
          key,
          run,
          value: {
            status: "error",
            error: error instanceof Error ? error : new Error(String(error)),
          },
        }),
    );
    return () => {
      active = false;
    };
  }, [key, run]);
  const reload = useCallback(() => setRun((n) => n + 1), []);
  // A reload of the same key keeps showing what was loaded until the new value arrives, so the
  // screen (and whatever state it holds, like a confirmation) is not torn down meanwhile.
  const value: LoadState<T> =
    state.key === key && (state.run === run || state.value.status === "ready")
      ? state.value
      : LOADING;
  // A reload (or a new key) whose answer has not arrived yet: the screen may say it is busy.
  const pending = !(state.key === key && state.run === run && state.value.status !== "loading");
  // Stable while nothing changes, so callers can memoise on it.
  return useMemo(() => ({ ...value, pending, reload }), [value, pending, reload]);
}
