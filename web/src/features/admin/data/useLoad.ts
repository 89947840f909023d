// One-shot admin reads from a component: runs `load` for `key`, keeps the last answer for that
// key only (a slow answer for an old key is dropped), and can be run again on demand.
import { useCallback, useEffect, useRef, useState } from "react";

export type LoadState<T> =
  { status: "loading" } | { status: "ready"; data: T } | { status: "error"; error: Error };

export function useLoad<T>(
  key: string,
  load: () => Promise<T>,
): LoadState<T> & { reload: () => void } {
  const [run, setRun] = useState(0);
  const [state, setState] = useState<{ key: string; run: number; value: LoadState<T> }>({
    key,
    run,
    value: { status: "loading" },
  });
  // `load` is a fresh closure every render; the key says when it reads something else.
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
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
  const value: LoadState<T> =
    state.key === key && state.run === run ? state.value : { status: "loading" };
  return { ...value, reload };
}
