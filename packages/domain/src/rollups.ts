// Daily business rollups: what one settled request adds to its UTC day's counters, and the
// same sums recomputed from usage records (the rebuild must agree with the increments exactly).
// Money is kept in integer micro-dollars so sums never drift.
import { z } from "zod";
import type { UsageRecord } from "./usage.js";

/** Upper bounds (ms) of the latency buckets; a request slower than the last is in "inf". */
export const LATENCY_BUCKETS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000];

const count = z.number().int().nonnegative();
const counts = z.record(z.string(), count);

/** rollups/{day}/shards/{n}: one shard of a day's counters (all fields add up across shards). */
export const DayRollup = z.object({
  requests: count.default(0),
  byStatus: counts.default({}),
  errorsByKind: counts.default({}),
  cached: count.default(0),
  /** Accounts whose first settled request of the day this was: the day's active users. */
  activeUsers: count.default(0),
  providerCostMicros: count.default(0),
  chargedCostMicros: count.default(0),
  providerInputTokens: count.default(0),
  providerOutputTokens: count.default(0),
  chargedTokens: count.default(0),
  generationCalls: count.default(0),
  estimatedCalls: count.default(0),
  latency: counts.default({}),

  // ---- Growth (written by the sign-up trigger, the track callable, plan changes and the
  // settlement; see growth.ts). Maps keyed by campaign id ("organic"/"unattributed" included).
  /** landing_view events (deduplicated), overall and by the campaign their link matched. */
  landings: count.default(0),
  campaignLandings: counts.default({}),
  /** Profiles created this day. */
  signups: count.default(0),
  campaignSignups: counts.default({}),
  /** Moves to pro this day (each account's first only). */
  conversions: count.default(0),
  campaignConversions: counts.default({}),
  /** Requests and provider cost this day by the requesting account's campaign. */
  campaignRequests: counts.default({}),
  campaignCostMicros: counts.default({}),
  /**
   * Accounts whose first request of the month this day saw (summed over a month: its monthly
   * actives), and of them those active the month before (churn = 1 - returning / last MAU).
   */
  monthActiveUsers: count.default(0),
  returningUsers: count.default(0),
  /** On a sign-up day only: what became of the accounts that signed up that day. */
  cohortVerified: count.default(0),
  cohortFirstSpark: count.default(0),
  /** First spark within 7 days of sign-up. */
  cohortActivated: count.default(0),
  cohortPro: count.default(0),
  /** Week k after sign-up ("0", "1", …) → accounts active in it; "1" is "active in week 2". */
  retentionWeeks: counts.default({}),
  campaignCohortVerified: counts.default({}),
  campaignCohortFirstSpark: counts.default({}),
  campaignCohortActivated: counts.default({}),
  campaignCohortWeek2: counts.default({}),
  campaignCohortPro: counts.default({}),
});
export type DayRollup = z.infer<typeof DayRollup>;

export const EMPTY_ROLLUP: DayRollup = DayRollup.parse({});

/** "YYYY-MM-DD" (UTC) of a request: the day its rollup goes to. */
export function rollupDay(createdAtMs: number): string {
  return new Date(createdAtMs).toISOString().slice(0, 10);
}

