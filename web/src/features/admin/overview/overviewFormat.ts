// How the overview writes its figures: shares as percentages, latency buckets as bounds, and
// counts with the browser's digit grouping. "–" stands for "no data to work it out from".
import { LATENCY_BUCKETS_MS } from "@ideaspark/domain";

const SLOWEST_BOUND_MS = LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1] ?? 64_000;

export const NO_DATA = "–";

/** 0.1234 → "12.3%"; null → "–". */
export function formatShare(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  return new Intl.NumberFormat(undefined, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** A latency bucket's upper bound: 500 → "≤ 500 ms", 2000 → "≤ 2 s", Infinity → "> 64 s". */
export function formatLatency(ms: number | null): string {
  if (ms === null) return NO_DATA;
  if (ms === Infinity) return `> ${formatSeconds(SLOWEST_BOUND_MS)}`;
  return `≤ ${ms < 1_000 ? `${ms} ms` : formatSeconds(ms)}`;
}

function formatSeconds(ms: number): string {
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(ms / 1_000)} s`;
}

export const formatCount = (value: number): string => new Intl.NumberFormat().format(value);

/** "2026-12-03" → "3 Dec" style (UTC, the browser's locale). */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(undefined, {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(`${day}T00:00:00Z`));
}
