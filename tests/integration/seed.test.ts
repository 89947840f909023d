// The demo seed `npm start` runs: it creates the demo accounts and history, and a demo business
// for the admin area; running it again changes nothing (no duplicate history, no double-counted
// usage, rollups or budget).
import {
  addRollups,
  adminRolePath,
  DayRollup,
  EMPTY_ROLLUP,
  EventDoc,
  mergeDays,
  periodKey,
  QuotaDoc,
  rebuildGrowth,
  rebuildRollups,
  SparkDoc,
  sumRollups,
  UsageRecord,
  UserGrowth,
  UserProfile,
} from "@ideaspark/domain";
import { FieldPath } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { DEMO_SPARKS, DEMO_USERS } from "../../tools/seed/demoData.js";
import { DEMO_BUSINESS_PREFIX, demoBusiness } from "../../tools/seed/demoBusiness.js";
import { seedDemoData } from "../../tools/seed/seed.js";
import { DEMO_MARKER_PATH, DemoMarker } from "../../tools/seed/writeDemoBusiness.js";
import { adminAuth, adminDb } from "../support/admin.js";

const DAY_MS = 86_400_000;
// The demo business is seeded as of a day years back: the browser journeys running beside this
// suite check exact numbers on days of the current 90-day range, and nothing else writes 2021.
const SEED = { businessNowMs: Date.UTC(2021, 5, 15, 12, 30) };
const PREFIX_END = `${DEMO_BUSINESS_PREFIX.slice(0, -1)}.`;

/** Every document the demo business owns, as stored (ids and data, in id order). */
async function demoDocuments() {
  const db = adminDb();
  const prefixed = (name: string) =>
    db
      .collection(name)
      .where(FieldPath.documentId(), ">=", DEMO_BUSINESS_PREFIX)
      .where(FieldPath.documentId(), "<", PREFIX_END)
      .get();
  const [users, quotas, events, usage, markerSnap] = await Promise.all([
    prefixed("users"),
    prefixed("quotas"),
    prefixed("events"),
    db
      .collection("usage")
      .where("uid", ">=", DEMO_BUSINESS_PREFIX)
      .where("uid", "<", PREFIX_END)
      .get(),
    db.doc(DEMO_MARKER_PATH).get(),
  ]);
  const marker = DemoMarker.parse(markerSnap.data());
  const closed = await Promise.all(marker.closedDays.map((day) => db.doc(`rollups/${day}`).get()));
  const entries = (docs: FirebaseFirestore.DocumentSnapshot[]) =>
    docs.map((doc) => [doc.id, doc.data()] as const).sort(([a], [b]) => a.localeCompare(b));
  return {
    marker,
    users: entries(users.docs),
    quotas: entries(quotas.docs),
    events: entries(events.docs),
    usage: entries(usage.docs),
    closed: entries(closed),
  };
}

const demoLine = (lines: string[]) => lines.find((line) => line.startsWith("demo business")) ?? "";

