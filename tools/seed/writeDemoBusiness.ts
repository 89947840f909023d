// Writes the demo business (tools/seed/demoBusiness.ts) into the emulators. Documents are set
// whole in batches of 500, documents of an earlier generation are deleted, and the two live
// counters — today's rollup shard and this month's budget shards — get the business's numbers
// as increments, next to whatever real requests add to them. A marker (seed/demoBusiness)
// remembers when the day's business was generated and what it added: a second run on the same
// UTC day regenerates the very same documents (from the same instant) and adds nothing; a run on
// a later day takes the earlier numbers back first.
import {
  DAY_MS,
  DayRollup,
  addRollups,
  EMPTY_ROLLUP,
  rollupDay,
  rollupWeekOf,
  sumRollups,
} from "@ideaspark/domain";
import { getAuth } from "firebase-admin/auth";
import {
  FieldPath,
  FieldValue,
  getFirestore,
  type DocumentReference,
  type Firestore,
  type WriteBatch,
} from "firebase-admin/firestore";
import { z } from "zod";
import {
  DEMO_BUSINESS_PREFIX,
  DEMO_BUSINESS_SEED,
  demoBusiness,
  type DemoBusiness,
} from "./demoBusiness.js";

export const DEMO_MARKER_PATH = "seed/demoBusiness";
/** Bump when the generator changes what it produces for a given seed and instant. */
const GENERATOR_VERSION = 2;
const BATCH_LIMIT = 500;
const AUTH_LIMIT = 1_000;
/** The first id after every id starting with the prefix ("biz-" → "biz."). */
const PREFIX_END = DEMO_BUSINESS_PREFIX.slice(0, -1) + ".";

export const DemoMarker = z.object({
  version: z.number(),
  seed: z.number(),
  today: z.string(),
  /** The instant the day's business was generated for (its "now"). */
  generatedAt: z.number(),
  todayRollup: DayRollup,
  budget: z.object({ period: z.string(), shardMicros: z.record(z.string(), z.number()) }),
  closedDays: z.array(z.string()),
});
type Marker = z.infer<typeof DemoMarker>;

type Write = (batch: WriteBatch) => void;

async function commitAll(db: Firestore, writes: Write[]): Promise<void> {
  const chunks: Write[][] = [];
  for (let i = 0; i < writes.length; i += BATCH_LIMIT) {
    chunks.push(writes.slice(i, i + BATCH_LIMIT));
  }
  // A few batches at a time: the emulator keeps up, and one failure stops the seed.
  for (let i = 0; i < chunks.length; i += 4) {
    await Promise.all(
      chunks.slice(i, i + 4).map((chunk) => {
        const batch = db.batch();
        for (const write of chunk) write(batch);
        return batch.commit();
      }),
    );
  }
}

/** `rollup` (times `sign`) as merge-able Firestore increments, nested maps included. */
export function rollupIncrements(rollup: DayRollup, sign: 1 | -1): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(rollup)) {
    if (typeof value === "number") {
      if (value !== 0) out[field] = FieldValue.increment(sign * value);
      continue;
    }
    const nested = Object.entries(value as Record<string, number>).filter(([, n]) => n !== 0);
    if (nested.length > 0) {
      out[field] = Object.fromEntries(nested.map(([k, n]) => [k, FieldValue.increment(sign * n)]));
    }
  }
  return out;
}

/** When the daily close job would have closed `day` (00:05 the next day, never after now). */
export const closedAtFor = (day: string, todayMs: number) =>
  Math.min(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS + 5 * 60_000, todayMs);

/** The marker's numbers added to (or, with -1, taken from) today's shard 0 and the budget. */
function counterWrites(db: Firestore, marker: Marker, sign: 1 | -1): Write[] {
  const shard = db.doc(`rollups/${marker.today}/shards/0`);
  const increments = rollupIncrements(marker.todayRollup, sign);
  const writes: Write[] = [(batch) => batch.set(shard, increments, { merge: true })];
  for (const [n, micros] of Object.entries(marker.budget.shardMicros)) {
    const ref = db.doc(`budgets/${marker.budget.period}/shards/${n}`);
    const usd = FieldValue.increment((sign * micros) / 1e6);
    writes.push((batch) => batch.set(ref, { usd }, { merge: true }));
  }
  return writes;
}

async function prefixedIds(db: Firestore, collection: string): Promise<string[]> {
  const snap = await db
    .collection(collection)
    .where(FieldPath.documentId(), ">=", DEMO_BUSINESS_PREFIX)
    .where(FieldPath.documentId(), "<", PREFIX_END)
    .select()
    .get();
  return snap.docs.map((doc) => doc.id);
}

/** Documents of an earlier generation (another day or seed) that the new one does not have. */
async function staleDocuments(db: Firestore, biz: DemoBusiness, old: Marker | null) {
  const keep = {
    users: new Set(biz.users.map((u) => u.uid)),
    quotas: new Set(biz.quotas.map((q) => q.id)),
    events: new Set(biz.landings.map((l) => l.id)),
    usage: new Set(biz.usage.map((r) => r.requestId)),
  };
  const usage = await db
    .collection("usage")
    .where("uid", ">=", DEMO_BUSINESS_PREFIX)
    .where("uid", "<", PREFIX_END)
    .select()
    .get();
  const found = {
    users: await prefixedIds(db, "users"),
    quotas: await prefixedIds(db, "quotas"),
    events: await prefixedIds(db, "events"),
    usage: usage.docs.map((doc) => doc.id),
  };
  const refs: DocumentReference[] = [];
  for (const name of ["users", "quotas", "events", "usage"] as const) {
    for (const id of found[name]) if (!keep[name].has(id)) refs.push(db.doc(`${name}/${id}`));
  }
  for (const day of old?.closedDays ?? []) {
    if (!biz.closedDays.has(day)) refs.push(db.doc(`rollups/${day}`));
  }
  return { refs, staleUids: found.users.filter((uid) => !keep.users.has(uid)) };
}

