// Funnel and retention from day rollups: the product funnel of the sign-up cohorts of a range
// (landings and sign-ups counted on the range's days, later steps from those days' cohort
// counters), weekly cohort retention by ISO sign-up week, and month-over-month churn.
import {
  FUNNEL_STAGES,
  ORGANIC,
  addDays,
  isoWeekKey,
  monthOfDay,
  sumRollups,
  type DayRollup,
  type FunnelStage,
} from "@ideaspark/domain";
import { churnFromRollups, landingsWithoutCampaign } from "../campaigns/campaignResults";

export interface FunnelStepCount {
  key: FunnelStage;
  name: string;
  count: number;
  /** This step's count over the previous step's; null for the first step or after 0. */
  fromPrevious: number | null;
}

const at = (map: Readonly<Record<string, number>>, key: string) =>
  Object.hasOwn(map, key) ? (map[key] ?? 0) : 0;

/** The funnel of a range's summed rollup, overall (`campaignId` null) or for one campaign. */
export function funnelSteps(rollup: DayRollup, campaignId: string | null): FunnelStepCount[] {
  const pick = (overall: number, byCampaign: Readonly<Record<string, number>>) =>
    campaignId === null ? overall : at(byCampaign, campaignId);
  const counts: Record<FunnelStage, number> = {
    landing:
      campaignId === ORGANIC
        ? landingsWithoutCampaign(rollup)
        : pick(rollup.landings, rollup.campaignLandings),
    signUp: pick(rollup.signups, rollup.campaignSignups),
    verified: pick(rollup.cohortVerified, rollup.campaignCohortVerified),
    firstSpark: pick(rollup.cohortFirstSpark, rollup.campaignCohortFirstSpark),
    activeWeek2: pick(at(rollup.retentionWeeks, "1"), rollup.campaignCohortWeek2),
    pro: pick(rollup.cohortPro, rollup.campaignCohortPro),
  };
  return FUNNEL_STAGES.map(({ key, name }, i) => {
    const previous = i === 0 ? null : counts[FUNNEL_STAGES[i - 1]!.key];
    return {
      key,
      name,
      count: counts[key],
      fromPrevious: previous === null || previous === 0 ? null : counts[key] / previous,
    };
  });
}

export interface RetentionRow {
  /** ISO week of the sign-ups, "2026-W49". */
  week: string;
  signUps: number;
  /** Share of the week's sign-ups active in week k after signing up; null before it began. */
  cells: (number | null)[];
}

/**
 * One row per ISO week of `days` (oldest first): the week's sign-ups and, for k = 0..weeks − 1,
 * retentionWeeks[k] / sign-ups. Week 0 counts a request in the first 7 days (signing up alone
 * is not activity here). A cell is null while even the week's first sign-up day has not reached
 * week k by `today`, or when the week had no sign-ups.
 */
export function weeklyRetention(
  rollups: ReadonlyMap<string, DayRollup>,
  days: readonly string[],
  today: string,
  weeks = 8,
): RetentionRow[] {
  const byWeek = new Map<string, string[]>();
  for (const day of [...days].sort()) {
    const week = isoWeekKey(day);
    byWeek.set(week, [...(byWeek.get(week) ?? []), day]);
  }
  return [...byWeek].map(([week, weekDays]) => {
    const total = sumRollups(weekDays.flatMap((day) => rollups.get(day) ?? []));
    const first = weekDays[0] ?? today;
    const cells = Array.from({ length: weeks }, (_, k) =>
      total.signups === 0 || addDays(first, 7 * k) > today
        ? null
        : at(total.retentionWeeks, String(k)) / total.signups,
    );
    return { week, signUps: total.signups, cells };
  });
}

/** The months `days` fall in, oldest first. */
export function monthsOf(days: readonly string[]): string[] {
  return [...new Set(days.map(monthOfDay))].sort();
}

/** Every day of each month of `days` and of the month before the first: churn's inputs. */
export function churnInputDays(days: readonly string[]): string[] {
  const months = monthsOf(days);
  if (months.length === 0) return [];
  const before = monthOfDay(addDays(`${months[0]}-01`, -1));
  return [before, ...months].flatMap((month) => {
    const out: string[] = [];
    for (let day = `${month}-01`; monthOfDay(day) === month; day = addDays(day, 1)) out.push(day);
    return out;
  });
}

/** Churn of each month of `days`: 1 − returning(M) / monthly actives(M − 1); null if unknown. */
export function monthlyChurnRows(
  rollups: ReadonlyMap<string, DayRollup>,
  days: readonly string[],
): { month: string; churn: number | null }[] {
  const months = [...new Set(churnInputDays(days).map((day) => monthOfDay(day)))];
  const total = (month: string) =>
    sumRollups([...rollups].filter(([day]) => monthOfDay(day) === month).map(([, r]) => r));
  return months.slice(1).map((month, i) => {
    const previous = months[i] ?? "";
    const seen = [...rollups.keys()].some((day) => monthOfDay(day) === previous);
    return { month, churn: seen ? churnFromRollups(total(previous), total(month)) : null };
  });
}
