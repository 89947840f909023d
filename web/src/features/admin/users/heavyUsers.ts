// Which rows of a users page stand out for their AI cost this period: far above the page's
// median (HEAVY_FACTOR times it) and above a floor, so a page of near-zero costs flags nobody.
export const HEAVY_FACTOR = 5;
/** $0.05: below this nobody is "heavy", whatever the median. */
export const HEAVY_FLOOR_MICROS = 50_000;

/** The median of `values` (the mean of the middle two for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The indexes of the heavy costs among `costsMicros` (one per row of the page). */
export function heavyRows(costsMicros: readonly number[]): Set<number> {
  const threshold = Math.max(HEAVY_FACTOR * median(costsMicros), HEAVY_FLOOR_MICROS);
  const heavy = new Set<number>();
  costsMicros.forEach((cost, i) => {
    if (cost > threshold) heavy.add(i);
  });
  return heavy;
}
