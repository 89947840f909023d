// Daily rollups as sharded counters (rollups/{day}/shards/{n}): each settled request adds its
// numbers to one random shard inside its settlement transaction (a blind write, no read), so
// no document takes every request's write and the admin overview reads a few per day.
import {
  type DayRollup,
  type QuotaDoc,
  type UsageRecord,
  rollupDay,
  rollupOf,
} from "@ideaspark/domain";
import { type DocumentReference, FieldValue, type Transaction } from "firebase-admin/firestore";
import { firestore } from "./firestore.js";
import { countWrites } from "./opsCounter.js";

export const ROLLUP_SHARDS = 10;

/** `rollup` as Firestore increments, nested maps included (merged into the shard). */
function increments(rollup: DayRollup): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(rollup)) {
    if (typeof value === "number") {
      if (value !== 0) out[field] = FieldValue.increment(value);
    } else {
      const nested = Object.entries(value as Record<string, number>).filter(([, n]) => n !== 0);
      if (nested.length > 0) {
        out[field] = Object.fromEntries(nested.map(([k, n]) => [k, FieldValue.increment(n)]));
      }
    }
  }
  return out;
}

/** Something that can write documents: a transaction or a batch. */
interface Writer {
  set(ref: DocumentReference, data: Record<string, unknown>, options: { merge: true }): unknown;
}

/**
 * Adds each day's delta to one random shard of that day (blind merges, no read): the one way
 * every trigger and callable adds to the rollups. Returns the number of writes.
 */
export function addToRollups(
  writer: Writer,
  days: ReadonlyMap<string, DayRollup>,
  random = Math.random,
): number {
  let writes = 0;
  for (const [day, delta] of days) {
    const fields = increments(delta);
    if (Object.keys(fields).length === 0) continue;
    const shard = Math.floor(random() * ROLLUP_SHARDS);
    writer.set(firestore().doc(`rollups/${day}/shards/${shard}`), fields, { merge: true });
    writes += 1;
  }
  countWrites(writes);
  return writes;
}

/**
 * Adds a settled request to its day's rollup and to its account's period activity (kept on the
 * quota document the settlement writes anyway). Returns the quota fields to write.
 */
export function recordActivity(
  tx: Transaction,
  quota: QuotaDoc,
  usage: UsageRecord,
  random = Math.random,
): Pick<QuotaDoc, "requests" | "providerCostMicros" | "activeDays"> {
  const day = rollupDay(usage.createdAt);
  const newActiveUser = quota.activeDays[day] !== true;
  const shard = Math.floor(random() * ROLLUP_SHARDS);
  tx.set(
    firestore().doc(`rollups/${day}/shards/${shard}`),
    increments(rollupOf(usage, newActiveUser)),
    { merge: true },
  );
  countWrites(1);
  return {
    requests: quota.requests + 1,
    providerCostMicros: quota.providerCostMicros + Math.round(usage.providerUsage.costUsd * 1e6),
    activeDays: { ...quota.activeDays, [day]: true },
  };
}