/** The Monday ("YYYY-MM-DD", UTC) of a day's week: the id of its `rollupWeeks` document. */
export function rollupWeekOf(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  const sinceMonday = (new Date(ms).getUTCDay() + 6) % 7;
  return new Date(ms - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

export function latencyBucket(latencyMs: number): string {
  const edge = LATENCY_BUCKETS_MS.find((limit) => latencyMs <= limit);
  return edge === undefined ? "inf" : String(edge);
}

const micros = (usd: number) => Math.round(usd * 1e6);

/** What one settled request adds to its day (`newActiveUser`: its account's first that day). */
export function rollupOf(usage: UsageRecord, newActiveUser: boolean): DayRollup {
  const generations = usage.attemptLog.filter((a) => a.kind === "generation");
  const campaign = usage.campaignId;
  const providerCostMicros = micros(usage.providerUsage.costUsd);
  return {
    ...EMPTY_ROLLUP,
    campaignRequests: campaign ? { [campaign]: 1 } : {},
    campaignCostMicros:
      campaign && providerCostMicros > 0 ? { [campaign]: providerCostMicros } : {},
    requests: 1,
    byStatus: { [usage.status]: 1 },
    errorsByKind: usage.errorCode ? { [usage.errorCode]: 1 } : {},
    cached: usage.cached ? 1 : 0,
    activeUsers: newActiveUser ? 1 : 0,
    monthActiveUsers: usage.firstInMonth ? 1 : 0,
    returningUsers: usage.returning ? 1 : 0,
    providerCostMicros,
    chargedCostMicros: micros(usage.costUsd),
    providerInputTokens: usage.providerUsage.inputTokens,
    providerOutputTokens: usage.providerUsage.outputTokens,
    chargedTokens: usage.inputTokens + usage.outputTokens,
    generationCalls: generations.length,
    estimatedCalls: generations.filter((a) => a.estimated).length,
    latency: { [latencyBucket(usage.latencyMs)]: 1 },
  };
}

function addCounts(a: Record<string, number>, b: Record<string, number>) {
  const out = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = (out[key] ?? 0) + value;
  return out;
}

/** Two rollups added field by field (shards into a day, days into a range). */
export function addRollups(a: DayRollup, b: DayRollup): DayRollup {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(EMPTY_ROLLUP) as (keyof DayRollup)[]) {
    const [x, y] = [a[key], b[key]];
    out[key] =
      typeof x === "number"
        ? x + (y as number)
        : addCounts(x as Record<string, number>, y as Record<string, number>);
  }
  return out as DayRollup;
}

/** The sum of many rollups (EMPTY_ROLLUP for none). */
export function sumRollups(rollups: Iterable<DayRollup>): DayRollup {
  let total = EMPTY_ROLLUP;
  for (const rollup of rollups) total = addRollups(total, rollup);
  return total;
}

/**
 * Stamps that contradict each other: an account-month with no or several requests stamped
 * first-in-month (each must have exactly one). Empty when the records are consistent.
 */
export function activityStampProblems(records: readonly UsageRecord[]): string[] {
  const firsts = new Map<string, number>();
  for (const r of records) {
    if (r.status === "pending") continue;
    const key = `${r.uid} ${r.period}`;
    firsts.set(key, (firsts.get(key) ?? 0) + (r.firstInMonth ? 1 : 0));
  }
  return [...firsts]
    .filter(([, n]) => n !== 1)
    .map(([key, n]) => `${key}: ${n} requests stamped first-in-month`);
}

/** Every day's rollup recomputed from settled usage records (pending ones are not counted). */
export function rebuildRollups(records: readonly UsageRecord[]): Map<string, DayRollup> {
  const days = new Map<string, DayRollup>();
  const active = new Set<string>();
  const settled = records
    .filter((r) => r.status !== "pending")
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const record of settled) {
    const day = rollupDay(record.createdAt);
    const key = `${record.uid} ${day}`;
    const first = !active.has(key);
    active.add(key);
    days.set(day, addRollups(days.get(day) ?? EMPTY_ROLLUP, rollupOf(record, first)));
  }
  return days;
}

/** The latency (ms, a bucket's upper bound) under which `share` of the requests finished. */
export function latencyPercentile(rollup: DayRollup, share: number): number | null {
  const total = Object.values(rollup.latency).reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const edge of [...LATENCY_BUCKETS_MS.map(String), "inf"]) {
    seen += rollup.latency[edge] ?? 0;
    if (seen >= share * total) return edge === "inf" ? Infinity : Number(edge);
  }
  return Infinity;
}
