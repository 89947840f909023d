// The campaign results table for one month, from the month's summed day rollups: spend, landings,
// sign-ups and CAC, what the month's sign-ups went on to do (activation, pro), AI cost to serve,
// and unit economics (ARPU, LTV:CAC, payback) through the domain's analytics functions.
import {
  ORGANIC,
  UNATTRIBUTED,
  addDays,
  arpuUsd,
  cac,
  dayKey,
  daysBetween,
  monthOfDay,
  ltvToCac,
  ltvUsd,
  paybackMonths,
  type DayRollup,
} from "@ideaspark/domain";

/** A campaign as the results table needs it. */
export interface CampaignSummary {
  id: string;
  name: string;
  spendUsdByMonth: Readonly<Record<string, number>>;
  archived: boolean;
}

export type ResultKind = "campaign" | "organic" | "unattributed" | "overall";

export interface CampaignResult {
  id: string;
  name: string;
  kind: ResultKind;
  spendUsd: number;
  landings: number;
  signUps: number;
  cacUsd: number | null;
  /** Share of the month's sign-ups with a first spark within 7 days of signing up. */
  activationRate: number | null;
  /** What the provider billed this month for the requests of this row's users (all cohorts). */
  aiCostUsd: number;
  /** AI cost to serve per sign-up of the month. */
  aiCostPerUserUsd: number | null;
  /** Share of the month's sign-ups that have moved to pro. */
  proConversionRate: number | null;
  /** Monthly revenue per sign-up: pro share × pro price (+ the rest × the free price). */
  arpuUsd: number | null;
  /** 1 − AI cost / revenue, kept within [0, 1] (0 without revenue). */
  grossMargin: number;
  ltvToCac: number | null;
  paybackMonths: number | null;
}

export interface PlanPrices {
  free: number;
  pro: number;
}

/** 1 − cost / revenue clamped to [0, 1]; no revenue means no margin. */
export function grossMargin(revenueMicros: number, costMicros: number): number {
  if (revenueMicros <= 0) return 0;
  return Math.min(1, Math.max(0, 1 - costMicros / revenueMicros));
}

/**
 * Monthly churn from two months' summed rollups: 1 − returning(M) / monthly actives(M − 1),
 * within [0, 1]; null when nobody was active in M − 1. (Each account's first request of a month
 * counts once in `monthActiveUsers`, on its day, so a month's days add up to its actives.)
 */
export function churnFromRollups(previousMonth: DayRollup, month: DayRollup): number | null {
  const before = previousMonth.monthActiveUsers;
  if (before === 0) return null;
  return Math.min(1, Math.max(0, 1 - month.returningUsers / before));
}

interface Counts {
  spendMicros: number;
  landings: number;
  signUps: number;
  activated: number;
  pro: number;
  costMicros: number;
}

const at = (map: Readonly<Record<string, number>>, key: string) =>
  Object.hasOwn(map, key) ? (map[key] ?? 0) : 0;
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const toMicros = (usd: number) => Math.round(usd * 1e6);

function countsFor(rollup: DayRollup, keys: readonly string[], spendMicros: number): Counts {
  const sum = (map: Readonly<Record<string, number>>) => keys.reduce((n, k) => n + at(map, k), 0);
  return {
    spendMicros,
    landings: sum(rollup.campaignLandings),
    signUps: sum(rollup.campaignSignups),
    activated: sum(rollup.campaignCohortActivated),
    pro: sum(rollup.campaignCohortPro),
    costMicros: sum(rollup.campaignCostMicros),
  };
}

