// Growth analytics kept incrementally, from server-side records only: what each account has
// done (users/{uid}.growth, written by functions) and what each step adds to the day rollups —
// sign-ups and campaigns, verification, first spark and activation, weekly retention, monthly
// actives, conversion to pro. `rebuildGrowth` recomputes the same counters from raw documents;
// every counter is defined so that it does not depend on the order requests settle in.
import { z } from "zod";
import { EMPTY_ROLLUP, addRollups, rollupDay, type DayRollup } from "./rollups.js";
import type { UsageRecord } from "./usage.js";

export const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** First spark within this long of sign-up counts as activated. */
export const ACTIVATION_MS = 7 * DAY_MS;
/** Weekly retention is followed for this many weeks after sign-up. */
export const RETENTION_WEEKS = 26;

const count = z.number().int().nonnegative();
const at = count.nullable().default(null);
const flags = z.record(z.string(), z.literal(true)).default({});

/** users/{uid}.growth: written by functions only (the profile rules keep clients out of it). */
export const UserGrowth = z.object({
  /** "organic", "unattributed" or a campaign id: set once, when the account is first seen. */
  campaignId: z.string().nullable().default(null),
  /** Set by the sign-up trigger once it has counted the sign-up. */
  signupCounted: z.boolean().default(false),
  /** All-time totals (the period's are on the quota document). */
  requests: count.default(0),
  chargedTokens: count.default(0),
  providerCostMicros: count.default(0),
  chargedCostMicros: count.default(0),
  lastActiveAt: at,
  verifiedAt: at,
  /** The earliest request (ok or partial) that gave them ideas. */
  firstSparkAt: at,
  /** The first time they moved to pro. */
  proAt: at,
  /** Weeks after sign-up ("0", "1", …) and UTC months ("YYYY-MM") they were active in. */
  activeWeeks: flags,
  activeMonths: flags,
});
export type UserGrowth = z.infer<typeof UserGrowth>;
export const EMPTY_GROWTH: UserGrowth = UserGrowth.parse({});

/** What a step adds: the rollup delta per day, and the growth fields to write. */
export interface GrowthStep {
  days: Map<string, DayRollup>;
  growth: UserGrowth;
}

function add(days: Map<string, DayRollup>, day: string, delta: Partial<DayRollup>) {
  days.set(day, addRollups(days.get(day) ?? EMPTY_ROLLUP, { ...EMPTY_ROLLUP, ...delta }));
}

const one = (key: string | null) => (key === null ? {} : { [key]: 1 });
export const monthOf = (ms: number) => rollupDay(ms).slice(0, 7);
function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

/** A sign-up: counted on its day, overall and for its campaign. */
export function signupStep(input: {
  signedUpAt: number;
  campaignId: string;
  growth: UserGrowth;
}): GrowthStep {
  const days = new Map<string, DayRollup>();
  if (input.growth.signupCounted) return { days, growth: input.growth };
  add(days, rollupDay(input.signedUpAt), {
    signups: 1,
    campaignSignups: one(input.campaignId),
  });
  return { days, growth: { ...input.growth, signupCounted: true, campaignId: input.campaignId } };
}

/** The first time the server sees the account's address verified. */
export function verifiedStep(input: {
  signedUpAt: number;
  atMs: number;
  growth: UserGrowth;
}): GrowthStep {
  const days = new Map<string, DayRollup>();
  const { growth } = input;
  if (growth.verifiedAt !== null) return { days, growth };
  add(days, rollupDay(input.signedUpAt), {
    cohortVerified: 1,
    campaignCohortVerified: one(growth.campaignId),
  });
  return { days, growth: { ...growth, verifiedAt: input.atMs } };
}

/** The first move to pro: a conversion on its day and in the sign-up cohort. */
export function proStep(input: {
  signedUpAt: number;
  atMs: number;
  growth: UserGrowth;
}): GrowthStep {
  const days = new Map<string, DayRollup>();
  const { growth } = input;
  if (growth.proAt !== null) return { days, growth };
  add(days, rollupDay(input.atMs), {
    conversions: 1,
    campaignConversions: one(growth.campaignId),
  });
  add(days, rollupDay(input.signedUpAt), {
    cohortPro: 1,
    campaignCohortPro: one(growth.campaignId),
  });
  return { days, growth: { ...growth, proAt: input.atMs } };
}

const gaveIdeas = (usage: Pick<UsageRecord, "status">) =>
  usage.status === "ok" || usage.status === "partial";

function weekAfterSignUp(createdAt: number, signedUpAt: number): string | null {
  const week = Math.floor(Math.max(0, createdAt - signedUpAt) / WEEK_MS);
  return week < RETENTION_WEEKS ? String(week) : null;
}

/**
 * A settled request of an account that has a profile (`usage.signedUpAt` set): totals, first
 * spark and activation, the week after sign-up and the month it was active in. (Per-day activity
 * and cost are in `rollupOf`.)
 */
