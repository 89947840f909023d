// The overview's numbers, worked out from the day rollups, the month's budget counter and the
// configuration: pure, so every figure on the screen can be checked in a unit test.
import {
  budgetStatus,
  errorShare,
  forecastMonthEndUsd,
  latencyPercentile,
  periodKey,
  sumRollups,
  type AppConfig,
  type DayRollup,
} from "@ideaspark/domain";

const usd = (micros: number) => micros / 1e6;

/** Share of `part` in `whole` (0..1), or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export interface CacheEffect {
  /** Share of the requests answered from the cache. */
  hitRate: number | null;
  /** What the cached answers would have cost at the average cost of an uncached request. */
  savedUsd: number;
}

/**
 * A cache hit costs nothing; it saved roughly what an uncached request costs on average, so
 * saved = cached × provider cost / uncached requests.
 */
export function cacheEffect(rollup: DayRollup): CacheEffect {
  const uncached = rollup.requests - rollup.cached;
  const perRequest = uncached > 0 ? rollup.providerCostMicros / uncached : 0;
  return {
    hitRate: share(rollup.cached, rollup.requests),
    savedUsd: usd(Math.round(rollup.cached * perRequest)),
  };
}

export interface ErrorRate {
  kind: string;
  count: number;
  /** Share of all requests that failed with this kind. */
  rate: number;
}

/** Failed requests by error kind, most frequent first (ties by name). */
export function errorRates(rollup: DayRollup): ErrorRate[] {
  return Object.entries(rollup.errorsByKind)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => ({ kind, count, rate: share(count, rollup.requests) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

export interface DayPoint {
  day: string;
  providerUsd: number;
  chargedUsd: number;
  requests: number;
  activeUsers: number;
  signups: number;
}

export interface RangeSummary {
  days: DayPoint[];
  providerUsd: number;
  chargedUsd: number;
  /** Provider cost not charged to anyone (failed or free-of-charge work); never negative. */
  uncoveredUsd: number;
  inputTokens: number;
  outputTokens: number;
  chargedTokens: number;
  requests: number;
  cache: CacheEffect;
  /** Error codes recorded on requests, by kind (a partial answer can carry one too). */
  errors: ErrorRate[];
  /** Share of requests that ended in an error (the share the error-rate alert watches). */
  errorRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  signups: number;
}

/** Totals and daily series over `days` (oldest first); a day without a rollup counts as empty. */
export function summarizeRange(
  days: readonly string[],
  rollups: Map<string, DayRollup>,
): RangeSummary {
  const present = days.flatMap((day) => rollups.get(day) ?? []);
  const total = sumRollups(present);
  return {
    days: days.map((day) => {
      const rollup = rollups.get(day);
      return {
        day,
        providerUsd: usd(rollup?.providerCostMicros ?? 0),
        chargedUsd: usd(rollup?.chargedCostMicros ?? 0),
        requests: rollup?.requests ?? 0,
        activeUsers: rollup?.activeUsers ?? 0,
        signups: rollup?.signups ?? 0,
      };
    }),
    providerUsd: usd(total.providerCostMicros),
    chargedUsd: usd(total.chargedCostMicros),
    uncoveredUsd: usd(Math.max(0, total.providerCostMicros - total.chargedCostMicros)),
    inputTokens: total.providerInputTokens,
    outputTokens: total.providerOutputTokens,
    chargedTokens: total.chargedTokens,
    requests: total.requests,
    cache: cacheEffect(total),
    errors: errorRates(total),
    errorRate: total.requests > 0 ? errorShare(total) : null,
    p50Ms: latencyPercentile(total, 0.5),
    p95Ms: latencyPercentile(total, 0.95),
    signups: total.signups,
  };
}

export interface MonthBudget {
  period: string;
  spentUsd: number;
  budgetUsd: number;
  /** Spent as a share of the budget; null when no budget is set (0). */
  used: number | null;
  forecastUsd: number;
  forecastOverBudget: boolean;
  /** Alert thresholds (fractions of the budget) the month's spend has reached. */
  crossed: number[];
}

/** This month's spend against the budget in config/app, and where it is heading. */
export function monthBudget(input: {
  spentUsd: number;
  nowMs: number;
  config: Pick<AppConfig, "monthlyBudgetUsd" | "budgetAlertThresholds">;
}): MonthBudget {
  const { spentUsd, nowMs, config } = input;
  const period = periodKey(nowMs);
  const forecastUsd = forecastMonthEndUsd({ spentUsd, nowMs, period });
  const status = budgetStatus({
    spentUsd,
    forecastUsd,
    budgetUsd: config.monthlyBudgetUsd,
    thresholds: config.budgetAlertThresholds,
  });
  return {
    period,
    spentUsd,
    budgetUsd: config.monthlyBudgetUsd,
    used: share(spentUsd, config.monthlyBudgetUsd),
    forecastUsd,
    ...status,
  };
}
