// Rolling active users: count() aggregations over users whose growth.lastActiveAt is within the
// last 1, 7 and 30 days (one read per 1,000 users counted, not one per user).
import { collection, getCountFromServer, query, where } from "firebase/firestore";
import { db } from "../../../data/firestore";
import { countAggregationReads } from "./readTally";

const DAY_MS = 86_400_000;

export interface ActiveUserCounts {
  dau: number;
  wau: number;
  mau: number;
}

async function countActiveSince(sinceMs: number): Promise<number> {
  const active = query(collection(db(), "users"), where("growth.lastActiveAt", ">=", sinceMs));
  const { count } = (await getCountFromServer(active)).data();
  countAggregationReads(count);
  return count;
}

/** Users active in the 24 hours, 7 days and 30 days before `now`. */
export async function loadActiveUserCounts(now: number = Date.now()): Promise<ActiveUserCounts> {
  const [dau, wau, mau] = await Promise.all(
    [1, 7, 30].map((days) => countActiveSince(now - days * DAY_MS)),
  );
  return { dau: dau ?? 0, wau: wau ?? 0, mau: mau ?? 0 };
}
