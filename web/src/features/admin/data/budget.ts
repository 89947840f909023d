// Month-to-date AI spend as the budget counts it: the sum of budgets/{YYYY-MM}/shards/*.usd,
// read as one sum() aggregation (one read whatever the number of shards).
import { periodKey } from "@ideaspark/domain";
import { collection, getAggregateFromServer, sum } from "firebase/firestore";
import { db } from "../../../data/firestore";
import { countAggregationReads } from "./readTally";

/** Provider spend (USD) recorded against `period`'s budget so far; 0 before the first request. */
export async function loadMonthSpendUsd(period: string = periodKey(Date.now())): Promise<number> {
  const snapshot = await getAggregateFromServer(collection(db(), "budgets", period, "shards"), {
    usd: sum("usd"),
  });
  // At most BUDGET_SHARDS (20) entries: one read.
  countAggregationReads(1);
  return snapshot.data().usd;
}