function resultRow(
  identity: Pick<CampaignResult, "id" | "name" | "kind">,
  counts: Counts,
  prices: PlanPrices,
  monthlyChurn: number | null,
): CampaignResult {
  const { signUps, pro } = counts;
  const revenueMicros = pro * toMicros(prices.pro) + (signUps - pro) * toMicros(prices.free);
  const margin = grossMargin(revenueMicros, counts.costMicros);
  const cacUsd = cac({ spendUsd: counts.spendMicros / 1e6, newUsers: signUps });
  const arpu = arpuUsd({ revenueUsd: revenueMicros / 1e6, users: signUps });
  const ltv =
    arpu === null || monthlyChurn === null
      ? null
      : ltvUsd({ arpuMonthlyUsd: arpu, monthlyChurn, grossMargin: margin });
  return {
    ...identity,
    spendUsd: counts.spendMicros / 1e6,
    landings: counts.landings,
    signUps,
    cacUsd,
    activationRate: share(counts.activated, signUps),
    aiCostUsd: counts.costMicros / 1e6,
    aiCostPerUserUsd: signUps === 0 ? null : Math.round(counts.costMicros / signUps) / 1e6,
    proConversionRate: share(pro, signUps),
    arpuUsd: arpu,
    grossMargin: margin,
    ltvToCac: ltvToCac({ ltvUsd: ltv, cacUsd }),
    paybackMonths: paybackMonths({ cacUsd, arpuMonthlyUsd: arpu, grossMargin: margin }),
  };
}

/** Landings no campaign link matched (stored without a campaign). */
export function landingsWithoutCampaign(rollup: DayRollup): number {
  const credited = Object.values(rollup.campaignLandings).reduce((sum, n) => sum + n, 0);
  return Math.max(0, rollup.landings - credited);
}

/**
 * One row per campaign (archived ones only when they have spend or sign-ups this month), then
 * "Organic", "Unattributed" (also sign-ups credited to a campaign that no longer exists) and
 * "Overall" (every sign-up, all spend, the whole AI bill of the month).
 */
export function campaignResults(input: {
  campaigns: readonly CampaignSummary[];
  period: string;
  /** The month's day rollups summed. */
  rollup: DayRollup;
  prices: PlanPrices;
  monthlyChurn: number | null;
}): CampaignResult[] {
  const { campaigns, period, rollup, prices, monthlyChurn } = input;
  const spendOf = (c: CampaignSummary) => toMicros(at(c.spendUsdByMonth, period));
  const known = new Set(campaigns.map((c) => c.id));
  const maps = [
    rollup.campaignLandings,
    rollup.campaignSignups,
    rollup.campaignCohortActivated,
    rollup.campaignCohortPro,
    rollup.campaignCostMicros,
  ];
  const orphaned = [...new Set(maps.flatMap((map) => Object.keys(map)))].filter(
    (id) => id !== ORGANIC && id !== UNATTRIBUTED && !known.has(id),
  );
  const listed = campaigns.filter(
    (c) => !c.archived || spendOf(c) > 0 || at(rollup.campaignSignups, c.id) > 0,
  );
  const totalSpend = campaigns.reduce((sum, c) => sum + spendOf(c), 0);
  return [
    ...listed.map((c) =>
      resultRow(
        { id: c.id, name: c.name, kind: "campaign" },
        countsFor(rollup, [c.id], spendOf(c)),
        prices,
        monthlyChurn,
      ),
    ),
    resultRow(
      { id: ORGANIC, name: "Organic", kind: "organic" },
      // A landing matching no campaign is stored without one: organic's landings are the rest.
      { ...countsFor(rollup, [ORGANIC], 0), landings: landingsWithoutCampaign(rollup) },
      prices,
      monthlyChurn,
    ),
    resultRow(
      { id: UNATTRIBUTED, name: "Unattributed", kind: "unattributed" },
      countsFor(rollup, [UNATTRIBUTED, ...orphaned], 0),
      prices,
      monthlyChurn,
    ),
    resultRow(
      { id: "overall", name: "Overall", kind: "overall" },
      {
        spendMicros: totalSpend,
        landings: rollup.landings,
        signUps: rollup.signups,
        activated: rollup.cohortActivated,
        pro: rollup.cohortPro,
        costMicros: rollup.providerCostMicros,
      },
      prices,
      monthlyChurn,
    ),
  ];
}

/** The days of `period` up to the day of `nowMs` (UTC); none for a month still to come. */
export function periodDays(period: string, nowMs: number): string[] {
  const today = dayKey(nowMs);
  const last = addDays(`${monthOfDay(addDays(`${period}-28`, 4))}-01`, -1);
  return daysBetween(`${period}-01`, last < today ? last : today);
}
