// Daily business rollups for the admin area. Closed days come from their week's document
// (rollupWeeks/{monday}: the week's days, written by the close job), so 90 days cost about 14
// reads; a past day missing there comes from its own closed document (rollups/{day}); a day not
// closed yet, and always today, is the sum of its live shards (rollups/{day}/shards/*). Every document is parsed with the domain schema and a bad one
// fails the whole read, so a wrong total is never shown as if it were right.
import {
  DayRollup,
  EMPTY_ROLLUP,
  dayKey,
  lastNDays,
  rollupWeekOf,
  sumRollups,
} from "@ideaspark/domain";
import {
  collection,
  documentId,
  getDocs,
  query,
  where,
  type DocumentSnapshot,
} from "firebase/firestore";
import { db } from "../../../data/firestore";
import { countQueryReads } from "./readTally";
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
  countQueryReads(snapshot.size);
  return new Map(snapshot.docs.map((doc) => [doc.id, parseRollup(doc)]));
}

/** The closed days held by the week documents that cover `fromDay`..`toDay`. */
async function loadClosedWeeks(fromDay: string, toDay: string): Promise<Map<string, DayRollup>> {
  const snapshot = await getDocs(
    query(
      collection(db(), "rollupWeeks"),
      where(documentId(), ">=", rollupWeekOf(fromDay)),
      where(documentId(), "<=", rollupWeekOf(toDay)),
    ),
  );
  countQueryReads(snapshot.size);
  const days = new Map<string, DayRollup>();
  for (const doc of snapshot.docs) {
    const entries = (doc.get("days") ?? {}) as Record<string, unknown>;
    for (const [day, data] of Object.entries(entries)) {
      // A week document also holds days outside the range (today's entry is a snapshot of a
      // day still running: today is always read live).
      if (day < fromDay || day > toDay) continue;
      const parsed = DayRollup.safeParse(data);
      if (!parsed.success) {
        throw new Error(
          `${doc.ref.path} holds an invalid rollup for ${day}: ${parsed.error.message}`,
        );
      }
      days.set(day, parsed.data);
    }
  }
  return days;
}

/** A day's live counters: the sum of its shards (EMPTY_ROLLUP when nothing happened). */
export async function loadDayShards(day: string): Promise<DayRollup> {
  const snapshot = await getDocs(collection(db(), "rollups", day, "shards"));
  countQueryReads(snapshot.size);
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
    past.length > 0 ? await loadClosedWeeks(past[0]!, past[past.length - 1]!) : new Map();
  const notInWeeks = past.filter((day) => !closed.has(day));
  if (notInWeeks.length > 0) {
    const single = await loadClosedDays(notInWeeks[0]!, notInWeeks[notInWeeks.length - 1]!);
    for (const [day, rollup] of single) if (!closed.has(day)) closed.set(day, rollup);
  }
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
