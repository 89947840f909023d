// Operational alerts (alerts/{id}): the document functions write and the admin banner reads, and
// the pure decisions behind each kind — budget thresholds, provider failures in a row, one
// account's spend spiking, the error rate spiking. Ids are deterministic so each fires once.
import { z } from "zod";
import type { AppConfig } from "./config.js";
import { degradeModelOf } from "./budget.js";
import type { DayRollup } from "./rollups.js";
import { PeriodKey, type UsageRecord } from "./usage.js";

export const ALERT_KINDS = ["budget", "provider-failures", "spend-spike", "error-rate"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_SEVERITIES = ["info", "warning", "critical"] as const;

const ms = z.number().int().nonnegative();

/** alerts/{id}: one alert; the banner shows those with `resolvedAt == null`, newest first. */
export const Alert = z.object({
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(ALERT_SEVERITIES),
  title: z.string().min(1).max(200),
  message: z.string().min(1).max(2_000),
  /** The month a budget alert is about. */
  period: PeriodKey.optional(),
  /** The budget fraction crossed (0.8 = 80 %). */
  threshold: z.number().positive().optional(),
  /** The account a spend-spike alert is about. */
  uid: z.string().min(1).optional(),
  createdAt: ms,
  resolvedAt: ms.nullable(),
  /** The figures behind the alert (kind-specific). */
  data: z.record(z.string(), z.unknown()).default({}),
});
export type Alert = z.infer<typeof Alert>;

/** An alert to write under its deterministic id. */
export interface AlertWrite {
  id: string;
  alert: Alert;
}

const usd = (amount: number) => `$${amount.toFixed(2)}`;
const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10} %`;

// ---- Budget thresholds -------------------------------------------------------------------

/** `budget-2026-12-80`: the alert for one threshold of one month. */
export function budgetAlertId(period: string, threshold: number): string {
  return `budget-${period}-${Math.round(threshold * 1000) / 10}`;
}

const DEGRADE_NOTES: Record<AppConfig["degradeAction"], (model: string) => string> = {
  "pause-free": () => "Free users are paused until the budget is raised or the month ends.",
  "cheaper-model": (model) =>
    `Free users are answered by ${model} until the budget is raised or the month ends.`,
  "cache-only": () =>
    "Free users are answered only from the brief cache until the budget is raised or the month ends.",
  none: () => "Nothing is degraded (degrade action: none); spend continues past the budget.",
};

/** The alert for `threshold` of `period` at this spend. */
export function budgetAlert(input: {
  period: string;
  threshold: number;
  spentUsd: number;
  config: Pick<AppConfig, "monthlyBudgetUsd" | "degradeAction" | "degradeModel" | "models">;
  nowMs: number;
  reopenCount?: number;
}): AlertWrite {
  const { period, threshold, spentUsd, config, nowMs } = input;
  const budgetUsd = config.monthlyBudgetUsd;
  const atBudget = threshold >= 1;
  const spend = `AI spend for ${period} is ${usd(spentUsd)} of the ${usd(budgetUsd)} budget.`;
  return {
    id: budgetAlertId(period, threshold),
    alert: {
      kind: "budget",
      severity: atBudget ? "critical" : threshold >= 0.8 ? "warning" : "info",
      title: `AI budget ${percent(threshold)} reached (${period})`,
      message: atBudget
        ? `${spend} ${DEGRADE_NOTES[config.degradeAction](degradeModelOf(config))}`
        : spend,
      period,
      threshold,
      createdAt: nowMs,
      resolvedAt: null,
      data: {
        spentUsd,
        budgetUsd,
        degradeAction: config.degradeAction,
        reopenCount: input.reopenCount ?? 0,
      },
    },
  };
}

/** A budget alert as stored, for planning (its id, period, threshold, state). */
export interface StoredBudgetAlert {
  id: string;
  period?: string | undefined;
  threshold?: number | undefined;
  resolvedAt: number | null;
  data: Record<string, unknown>;
}

export interface BudgetAlertPlan {
  /** Thresholds crossed for the first time this month. */
  create: AlertWrite[];
  /** Thresholds crossed again after the budget was raised (their alert had been resolved). */
  reopen: AlertWrite[];
  /** Open alerts no longer true: an earlier month's, or the budget is now above the spend. */
  resolve: string[];
}

/**
 * What to do with the budget alerts, given this month's spend and the budget alerts known:
 * every open one (any month) and every one of `period` (open or resolved).
 */
export function planBudgetAlerts(input: {
  period: string;
  spentUsd: number;
  config: Pick<
    AppConfig,
    "monthlyBudgetUsd" | "budgetAlertThresholds" | "degradeAction" | "degradeModel" | "models"
  >;
  existing: readonly StoredBudgetAlert[];
  nowMs: number;
}): BudgetAlertPlan {
  const { period, spentUsd, config, existing, nowMs } = input;
  const budgetUsd = config.monthlyBudgetUsd;
  // Compared in micro-dollars: 1.1 × $100 is 110.00000000000001 in floating point.
  const crossed = (t: number) =>
    budgetUsd > 0 && Math.round(spentUsd * 1e6) >= Math.round(t * budgetUsd * 1e6);
  const byId = new Map(existing.map((a) => [a.id, a]));
  const plan: BudgetAlertPlan = { create: [], reopen: [], resolve: [] };
  for (const threshold of config.budgetAlertThresholds.filter(crossed)) {
    const id = budgetAlertId(period, threshold);
    const known = byId.get(id);
    if (!known) {
      plan.create.push(budgetAlert({ period, threshold, spentUsd, config, nowMs }));
    } else if (known.resolvedAt !== null) {
      const reopenCount = (Number(known.data.reopenCount) || 0) + 1;
      plan.reopen.push(budgetAlert({ period, threshold, spentUsd, config, nowMs, reopenCount }));
    }
  }
  for (const alert of existing) {
    if (alert.resolvedAt !== null) continue;
    const stale = alert.period !== period || !crossed(alert.threshold ?? 0);
    if (stale) plan.resolve.push(alert.id);
  }
  return plan;
}

// ---- Provider failures in a row ----------------------------------------------------------

type RecentRecord = Pick<UsageRecord, "requestId" | "status" | "errorCode" | "createdAt">;

/** A settled request that ended because the provider failed (not the person, not the budget). */
export function isProviderFailure(record: Pick<UsageRecord, "status" | "errorCode">): boolean {
  return (
    record.status === "error" &&
    (record.errorCode === undefined || record.errorCode === "provider-unavailable")
  );
}

/**
 * The provider's state from recent requests, newest first. Running and cancelled requests say
 * nothing either way; any other outcome (an answer, a refusal) proves the provider answered.
 */
export type ProviderHealth =
  | { state: "healthy" }
  | { state: "undecided"; failures: number }
  | {
      state: "failing";
      failures: number;
      /** The streak's first request; `startSeen` false when it is older than the records read. */
      startRequestId: string;
      startedAt: number;
      lastAt: number;
      startSeen: boolean;
    };

export function providerHealth(
  newestFirst: readonly RecentRecord[],
  threshold: number,
): ProviderHealth {
  const failures: RecentRecord[] = [];
  let ended = false;
  for (const record of newestFirst) {
    if (record.status === "pending" || record.status === "cancelled") continue;
    if (!isProviderFailure(record)) {
      ended = true;
      break;
    }
    failures.push(record);
  }
  const [last, start] = [failures[0], failures.at(-1)];
  if (!last || !start) return ended ? { state: "healthy" } : { state: "undecided", failures: 0 };
  if (failures.length < threshold) return { state: "undecided", failures: failures.length };
  return {
    state: "failing",
    failures: failures.length,
    startRequestId: start.requestId,
    startedAt: start.createdAt,
    lastAt: last.createdAt,
    startSeen: ended,
  };
}

/** `provider-failures-{first request of the streak}`: one alert per streak. */
export function providerFailuresAlert(
  health: Extract<ProviderHealth, { state: "failing" }>,
  nowMs: number,
): AlertWrite {
  const since = new Date(health.startedAt).toISOString();
  return {
    id: `provider-failures-${health.startRequestId}`,
    alert: {
      kind: "provider-failures",
      severity: "critical",
      title: "The AI provider is failing",
      message: `The last ${health.failures}${health.startSeen ? "" : "+"} settled requests in a row ended in provider errors (since ${since}). Check the provider's status page, the API key and the account's credit.`,
      createdAt: nowMs,
      resolvedAt: null,
      data: {
        failures: health.failures,
        startRequestId: health.startRequestId,
        startedAt: health.startedAt,
        lastAt: health.lastAt,
      },
    },
  };
}

// ---- One account's spend spiking ---------------------------------------------------------

export interface SpendSpike {
  spike: boolean;
  todayUsd: number;
  /** The account's average cost per active day before today (this month and the last). */
  usualDailyUsd: number;
}

/**
 * Whether an account's provider cost today is far above its usual day: at least `minUsd`, and
 * at least `factor` × its average over the days it was active before today (from its quota
 * documents of this month and the previous one). An account with no earlier active day only
 * needs to pass `minUsd`: a new account burning money on its first day is worth a look too.
 */
export function spendSpike(input: {
  quotas: readonly { providerCostMicros: number; activeDays: Record<string, true> }[];
  today: string;
  todayMicros: number;
  config: Pick<AppConfig["alerts"], "spendSpikeFactor" | "spendSpikeMinUsd">;
}): SpendSpike {
  const { quotas, today, todayMicros, config } = input;
  const totalMicros = quotas.reduce((sum, q) => sum + q.providerCostMicros, 0);
  const priorMicros = Math.max(0, totalMicros - todayMicros);
  const priorDays = new Set(quotas.flatMap((q) => Object.keys(q.activeDays)));
  priorDays.delete(today);
  const usualDailyUsd = priorDays.size > 0 ? priorMicros / 1e6 / priorDays.size : 0;
  const todayUsd = todayMicros / 1e6;
  const spike =
    todayUsd > 0 &&
    todayUsd >= config.spendSpikeMinUsd &&
    todayUsd >= config.spendSpikeFactor * usualDailyUsd;
  return { spike, todayUsd, usualDailyUsd };
}

/** `spend-spike-{day}-{uid}`: once per account per day. */
export function spendSpikeAlertId(day: string, uid: string): string {
  if (!uid || uid.includes("/")) throw new RangeError("spend-spike alerts need a uid without '/'");
  return `spend-spike-${day}-${uid}`;
}

export function spendSpikeAlert(input: {
  uid: string;
  email: string | null;
  day: string;
  figures: SpendSpike;
  nowMs: number;
}): AlertWrite {
  const { uid, email, day, figures, nowMs } = input;
  const who = email ? `${email} (${uid})` : uid;
  const usual =
    figures.usualDailyUsd > 0
      ? `about ${(figures.todayUsd / figures.usualDailyUsd).toFixed(1)}× their usual ${usd(figures.usualDailyUsd)} a day`
      : "with no earlier spend on record";
  return {
    id: spendSpikeAlertId(day, uid),
    alert: {
      kind: "spend-spike",
      severity: "warning",
      title: "One account's AI spend spiked",
      message: `${who} has cost ${usd(figures.todayUsd)} in provider fees today (${day}), ${usual}. Possible abuse: check their recent requests.`,
      uid,
      createdAt: nowMs,
      resolvedAt: null,
      data: {
        day,
        email,
        todayUsd: figures.todayUsd,
        usualDailyUsd: figures.usualDailyUsd,
      },
    },
  };
}

// ---- Error-rate spike --------------------------------------------------------------------

/** Share of a rollup's requests that ended in an error (0 without requests). */
export function errorShare(rollup: Pick<DayRollup, "requests" | "byStatus">): number {
  return rollup.requests > 0 ? (rollup.byStatus.error ?? 0) / rollup.requests : 0;
}

export interface ErrorRateSpike {
  spike: boolean;
  todayShare: number;
  baselineShare: number;
  todayRequests: number;
}

/**
 * Whether today's error share is at least `errorRateSpike` above the trailing days' share (their
 * rollups summed), on at least `errorRateMinRequests` requests today.
 */
export function errorRateSpike(input: {
  today: Pick<DayRollup, "requests" | "byStatus">;
  trailing: Pick<DayRollup, "requests" | "byStatus">;
  config: Pick<AppConfig["alerts"], "errorRateSpike" | "errorRateMinRequests">;
}): ErrorRateSpike {
  const { today, trailing, config } = input;
  const [todayShare, baselineShare] = [errorShare(today), errorShare(trailing)];
  return {
    spike:
      today.requests >= config.errorRateMinRequests &&
      todayShare - baselineShare >= config.errorRateSpike - 1e-9,
    todayShare,
    baselineShare,
    todayRequests: today.requests,
  };
}

/** `error-rate-{day}`: once per day. */
export function errorRateAlert(day: string, figures: ErrorRateSpike, nowMs: number): AlertWrite {
  return {
    id: `error-rate-${day}`,
    alert: {
      kind: "error-rate",
      severity: figures.todayShare >= 0.5 ? "critical" : "warning",
      title: "The error rate spiked",
      message: `${percent(figures.todayShare)} of today's ${figures.todayRequests} requests (${day}) ended in errors, against ${percent(figures.baselineShare)} over the previous 7 days.`,
      createdAt: nowMs,
      resolvedAt: null,
      data: { day, ...figures },
    },
  };
}

/** Open alerts about a day that is over (error rates are a daily measure). */
export function pastDayAlerts(
  open: readonly { id: string; kind: AlertKind; data: Record<string, unknown> }[],
  today: string,
): string[] {
  return open.filter((a) => a.kind === "error-rate" && a.data.day !== today).map((a) => a.id);
}
