// Buckets a period's usage records by UTC day for the usage chart: tokens charged and cost per
// day of the billing month (UTC, like the quota period). Brief-cache hits count as requests that
// used 0 tokens and cost nothing.
import { periodResetsAt, type UsageRecord } from "@ideaspark/domain";

export interface UsageDay {
  /** "YYYY-MM-DD" (UTC). */
  day: string;
  tokens: number;
  costUsd: number;
  requests: number;
  cachedRequests: number;
}

export interface UsageChartData {
  days: UsageDay[];
  totalTokens: number;
  totalCostUsd: number;
  /** The largest day's tokens (0 when nothing was used), for scaling the bars. */
  maxTokens: number;
}

const DAY_MS = 86_400_000;

/** Tokens a record charged: input + output, or 0 when the brief cache answered. */
export function chargedTokens(record: UsageRecord): number {
  return record.cached ? 0 : record.inputTokens + record.outputTokens;
}

/** One bucket per UTC day of `period` ("YYYY-MM"); records outside the period are ignored. */
export function bucketUsageByDay(records: readonly UsageRecord[], period: string): UsageChartData {
  const end = periodResetsAt(period).getTime();
  const [year, month] = period.split("-").map(Number) as [number, number];
  const start = Date.UTC(year, month - 1, 1);
  const days: UsageDay[] = [];
  for (let at = start; at < end; at += DAY_MS) {
    days.push({
      day: new Date(at).toISOString().slice(0, 10),
      tokens: 0,
      costUsd: 0,
      requests: 0,
      cachedRequests: 0,
    });
  }
  for (const record of records) {
    if (record.createdAt < start || record.createdAt >= end) continue;
    const bucket = days[Math.floor((record.createdAt - start) / DAY_MS)];
    if (!bucket) continue;
    bucket.tokens += chargedTokens(record);
    bucket.costUsd += record.cached ? 0 : record.costUsd;
    bucket.requests += 1;
    if (record.cached) bucket.cachedRequests += 1;
  }
  const totalTokens = days.reduce((sum, day) => sum + day.tokens, 0);
  const totalCostUsd = days.reduce((sum, day) => sum + day.costUsd, 0);
  const maxTokens = days.reduce((max, day) => Math.max(max, day.tokens), 0);
  return { days, totalTokens, totalCostUsd, maxTokens };
}
