// Formatting shared by the admin users, campaigns, funnel and export screens: money from
// micro-dollars, shares, ratios, month lists for pickers. "—" stands for a figure that is undefined.
import { periodKey } from "@ideaspark/domain";
import { formatDate, formatUsd } from "../../../lib/format";

export const NONE = "—";

/** Date and time, or "—" for a moment that has not happened. */
export const formatDateTime = (at: number | null): string =>
  at === null ? NONE : formatDate(at, { dateStyle: "medium", timeStyle: "short" });

export const formatMicros = (micros: number): string => formatUsd(micros / 1e6);

export const formatUsdOrNone = (usd: number | null): string =>
  usd === null ? NONE : formatUsd(usd);

export const formatShare = (share: number | null): string =>
  share === null ? NONE : `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)}%`;

export const formatRatio = (ratio: number | null): string =>
  ratio === null ? NONE : `${ratio.toFixed(2)}×`;

export const formatMonths = (months: number | null): string =>
  months === null ? NONE : `${months.toFixed(1)} mo`;

/** The `count` months ending with the one holding `nowMs`, newest first ("2026-12", "2026-11"…). */
export function recentPeriods(nowMs: number, count: number): string[] {
  const now = new Date(nowMs);
  return Array.from({ length: count }, (_, i) =>
    periodKey(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)),
  );
}

/** "December 2026" for "2026-12". */
export function formatPeriod(period: string): string {
  const [year, month] = period.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(undefined, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(Date.UTC(year, month - 1, 1));
}

/** "Organic", "Unattributed", a campaign's name, its id when it was deleted, or "—". */
export function acquisitionName(
  campaignId: string | null,
  names: ReadonlyMap<string, string> | null,
): string {
  if (campaignId === null) return NONE;
  if (campaignId === "organic") return "Organic";
  if (campaignId === "unattributed") return "Unattributed";
  return names?.get(campaignId) ?? campaignId;
}
