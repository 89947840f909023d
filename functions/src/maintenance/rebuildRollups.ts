// Recomputes a month's day rollups from raw documents — usage records (activity, cost, cohorts,
// monthly actives), profiles (sign-ups, verification, conversions) and landing events — and
// compares them with the incremental shards, day by day; with `write`, replaces each differing
// day's shards by the rebuilt sum (and its closed document). The plain function behind
// `npm run rollups:rebuild`.
import {
  activityStampProblems,
  DayRollup,
  type GrowthUser,
  type Landing,
  mergeDays,
  rebuildGrowth,
  rebuildRollups,
  sumRollups,
  UsageRecord,
  UserGrowth,
} from "@ideaspark/domain";
import { firestore } from "../data/firestore.js";

export interface RollupCheck {
  days: number;
  /** Days whose shards did not add up to the rebuilt rollup (before any write). */
  differing: string[];
  /** Usage records whose settlement stamps contradict each other (see activityStampProblems). */
  stampProblems: string[];
}

const monthStart = (period: string, offset = 0) => {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return Date.UTC(y, m - 1 + offset, 1);
};

/**
 * Everything that can reach a day of `period`: usage from the month before on (a cohort's
 * later activity lands on its sign-up day; "returning" needs the month before), every profile,
 * and the month's landings.
 */
async function rawDocuments(period: string) {
  const db = firestore();
  const [usage, users, landings] = await Promise.all([
    db.collection("usage").where("createdAt", ">=", monthStart(period, -1)).get(),
    db.collection("users").get(),
    db
      .collection("events")
      .where("at", ">=", monthStart(period))
      .where("at", "<", monthStart(period, 1))
      .get(),
  ]);
  const records = usage.docs.flatMap((doc) => {
    const parsed = UsageRecord.safeParse(doc.data());
    return parsed.success ? [parsed.data] : [];
  });
  const profiles: GrowthUser[] = users.docs.flatMap((doc) => {
    const createdAt = doc.get("createdAt") as unknown;
    if (typeof createdAt !== "number") return [];
    const growth = UserGrowth.parse(doc.get("growth") ?? {});
    return [
      {
        uid: doc.id,
        signedUpAt: createdAt,
        campaignId: growth.campaignId,
        signupCounted: growth.signupCounted,
        verifiedAt: growth.verifiedAt,
        proAt: growth.proAt,
      },
    ];
  });
  const landingList: Landing[] = landings.docs
    .filter((doc) => doc.get("name") === "landing_view")
    .map((doc) => ({
      at: Number(doc.get("at")),
      campaignId: (doc.get("campaignId") as string | null | undefined) ?? null,
    }));
  return { records, profiles, landings: landingList };
}

export async function rebuildRollupsForPeriod(input: {
  period: string;
  write?: boolean;
}): Promise<RollupCheck> {
  const db = firestore();
  const raw = await rawDocuments(input.period);
  const rebuilt = mergeDays(
    rebuildRollups(raw.records),
    rebuildGrowth({ users: raw.profiles, records: raw.records, landings: raw.landings }),
  );
  const days = [...rebuilt.keys()].filter((day) => day.startsWith(input.period)).sort();
  const differing: string[] = [];
  for (const day of days) {
    const expected = rebuilt.get(day) ?? DayRollup.parse({});
    const shards = await db.collection(`rollups/${day}/shards`).get();
    const stored = sumRollups(shards.docs.map((d) => DayRollup.parse(d.data())));
    if (JSON.stringify(sorted(stored)) === JSON.stringify(sorted(expected))) continue;
    differing.push(day);
    if (input.write) {
      const batch = db.batch();
      for (const shard of shards.docs) batch.delete(shard.ref);
      batch.set(db.doc(`rollups/${day}/shards/0`), expected);
      batch.delete(db.doc(`rollups/${day}`));
      await batch.commit();
    }
  }
  const stampProblems = activityStampProblems(raw.records.filter((r) => r.period === input.period));
  return { days: days.length, differing, stampProblems };
}

/** Keys in a fixed order, nested maps too, zeros dropped, so equal rollups serialise alike. */
function sorted(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== 0 && !(typeof v === "object" && v && Object.keys(v).length === 0))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, sorted(v)]),
  );
}
