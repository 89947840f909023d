// Reads what the campaign results of a month need: the campaigns, plan prices (config/app) and
// the day rollups of the month so far plus the month starts that give churn. Churn is taken
// from the latest complete month up to the chosen one (a month still running undercounts
// returning users).
import { addDays, monthOfDay, periodKey, sumRollups, type DayRollup } from "@ideaspark/domain";
import { listCampaigns, type StoredCampaign } from "../../../data/adminCampaigns";
import { loadAppConfig } from "../data/appConfig";
import { loadRollupRange } from "../data/rollups";
import {
  campaignResults,
  churnFromRollups,
  periodDays,
  type CampaignResult,
} from "./campaignResults";

export interface CampaignResultsData {
  period: string;
  campaigns: StoredCampaign[];
  malformed: string[];
  rows: CampaignResult[];
  /** The month whose churn was used, and the churn (null when unknown). */
  churnMonth: string;
  monthlyChurn: number | null;
}

const previousMonth = (month: string) => monthOfDay(addDays(`${month}-01`, -1));

export async function loadCampaignResults(
  period: string,
  nowMs: number = Date.now(),
): Promise<CampaignResultsData> {
  const days = periodDays(period, nowMs);
  const churnMonth = period < periodKey(nowMs) ? period : previousMonth(period);
  const churnMonths = [previousMonth(churnMonth), churnMonth];
  const churnDays = churnMonths.flatMap((month) => periodDays(month, nowMs));
  const [list, loadedConfig, rollups] = await Promise.all([
    listCampaigns(),
    loadAppConfig(),
    loadRollupRange([...new Set([...churnDays, ...days])].sort(), nowMs),
  ]);
  const of = (day: string): DayRollup[] => {
    const rollup = rollups.get(day);
    return rollup ? [rollup] : [];
  };
  const [before, after] = churnMonths.map((month) =>
    sumRollups(periodDays(month, nowMs).flatMap(of)),
  );
  const monthlyChurn = churnFromRollups(before!, after!);
  const { plans } = loadedConfig.config;
  const rows = campaignResults({
    campaigns: list.campaigns.map(({ id, campaign }) => ({ id, ...campaign })),
    period,
    rollup: sumRollups(days.flatMap(of)),
    prices: { free: plans.free.priceUsd, pro: plans.pro.priceUsd },
    monthlyChurn,
  });
  return { period, ...list, rows, churnMonth, monthlyChurn };
}
