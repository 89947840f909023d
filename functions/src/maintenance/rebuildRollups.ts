// Recomputes a month's daily rollups from its usage records and compares them with the
// incremental shards, day by day; with `write`, replaces each day's shards by the rebuilt sum.
// The plain function behind `npm run rollups:rebuild`.
import {
  addRollups,
  DayRollup,
  EMPTY_ROLLUP,
  rebuildRollups,
  UsageRecord,
} from "@ideaspark/domain";
import { firestore } from "../data/firestore.js";

export interface RollupCheck {
  days: number;
  /** Days whose shards did not add up to the rebuilt rollup (before any write). */
  differing: string[];
}

export async function rebuildRollupsForPeriod(input: {
  period: string;
  write?: boolean;
}): Promise<RollupCheck> {
  const db = firestore();
  const usage = await db.collection("usage").where("period", "==", input.period).get();
  const rebuilt = rebuildRollups(usage.docs.map((doc) => UsageRecord.parse(doc.data())));
  const differing: string[] = [];
  for (const [day, expected] of rebuilt) {
    const shards = await db.collection(`rollups/${day}/shards`).get();
    const stored = shards.docs
      .map((d) => DayRollup.parse(d.data()))
      .reduce(addRollups, EMPTY_ROLLUP);
    if (JSON.stringify(sorted(stored)) !== JSON.stringify(sorted(expected))) differing.push(day);
    if (input.write) {
      const batch = db.batch();
      for (const shard of shards.docs) batch.delete(shard.ref);
      batch.set(db.doc(`rollups/${day}/shards/0`), expected);
      await batch.commit();
    }
  }
  return { days: rebuilt.size, differing };
}

/** Keys in a fixed order, nested maps too, so two equal rollups serialise alike. */
function sorted(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, sorted(v)]),
  );
}