describe("seedDemoData", () => {
  it("creates the demo accounts, the admin role (claim and roles document) and valid history, and is idempotent", async () => {
    adminDb();
    const first = await seedDemoData(process.env, SEED);
    const second = await seedDemoData(process.env, SEED);
    expect(second.at(-1)).toMatch(/^0 demo spark\(s\) added/);
    expect(first.length).toBe(second.length);

    for (const user of DEMO_USERS) {
      const record = await adminAuth().getUserByEmail(user.email);
      expect(record.uid).toBe(user.uid);
      expect(record.customClaims?.admin === true).toBe(user.admin);
      expect((await adminDb().doc(adminRolePath(user.uid)).get()).exists).toBe(user.admin);
      const profile = UserProfile.parse((await adminDb().doc(`users/${user.uid}`).get()).data());
      expect(profile).toMatchObject({ email: user.email, plan: user.plan });
    }

    const owner = DEMO_SPARKS[0]?.uid ?? "";
    const sparks = await adminDb().collection(`users/${owner}/sparks`).get();
    expect(sparks.size).toBe(DEMO_SPARKS.filter((s) => s.uid === owner).length);
    sparks.docs.forEach((doc) => SparkDoc.parse(doc.data()));
    const quota = QuotaDoc.parse(
      (
        await adminDb()
          .doc(`quotas/${owner}_${periodKey(Date.now())}`)
          .get()
      ).data(),
    );
    const expected = DEMO_SPARKS.filter(
      (s) =>
        s.uid === owner && periodKey(Date.now() - s.daysAgo * 86_400_000) === periodKey(Date.now()),
    ).reduce((sum, s) => sum + s.inputTokens + s.outputTokens, 0);
    expect(quota.used).toBe(expected);
  }, 120_000);

  it("seeds a demo business whose closed days equal a rebuild of its documents, unchanged by a second run", async () => {
    await seedDemoData(process.env, SEED);
    const before = await demoDocuments();
    const again = await seedDemoData(process.env, SEED);
    expect(demoLine(again)).toMatch(/already counted/);
    expect(await demoDocuments()).toEqual(before);

    // What is stored is what the generator gives for the marker's instant.
    const { marker } = before;
    const business = demoBusiness({ todayMs: marker.generatedAt, seed: marker.seed });
    expect(before.users).toHaveLength(business.users.length);
    expect(before.usage).toHaveLength(business.usage.length);
    expect(before.quotas).toHaveLength(business.quotas.length);
    expect(before.events).toHaveLength(business.landings.length);
    expect(marker.todayRollup).toEqual(business.todayRollup);
    const authUser = await adminAuth().getUser(business.users[0]?.uid ?? "");
    expect(authUser.email).toBe(business.users[0]?.profile.email);

    // The rollups read back equal a rebuild from the raw documents read back.
    const records = before.usage.map(([, data]) => UsageRecord.parse(data));
    const users = before.users.map(([uid, data]) => {
      const profile = UserProfile.parse(data);
      const growth = UserGrowth.parse(data?.growth);
      return { uid, signedUpAt: profile.createdAt, ...growth };
    });
    const landings = before.events
      .map(([, data]) => EventDoc.parse(data))
      .filter((event) => event.name === "landing_view");
    const rebuilt = mergeDays(rebuildRollups(records), rebuildGrowth({ users, records, landings }));
    expect(marker.todayRollup).toEqual(rebuilt.get(marker.today) ?? EMPTY_ROLLUP);
    expect(before.closed.map(([day]) => day)).toEqual(marker.closedDays);
    for (const [day, data] of before.closed) {
      expect(DayRollup.parse(data), day).toEqual(rebuilt.get(day));
    }
    const todayStart = Date.parse(`${marker.today}T00:00:00.000Z`);
    const days = [1, 7, 30, 60]
      .map((n) => new Date(todayStart - n * DAY_MS).toISOString().slice(0, 10))
      .concat(`${marker.today.slice(0, 7)}-01`)
      .filter((day) => marker.closedDays.includes(day));
    expect(days.length).toBeGreaterThanOrEqual(4);
    for (const day of days) {
      const closed = await adminDb().doc(`rollups/${day}`).get();
      expect(closed.get("closedAt")).toEqual(expect.any(Number));
      const shards = await adminDb().collection(`rollups/${day}/shards`).get();
      const live = sumRollups(shards.docs.map((doc) => DayRollup.parse(doc.data())));
      expect(DayRollup.parse(closed.data())).toEqual(
        addRollups(rebuilt.get(day) ?? EMPTY_ROLLUP, live),
      );
    }

    // Nothing else writes that day or month: today's shards and the month's budget hold exactly
    // the business's numbers, counted once however often the seed ran.
    const todayShards = await adminDb().collection(`rollups/${marker.today}/shards`).get();
    expect(sumRollups(todayShards.docs.map((doc) => DayRollup.parse(doc.data())))).toEqual(
      marker.todayRollup,
    );
    expect(marker.todayRollup.requests).toBeGreaterThan(0);
    const budget = await adminDb().collection(`budgets/${marker.budget.period}/shards`).get();
    const spentMicros = budget.docs.reduce((s, doc) => s + Math.round(doc.get("usd") * 1e6), 0);
    const monthMicros = records
      .filter((r) => r.period === marker.budget.period)
      .reduce((s, r) => s + Math.round(r.providerUsage.costUsd * 1e6), 0);
    expect(spentMicros).toBe(monthMicros);

    // Each quota document agrees with its account's records.
    for (const [id, data] of before.quotas) {
      const quota = QuotaDoc.parse(data);
      const mine = records.filter((r) => `${r.uid}_${r.period}` === id);
      expect(quota.used).toBe(mine.reduce((s, r) => s + r.inputTokens + r.outputTokens, 0));
      expect(quota.requests).toBe(mine.length);
    }
  }, 120_000);
});