export function settlementStep(usage: UsageRecord, growth: UserGrowth): GrowthStep {
  const days = new Map<string, DayRollup>();
  const next: UserGrowth = {
    ...growth,
    requests: growth.requests + 1,
    chargedTokens: growth.chargedTokens + usage.inputTokens + usage.outputTokens,
    providerCostMicros: growth.providerCostMicros + Math.round(usage.providerUsage.costUsd * 1e6),
    chargedCostMicros: growth.chargedCostMicros + Math.round(usage.costUsd * 1e6),
    lastActiveAt: Math.max(growth.lastActiveAt ?? 0, usage.createdAt),
  };
  const signedUpAt = usage.signedUpAt;
  if (signedUpAt === null) return { days, growth: next };
  const cohortDay = rollupDay(signedUpAt);
  const campaign = growth.campaignId;

  if (gaveIdeas(usage) && (growth.firstSparkAt === null || usage.createdAt < growth.firstSparkAt)) {
    const wasActivated =
      growth.firstSparkAt !== null && growth.firstSparkAt - signedUpAt <= ACTIVATION_MS;
    const activated = usage.createdAt - signedUpAt <= ACTIVATION_MS;
    add(days, cohortDay, {
      cohortFirstSpark: growth.firstSparkAt === null ? 1 : 0,
      campaignCohortFirstSpark: growth.firstSparkAt === null ? one(campaign) : {},
      cohortActivated: activated && !wasActivated ? 1 : 0,
      campaignCohortActivated: activated && !wasActivated ? one(campaign) : {},
    });
    next.firstSparkAt = usage.createdAt;
  }

  const week = weekAfterSignUp(usage.createdAt, signedUpAt);
  if (week !== null && !growth.activeWeeks[week]) {
    add(days, cohortDay, {
      retentionWeeks: { [week]: 1 },
      campaignCohortWeek2: week === "1" ? one(campaign) : {},
    });
    next.activeWeeks = { ...growth.activeWeeks, [week]: true };
  }

  const month = monthOf(usage.createdAt);
  if (!growth.activeMonths[month]) next.activeMonths = { ...growth.activeMonths, [month]: true };
  return { days, growth: next };
}

/**
 * The settlement's stamps on a request (see UsageRecord): first of its account's month (its
 * quota document had no activity yet), and returning (the profile's growth has the month before
 * and not this one yet).
 */
export function activityStamps(
  usage: Pick<UsageRecord, "createdAt">,
  input: { quotaHadActivity: boolean; growth: UserGrowth | null },
): { firstInMonth: boolean; returning: boolean } {
  const month = monthOf(usage.createdAt);
  const { growth } = input;
  return {
    firstInMonth: !input.quotaHadActivity,
    returning:
      growth !== null &&
      !growth.activeMonths[month] &&
      growth.activeMonths[previousMonth(month)] === true,
  };
}

/** Day deltas merged (two steps writing the same day become one write). */
export function mergeDays(...maps: Map<string, DayRollup>[]): Map<string, DayRollup> {
  const out = new Map<string, DayRollup>();
  for (const map of maps) for (const [day, delta] of map) add(out, day, delta);
  return out;
}

/** An account as the rebuild reads it (users/{uid}). */
export interface GrowthUser {
  uid: string;
  signedUpAt: number;
  campaignId: string | null;
  /** The sign-up trigger has counted this account. */
  signupCounted: boolean;
  verifiedAt: number | null;
  proAt: number | null;
}

/** A counted landing (events/{id} with name landing_view). */
export interface Landing {
  at: number;
  campaignId: string | null;
}

/**
 * Every growth counter recomputed from users, settled usage records and landings; with
 * `rebuildRollups` (activity and cost) it must equal the incremental rollups exactly.
 */
export function rebuildGrowth(input: {
  users: readonly GrowthUser[];
  records: readonly UsageRecord[];
  landings: readonly Landing[];
}): Map<string, DayRollup> {
  const days = new Map<string, DayRollup>();
  for (const landing of input.landings) {
    add(days, rollupDay(landing.at), { landings: 1, campaignLandings: one(landing.campaignId) });
  }
  for (const user of input.users) {
    const cohortDay = rollupDay(user.signedUpAt);
    const campaign = user.campaignId;
    if (user.signupCounted) {
      add(days, cohortDay, { signups: 1, campaignSignups: one(campaign) });
    }
    if (user.verifiedAt !== null) {
      add(days, cohortDay, { cohortVerified: 1, campaignCohortVerified: one(campaign) });
    }
    if (user.proAt !== null) {
      add(days, rollupDay(user.proAt), { conversions: 1, campaignConversions: one(campaign) });
      add(days, cohortDay, { cohortPro: 1, campaignCohortPro: one(campaign) });
    }
  }

  const settled = input.records.filter((r) => r.status !== "pending");
  const byUser = new Map<string, UsageRecord[]>();
  for (const record of settled) {
    if (record.signedUpAt === null) continue;
    byUser.set(record.uid, [...(byUser.get(record.uid) ?? []), record]);
  }
  for (const records of byUser.values()) {
    const signedUpAt = records[0]?.signedUpAt ?? 0;
    const campaign = records[0]?.campaignId ?? null;
    const cohortDay = rollupDay(signedUpAt);
    const firstSpark = Math.min(...records.filter(gaveIdeas).map((r) => r.createdAt));
    if (Number.isFinite(firstSpark)) {
      const activated = firstSpark - signedUpAt <= ACTIVATION_MS;
      add(days, cohortDay, {
        cohortFirstSpark: 1,
        campaignCohortFirstSpark: one(campaign),
        cohortActivated: activated ? 1 : 0,
        campaignCohortActivated: activated ? one(campaign) : {},
      });
    }
    const weeks = new Set(records.map((r) => weekAfterSignUp(r.createdAt, signedUpAt)));
    for (const week of weeks) {
      if (week === null) continue;
      add(days, cohortDay, {
        retentionWeeks: { [week]: 1 },
        campaignCohortWeek2: week === "1" ? one(campaign) : {},
      });
    }
  }
  return days;
}
