// The daily close: folds each changed day's shards into one `rollups/{day}` document and into
// its week's `rollupWeeks/{monday}` document (a map of the week's days), so the admin overview
// reads 14 week documents and today's shards for 90 days. A day changes after it ends too — a late settlement, a cohort's later activity on its
// sign-up day, the month's actives on its first day — so every run closes the days whose shards
// were written since the previous run (shards carry `updatedAt`). A plain function tests call
// directly; `closeRollups` (the schedule) runs it in production.
import { DayRollup, rollupDay, rollupWeekOf, sumRollups } from "@ideaspark/domain";
import { FieldPath, Timestamp } from "firebase-admin/firestore";
import { firestore } from "../data/firestore.js";

/** Where the close keeps the time it last ran (admins read it; nobody writes it but functions). */
export const CLOSE_STATE_PATH = "config/rollupClose";
/** Shard writes committed just before a run may carry an earlier server time: look back this far. */
const OVERLAP_MS = 5 * 60_000;

export interface CloseResult {
  /** Days whose closed document was (re)written. */
  closed: string[];
}

/** The day ("YYYY-MM-DD") a `rollups/{day}/shards/{n}` document belongs to, else null. */
function dayOfShard(path: string): string | null {
  const match = /^rollups\/(\d{4}-\d{2}-\d{2})\/shards\/[^/]+$/.exec(path);
  return match?.[1] ?? null;
}

/** Sums one day's shards into `rollups/{day}`. */
export async function closeDay(day: string, nowMs: number): Promise<DayRollup> {
  const db = firestore();
  const shards = await db.collection(`rollups/${day}/shards`).get();
  const total = sumRollups(shards.docs.map((doc) => DayRollup.parse(doc.data())));
  const closed = { ...total, closedAt: nowMs, shardCount: shards.size };
  const batch = db.batch();
  batch.set(db.doc(`rollups/${day}`), closed);
  // Only this day's entry of the week document is replaced.
  batch.set(
    db.doc(`rollupWeeks/${rollupWeekOf(day)}`),
    { days: { [day]: closed } },
    { mergeFields: [new FieldPath("days", day)] },
  );
  await batch.commit();
  return total;
}

export async function closeRollups(input: {
  nowMs: number;
  days?: string[];
}): Promise<CloseResult> {
  const db = firestore();
  const state = await db.doc(CLOSE_STATE_PATH).get();
  const since = Number(state.get("closedThrough") ?? 0);
  const changed = await db
    .collectionGroup("shards")
    .where("updatedAt", ">", Timestamp.fromMillis(Math.max(0, since - OVERLAP_MS)))
    .select()
    .get();
  // Yesterday and today always: a day without any request still gets its (empty) entry, so
  // readers never fall back to its shards.
  const days = new Set([
    ...(input.days ?? []),
    rollupDay(input.nowMs - 86_400_000),
    rollupDay(input.nowMs),
  ]);
  for (const doc of changed.docs) {
    const day = dayOfShard(doc.ref.path);
    if (day) days.add(day);
  }
  const closed = [...days].sort();
  for (const day of closed) await closeDay(day, input.nowMs);
  await db.doc(CLOSE_STATE_PATH).set({ closedThrough: input.nowMs });
  return { closed };
}