/**
 * The accounts in the Auth emulator, in bulk (one delete and one import per 1,000 accounts) so
 * the admin callables (plan, role) work on them; replaced whole each run, without a password
 * (nobody signs in as them). No function reacts to Auth deletions or imports.
 */
async function writeAuthUsers(biz: DemoBusiness, staleUids: string[]): Promise<void> {
  const auth = getAuth();
  const uids = [...biz.users.map((u) => u.uid), ...staleUids];
  for (let i = 0; i < uids.length; i += AUTH_LIMIT) {
    await auth.deleteUsers(uids.slice(i, i + AUTH_LIMIT));
  }
  for (let i = 0; i < biz.users.length; i += AUTH_LIMIT) {
    const chunk = biz.users.slice(i, i + AUTH_LIMIT);
    const result = await auth.importUsers(
      chunk.map(({ uid, profile, emailVerified }) => ({
        uid,
        email: profile.email,
        displayName: profile.displayName,
        emailVerified,
        metadata: {
          creationTime: new Date(profile.createdAt).toUTCString(),
          lastSignInTime: new Date(profile.growth.lastActiveAt ?? profile.createdAt).toUTCString(),
        },
      })),
    );
    const failed = result.errors[0];
    if (failed) {
      const uid = chunk[failed.index]?.uid ?? "a demo account";
      throw new Error(`Importing ${uid} into the Auth emulator failed: ${failed.error.message}`);
    }
  }
}

/** Closed days: the business's numbers plus whatever the day's live shards already hold. */
async function closedDayWrites(
  db: Firestore,
  biz: DemoBusiness,
  todayMs: number,
): Promise<Write[]> {
  const days = [...biz.closedDays];
  const shards = await Promise.all(
    days.map(async ([day]) => {
      const snap = await db.collection(`rollups/${day}/shards`).get();
      return sumRollups(snap.docs.map((doc) => DayRollup.parse(doc.data())));
    }),
  );
  return days.map(([day, rollup], i): Write => {
    const live = shards[i] ?? EMPTY_ROLLUP;
    const closed = { ...addRollups(rollup, live), closedAt: closedAtFor(day, todayMs) };
    return (batch) => {
      batch.set(db.doc(`rollups/${day}`), closed);
      // As the close job does: the day's entry in its week's document.
      batch.set(
        db.doc(`rollupWeeks/${rollupWeekOf(day)}`),
        { days: { [day]: closed } },
        { mergeFields: [new FieldPath("days", day)] },
      );
    };
  });
}

export interface DemoBusinessSeeded {
  business: DemoBusiness;
  /** The instant it was generated for (the first run of the day's). */
  todayMs: number;
  documents: number;
  deleted: number;
  /** False when this day's numbers were already counted by an earlier run. */
  counted: boolean;
}

/** Generates the demo business for the UTC day of `nowMs` and writes it (see the header). */
export async function seedDemoBusiness(
  nowMs: number = Date.now(),
  seed: number = DEMO_BUSINESS_SEED,
): Promise<DemoBusinessSeeded> {
  const db = getFirestore();
  const markerRef = db.doc(DEMO_MARKER_PATH);
  const stored = await markerRef.get();
  const old = stored.exists ? DemoMarker.parse(stored.data()) : null;
  const same =
    old !== null &&
    old.version === GENERATOR_VERSION &&
    old.seed === seed &&
    old.today === rollupDay(nowMs);
  const todayMs = same ? old.generatedAt : nowMs;
  const biz = demoBusiness({ todayMs, seed });
  if (old && !same) {
    // Take the earlier generation's counter numbers back (one atomic batch with the marker).
    await commitAll(db, [...counterWrites(db, old, -1), (batch) => batch.delete(markerRef)]);
  }

  const { refs, staleUids } = await staleDocuments(db, biz, old);
  await writeAuthUsers(biz, staleUids);
  const set =
    (path: string, data: object): Write =>
    (batch) =>
      batch.set(db.doc(path), data);
  const writes: Write[] = [
    ...refs.map(
      (ref): Write =>
        (batch) =>
          batch.delete(ref),
    ),
    ...biz.campaigns.map(({ id, doc }) => set(`campaigns/${id}`, doc)),
    ...biz.users.map(({ uid, profile }) => set(`users/${uid}`, profile)),
    ...biz.usage.map((record) => set(`usage/${record.requestId}`, record)),
    ...biz.quotas.map(({ id, doc }) => set(`quotas/${id}`, doc)),
    ...biz.landings.map(({ id, doc }) => set(`events/${id}`, doc)),
  ];
  await commitAll(db, writes);
  const closed = await closedDayWrites(db, biz, todayMs);
  await commitAll(db, closed);

  if (!same) {
    const marker: Marker = {
      version: GENERATOR_VERSION,
      seed,
      today: biz.today,
      generatedAt: todayMs,
      todayRollup: biz.todayRollup,
      budget: biz.budget,
      closedDays: [...biz.closedDays.keys()],
    };
    await commitAll(db, [...counterWrites(db, marker, 1), (batch) => batch.set(markerRef, marker)]);
  }
  return {
    business: biz,
    todayMs,
    documents: writes.length - refs.length + closed.length,
    deleted: refs.length,
    counted: !same,
  };
}
