// Windowing for a long list that scrolls with the page: only the rows overlapping the viewport
// (plus `overscanPx` above and below) are rendered, each absolutely placed at its offset inside a
// list as tall as all rows together. Heights are measured once rendered (rows may wrap, fonts may
// be enlarged) and estimated by kind until then. The row holding keyboard focus stays rendered
// when it scrolls away, so focus is never dropped; Tab reaches the next row through the overscan.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { rowHeights, rowOffsets, rowsBetween, type RowRange } from "./windowing";

export interface WindowedRows {
  /** Put on the list element; its rows need `data-row-key`. */
  listRef: React.RefObject<HTMLUListElement | null>;
  /** Indices of the rows to render, in order. */
  indices: number[];
  /** Each row's top, and (last entry) the list's height. */
  offsets: number[];
  onFocus: (event: React.FocusEvent<HTMLElement>) => void;
  onBlur: (event: React.FocusEvent<HTMLElement>) => void;
}

const sameRange = (a: RowRange, b: RowRange) => a.start === b.start && a.end === b.end;

export function useWindowedRows(
  rows: readonly { key: string; kind: string }[],
  estimates: Readonly<Record<string, number>>,
  overscanPx: number,
): WindowedRows {
  const listRef = useRef<HTMLUListElement>(null);
  const [measured, setMeasured] = useState<ReadonlyMap<string, number>>(() => new Map());
  const offsets = useMemo(
    () => rowOffsets(rowHeights(rows, measured, estimates)),
    [rows, measured, estimates],
  );
  // The viewport in list coordinates; before the first layout, the top of the list.
  const [viewport, setViewport] = useState(() => ({
    top: 0,
    bottom: typeof window === "undefined" ? 0 : window.innerHeight,
  }));
  const range = rowsBetween(offsets, viewport.top - overscanPx, viewport.bottom + overscanPx);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);

  // Scroll and resize read the list's position and re-render only when the rows to show change.
  const latest = useRef({ offsets, range, overscanPx });
  useLayoutEffect(() => {
    latest.current = { offsets, range, overscanPx };
  });
  const follow = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const top = -list.getBoundingClientRect().top;
    const next = { top, bottom: top + window.innerHeight };
    const { offsets, range, overscanPx } = latest.current;
    const nextRange = rowsBetween(offsets, next.top - overscanPx, next.bottom + overscanPx);
    if (!sameRange(range, nextRange)) setViewport(next);
  }, []);

  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        follow();
      });
    };
    // A new width re-wraps rows: measure again.
    const onResize = () => {
      setMeasured(new Map());
      onScroll();
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onResize);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onResize);
    };
  }, [follow]);

  const indices = useMemo(() => {
    const shown: number[] = [];
    for (let index = range.start; index < range.end; index += 1) shown.push(index);
    const focused = focusedKey === null ? -1 : rows.findIndex((row) => row.key === focusedKey);
    if (focused >= 0 && focused < range.start) shown.unshift(focused);
    if (focused >= range.end) shown.push(focused);
    return shown;
  }, [range.start, range.end, focusedKey, rows]);

  // Once rows are on screen: measure them, then check the window against the new layout.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const heights: [string, number][] = [];
    for (const element of list.children) {
      const { rowKey } = (element as HTMLElement).dataset;
      const height = (element as HTMLElement).offsetHeight;
      // 0 = not laid out (hidden, or a test DOM): keep the estimate.
      if (rowKey !== undefined && height > 0) heights.push([rowKey, height]);
    }
    setMeasured((current) => {
      if (heights.every(([key, height]) => current.get(key) === height)) return current;
      const next = new Map(current);
      for (const [key, height] of heights) next.set(key, height);
      return next;
    });
    follow();
  }, [indices, offsets, follow]);

  const onFocus = useCallback((event: React.FocusEvent<HTMLElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>("[data-row-key]");
    setFocusedKey(row?.dataset.rowKey ?? null);
  }, []);
  const onBlur = useCallback((event: React.FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedKey(null);
  }, []);

  return { listRef, indices, offsets, onFocus, onBlur };
}
