// Everything the overview shows, loaded together: the range's day rollups, the month's budget
// counter, rolling active users and the configuration (budget and alert thresholds). About one
// read per day of the range, plus today's shards, one aggregation per count and config/app.
import { periodKey, type AppConfig } from "@ideaspark/domain";
import { useMemo } from "react";
import { loadActiveUserCounts, type ActiveUserCounts } from "../data/activeUsers";
import { loadAppConfig } from "../data/appConfig";
import { loadMonthSpendUsd } from "../data/budget";
import { useRollupRange, type RangeDays, type RollupRange } from "../data/rollups";
import { useLoad, type LoadState } from "../data/useLoad";
import {
  monthBudget,
  summarizeRange,
  type MonthBudget,
  type RangeSummary,
} from "./overviewMetrics";

export type Overview =
  | { status: "loading" }
  | { status: "error"; error: Error }
  | {
      status: "ready";
      today: RangeSummary;
      range: RangeSummary;
      month: MonthBudget;
      active: ActiveUserCounts;
      readAt: number;
    };

export function useOverview(rangeDays: RangeDays): Overview & { reload: () => void } {
  const range = useRollupRange(rangeDays);
  // Read again whenever the range is read again, so every card is from the same moment.
  const moment = range.status === "ready" ? `overview:${range.data.readAt}` : null;
  const readAt = range.status === "ready" ? range.data.readAt : 0;
  const extras = useLoad(moment, () => loadOverviewExtras(readAt));

  const { reload } = range;
  return useMemo(() => ({ ...overviewOf(range, extras), reload }), [range, extras, reload]);
}

/** The overview's numbers besides the rollups: the month's spend, active users, the config. */
export async function loadOverviewExtras(readAt: number) {
  const [spentUsd, active, loaded] = await Promise.all([
    loadMonthSpendUsd(periodKey(readAt)),
    loadActiveUserCounts(readAt),
    loadAppConfig(),
  ]);
  return { spentUsd, active, config: loaded.config };
}

function overviewOf(
  range: LoadState<RollupRange>,
  extras: LoadState<{ spentUsd: number; active: ActiveUserCounts; config: AppConfig }>,
): Overview {
  if (range.status === "error") return range;
  if (extras.status === "error") return extras;
  if (range.status === "loading" || extras.status === "loading") return { status: "loading" };
  const { days, rollups, readAt } = range.data;
  const today = days[days.length - 1];
  return {
    status: "ready",
    today: summarizeRange(today ? [today] : [], rollups),
    range: summarizeRange(days, rollups),
    month: monthBudget({
      spentUsd: extras.data.spentUsd,
      nowMs: readAt,
      config: extras.data.config,
    }),
    active: extras.data.active,
    readAt,
  };
}
