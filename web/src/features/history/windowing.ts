// The arithmetic of a windowed list: where each row starts, given its (measured or estimated)
// height, and which rows overlap a stretch of the page. Binary searches, so a scroll frame costs
// O(log n) however long the list is.

/** Where each row starts and (last entry) where the list ends: `heights` summed, from 0. */
export function rowOffsets(heights: readonly number[]): number[] {
  const offsets = new Array<number>(heights.length + 1);
  offsets[0] = 0;
  for (let index = 0; index < heights.length; index += 1) {
    offsets[index + 1] = offsets[index]! + heights[index]!;
  }
  return offsets;
}

/** Rows `start` (inclusive) to `end` (exclusive). */
export interface RowRange {
  start: number;
  end: number;
}

/** The first row whose bottom is below `y` (rows.length when none is). */
function firstEndingAfter(offsets: readonly number[], y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (offsets[middle + 1]! > y) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The rows that overlap [top, bottom) (list coordinates), empty when none does. */
export function rowsBetween(offsets: readonly number[], top: number, bottom: number): RowRange {
  const count = offsets.length - 1;
  if (count <= 0 || bottom <= 0 || top >= offsets[count]! || bottom <= top) {
    return { start: 0, end: 0 };
  }
  const start = firstEndingAfter(offsets, top);
  let end = firstEndingAfter(offsets, bottom);
  // `end` is the row holding `bottom`; it is visible unless `bottom` is exactly its top.
  if (end < count && offsets[end]! < bottom) end += 1;
  return { start, end };
}

/** The row heights to lay out: measured ones, the kind's average measured height otherwise. */
export function rowHeights(
  rows: readonly { key: string; kind: string }[],
  measured: ReadonlyMap<string, number>,
  estimates: Readonly<Record<string, number>>,
): number[] {
  const sums = new Map<string, { total: number; count: number }>();
  for (const row of rows) {
    const height = measured.get(row.key);
    if (height === undefined) continue;
    const sum = sums.get(row.kind) ?? { total: 0, count: 0 };
    sum.total += height;
    sum.count += 1;
    sums.set(row.kind, sum);
  }
  const estimate = (kind: string) => {
    const sum = sums.get(kind);
    return sum ? sum.total / sum.count : (estimates[kind] ?? 0);
  };
  return rows.map((row) => measured.get(row.key) ?? estimate(row.kind));
}
