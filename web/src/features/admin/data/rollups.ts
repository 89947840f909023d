// Daily business rollups for the admin area. A closed day (rollups/{day}, written by the daily
// close job) is one read; a day not closed yet, and always today, is the sum of its live shards
// (rollups/{day}/shards/*). Every document is parsed with the domain schema and a bad one
// fails the whole read, so a wrong total is never shown as if it were right.
import { DayRollup, EMPTY_ROLLUP, dayKey, lastNDays, sumRollups } from "@ideaspark/domain";
import {
  collection,
  documentId,
  getDocs,
  query,
  where,
  type DocumentSnapshot,
} from "firebase/firestore";
import { db } from "../../../data/firebase";
import { useLoad, type LoadState } from "./useLoad";

export type RangeDays = 7 | 30 | 90;

function parseRollup(snapshot: DocumentSnapshot): DayRollup {
  const parsed = DayRollup.safeParse(snapshot.data());
  if (!parsed.success) {
    throw new Error(`${snapshot.ref.path} is not a valid day rollup: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** The closed day documents between two days (both included); days never closed are absent. */
async function loadClosedDays(fromDay: string, toDay: string): Promise<Map<string, DayRollup>> {
  // One range query instead of a get per day: only the documents that exist are read.
  const snapshot = await getDocs(
    query(
      collection(db(), "rollups"),
      where(documentId(), ">=", fromDay),
      where(documentId(), "<=", toDay),
    ),
  );
  return new Map(snapshot.docs.map((doc) => [doc.id, parseRollup(doc)]));
}

/** A day's live counters: the sum of its shards (EMPTY_ROLLUP when nothing happened). */
export async function loadDayShards(day: string): Promise<DayRollup> {
  const snapshot = await getDocs(collection(db(), "rollups", day, "shards"));
  return sumRollups(snapshot.docs.map(parseRollup));
}

/**
 * The rollup of each of `days` (UTC "YYYY-MM-DD"), in the order given: the closed document of a
 * past day when there is one, else the sum of its shards; today from its shards; a future day
 * is empty without a read.
 */
export async function loadRollupRange(
  days: string[],
  now: number = Date.now(),
): Promise<Map<string, DayRollup>> {
  const today = dayKey(now);
  const past = days.filter((day) => day < today).sort();
  const closed =
    past.length > 0 ? await loadClosedDays(past[0]!, past[past.length - 1]!) : new Map();
  const open = days.filter((day) => day === today || (day < today && !closed.has(day)));
  const live = await Promise.all(open.map(async (day) => [day, await loadDayShards(day)] as const));
  const opened = new Map(live);
  return new Map(
    days.map((day) => [day, closed.get(day) ?? opened.get(day) ?? EMPTY_ROLLUP] as const),
  );
}

export interface RollupRange {
  /** The days of the range, oldest first, ending today (UTC). */
  days: string[];
  rollups: Map<string, DayRollup>;
  /** When the read started (ms): "today" and the month are taken from it. */
  readAt: number;
}

/** The last `rangeDays` days' rollups (today included), read once per range; `reload` reads again. */
export function useRollupRange(
  rangeDays: RangeDays,
): LoadState<RollupRange> & { reload: () => void } {
  return useLoad(`rollups:${rangeDays}`, async () => {
    const readAt = Date.now();
    const days = lastNDays(rangeDays, dayKey(readAt));
    return { days, rollups: await loadRollupRange(days, readAt), readAt };
  });
}
