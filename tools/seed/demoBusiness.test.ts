import {
  DAY_MS,
  DEFAULT_APP_CONFIG,
  EMPTY_GROWTH,
  attemptCostUsd,
  creditSignUp,
  landingRollup,
  mergeDays,
  activityStampProblems,
  monthOf,
  proStep,
  providerTotals,
  rebuildGrowth,
  rebuildRollups,
  rollupDay,
  rollupOf,
  settlementStep,
  signupStep,
  sumRollups,
  verifiedStep,
  type DayRollup,
  type UsageRecord,
} from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import { DEMO_BUDGET_SHARDS, demoBusiness, type DemoBusiness } from "./demoBusiness.js";
import { campaignEntries } from "./demoCampaigns.js";

const TODAY = Date.parse("2026-12-02T10:57:00Z");
const business = demoBusiness({ todayMs: TODAY });

/** The rollups rebuilt from the documents as stored (profiles, usage records, landing events). */
function rebuiltFromDocs(b: DemoBusiness): Map<string, DayRollup> {
  return mergeDays(
    rebuildRollups(b.usage),
    rebuildGrowth({
      users: b.users.map(({ uid, profile }) => ({
        uid,
        signedUpAt: profile.createdAt,
        campaignId: profile.growth.campaignId,
        signupCounted: profile.growth.signupCounted,
        verifiedAt: profile.growth.verifiedAt,
        proAt: profile.growth.proAt,
      })),
      records: b.usage,
      landings: b.landings.map(({ doc }) => ({ at: doc.at, campaignId: doc.campaignId })),
    }),
  );
}

const share = (part: number, whole: number) => part / whole;

describe("demoBusiness", () => {
  it("gives the same documents for the same seed and day, and others for another seed", () => {
    expect(demoBusiness({ todayMs: TODAY })).toEqual(business);
    const other = demoBusiness({ todayMs: TODAY, seed: 9 });
    expect(other.usage.map((r) => r.requestId)).not.toEqual(business.usage.map((r) => r.requestId));
  });

  it("refuses a day that is not a time in ms", () => {
    expect(() => demoBusiness({ todayMs: Number.NaN })).toThrow(/todayMs/);
    expect(() => demoBusiness({ todayMs: 12.5 })).toThrow(/todayMs/);
  });

  it("signs up 300 accounts over the last 90 days, growing, fewer at weekends", () => {
    const { users } = business;
    expect(users).toHaveLength(300);
    const start = Date.parse("2026-09-04T00:00:00Z");
    for (const { profile } of users) {
      expect(profile.createdAt).toBeGreaterThanOrEqual(start);
      expect(profile.createdAt).toBeLessThan(TODAY);
    }
    const inWindow = (from: number, to: number) =>
      users.filter((u) => u.profile.createdAt >= from && u.profile.createdAt < to).length;
    expect(inWindow(TODAY - 30 * DAY_MS, TODAY)).toBeGreaterThan(
      1.5 * inWindow(start, start + 30 * DAY_MS),
    );
    const weekend = users.filter((u) => [0, 6].includes(new Date(u.profile.createdAt).getUTCDay()));
    expect(weekend.length / 2).toBeLessThan((users.length - weekend.length) / 5);
    expect(new Set(users.map((u) => u.profile.email)).size).toBe(300);
  });

  it("credits most sign-ups to organic, some to each campaign and a few to unattributed", () => {
    const by = (id: string) => business.users.filter((u) => u.profile.growth.campaignId === id);
    expect(share(by("organic").length, 300)).toBeGreaterThan(0.45);
    expect(share(by("organic").length, 300)).toBeLessThan(0.65);
    expect(by("unattributed").length).toBeGreaterThan(5);
    for (const { id } of business.campaigns) expect(by(id).length).toBeGreaterThan(5);
    // The stored first touch credits the same campaign the server would.
    const entries = campaignEntries(business.campaigns);
    for (const { profile } of business.users) {
      expect(creditSignUp(profile.attribution, profile.createdAt, entries)).toBe(
        profile.growth.campaignId,
      );
    }
    expect(business.landings.length).toBeGreaterThan(3 * business.users.length);
  });

  it("has plausible verification, first sparks, retention and ~8% pro", () => {
    const { users } = business;
    const count = (f: (u: (typeof users)[number]) => boolean) => users.filter(f).length;
    expect(
      share(
        count((u) => u.emailVerified),
        300,
      ),
    ).toBeGreaterThan(0.65);
    expect(
      share(
        count((u) => u.emailVerified),
        300,
      ),
    ).toBeLessThan(0.9);
    expect(count((u) => u.emailVerified)).toBe(count((u) => u.profile.growth.verifiedAt !== null));
    const sparked = count((u) => u.profile.growth.firstSparkAt !== null);
    expect(share(sparked, 300)).toBeGreaterThan(0.5);
    expect(share(sparked, 300)).toBeLessThan(0.85);
    const week1 = count((u) => u.profile.growth.activeWeeks["1"] === true);
    const week6 = count((u) => u.profile.growth.activeWeeks["6"] === true);
    expect(week1).toBeGreaterThan(week6);
    expect(week6).toBeGreaterThan(0);
    const pro = count((u) => u.profile.plan === "pro");
    expect(pro).toBe(count((u) => u.profile.growth.proAt !== null));
    expect(share(pro, 300)).toBeGreaterThan(0.05);
    expect(share(pro, 300)).toBeLessThan(0.12);
  });

  it("records requests mostly ok, with partial, error, refused and cached ones, both ledgers priced", () => {
    const { usage } = business;
    const status = (s: string) => usage.filter((r) => r.status === s).length;
    expect(share(status("ok"), usage.length)).toBeGreaterThan(0.75);
    for (const s of ["partial", "error", "refused"]) expect(status(s)).toBeGreaterThan(0);
    expect(usage.filter((r) => r.cached).length).toBeGreaterThan(0);
    const signedUp = new Map(business.users.map((u) => [u.uid, u.profile]));
    for (const record of usage) {
      const profile = signedUp.get(record.uid);
      expect(record.campaignId).toBe(profile?.growth.campaignId);
      expect(record.signedUpAt).toBe(profile?.createdAt);
      expect(record.createdAt).toBeGreaterThan(record.signedUpAt ?? Infinity);
      expect(record.createdAt).toBeLessThan(TODAY);
      expect(record.providerUsage).toEqual(providerTotals(record.attemptLog));
      expect(record.providerUsage.costUsd).toBeGreaterThanOrEqual(record.costUsd);
      for (const attempt of record.attemptLog) {
        expect(attempt.costUsd).toBe(attemptCostUsd(attempt, DEFAULT_APP_CONFIG.pricing));
      }
      if (record.cached || record.status === "refused" || record.status === "error") {
        expect(record.costUsd).toBe(0);
      }
    }
    expect(new Set(usage.map((r) => r.requestId)).size).toBe(usage.length);
  });

  it.each([
    ["a weekday", TODAY],
    ["the first minutes of a month", Date.parse("2027-03-01T00:20:00Z")],
    ["the last minute of a day", Date.parse("2026-06-14T23:59:00Z")],
  ])("keeps every rollup equal to the rebuild of its raw documents (%s)", (_, todayMs) => {
    const b = todayMs === TODAY ? business : demoBusiness({ todayMs });
    const rebuilt = rebuiltFromDocs(b);
    const today = rollupDay(todayMs);
    expect([...b.closedDays.keys()]).toEqual([...rebuilt.keys()].filter((d) => d < today).sort());
    for (const [day, rollup] of b.closedDays) expect(rollup).toEqual(rebuilt.get(day));
    expect(b.todayRollup).toEqual(rebuilt.get(today) ?? sumRollups([]));
  });

  it("adds up to the same rollups through the steps the functions run, one account at a time", () => {
    const steps: Map<string, DayRollup>[] = [];
    const activeDays = new Set<string>();
    const records = new Map<string, UsageRecord[]>();
    for (const record of business.usage) {
      records.set(record.uid, [...(records.get(record.uid) ?? []), record]);
      const day = `${record.uid} ${rollupDay(record.createdAt)}`;
      steps.push(new Map([[rollupDay(record.createdAt), rollupOf(record, !activeDays.has(day))]]));
      activeDays.add(day);
    }
    for (const { uid, profile } of business.users) {
      const signedUpAt = profile.createdAt;
      const { campaignId, verifiedAt, proAt } = profile.growth;
      let step = signupStep({ signedUpAt, campaignId: campaignId ?? "", growth: EMPTY_GROWTH });
      steps.push(step.days);
      if (verifiedAt !== null) {
        step = verifiedStep({ signedUpAt, atMs: verifiedAt, growth: step.growth });
        steps.push(step.days);
      }
      for (const record of records.get(uid) ?? []) {
        step = settlementStep(record, step.growth);
        steps.push(step.days);
      }
      if (proAt !== null) {
        step = proStep({ signedUpAt, atMs: proAt, growth: step.growth });
        steps.push(step.days);
      }
      // The profile's growth is exactly what those steps leave behind.
      expect(profile.growth).toEqual(step.growth);
    }
    for (const { doc } of business.landings) {
      steps.push(new Map([[rollupDay(doc.at), landingRollup(doc.campaignId)]]));
    }
    const incremental = mergeDays(...steps);
    const stored = new Map([...business.closedDays, [business.today, business.todayRollup]]);
    expect(new Map([...incremental].sort())).toEqual(new Map([...stored].sort()));
  });

  it("stamps each account's first request of a month, and whether it was active the month before", () => {
    expect(activityStampProblems(business.usage)).toEqual([]);
    const months = new Map<string, Set<string>>();
    for (const r of business.usage) {
      months.set(r.uid, (months.get(r.uid) ?? new Set()).add(monthOf(r.createdAt)));
    }
    const previous = (month: string) =>
      new Date(Date.parse(`${month}-01T00:00:00Z`) - DAY_MS).toISOString().slice(0, 7);
    for (const r of business.usage) {
      const wasActive = months.get(r.uid)?.has(previous(r.period)) ?? false;
      expect(r.returning).toBe(r.firstInMonth && wasActive);
    }
    const all = sumRollups([...business.closedDays.values(), business.todayRollup]);
    expect(all.monthActiveUsers).toBe(
      new Set(business.usage.map((r) => `${r.uid} ${r.period}`)).size,
    );
    expect(all.returningUsers).toBe(business.usage.filter((r) => r.returning).length);
    expect(business.usage.some((r) => r.returning)).toBe(true);
  });

  it("writes one quota document per account and month that agrees with its records", () => {
    const expected = new Map<string, UsageRecord[]>();
    for (const r of business.usage) {
      const id = `${r.uid}_${r.period}`;
      expected.set(id, [...(expected.get(id) ?? []), r]);
    }
    expect(business.quotas.map((q) => q.id).sort()).toEqual([...expected.keys()].sort());
    for (const { id, doc } of business.quotas) {
      const mine = expected.get(id) ?? [];
      expect(doc.used).toBe(mine.reduce((s, r) => s + r.inputTokens + r.outputTokens, 0));
      expect(doc.requests).toBe(mine.length);
      expect(doc.providerCostMicros).toBe(
        mine.reduce((s, r) => s + Math.round(r.providerUsage.costUsd * 1e6), 0),
      );
      expect(Object.keys(doc.activeDays).sort()).toEqual(
        [...new Set(mine.map((r) => rollupDay(r.createdAt)))].sort(),
      );
      expect(doc.holds).toEqual({});
      const profile = business.users.find((u) => u.uid === doc.uid)?.profile;
      const proFrom = profile?.growth.proAt ?? Infinity;
      if (mine.every((r) => r.createdAt < proFrom)) {
        expect(doc.used).toBeLessThanOrEqual(DEFAULT_APP_CONFIG.plans.free.monthlyTokens);
      }
    }
  });

  it("spreads this month's provider cost over the budget shards, to the micro-dollar", () => {
    const { period, shardMicros } = business.budget;
    expect(period).toBe("2026-12");
    const monthCost = business.usage
      .filter((r) => r.period === period)
      .reduce((s, r) => s + Math.round(r.providerUsage.costUsd * 1e6), 0);
    expect(monthCost).toBeGreaterThan(0);
    expect(Object.values(shardMicros).reduce((s, n) => s + n, 0)).toBe(monthCost);
    for (const shard of Object.keys(shardMicros)) {
      expect(Number(shard)).toBeLessThan(DEMO_BUDGET_SHARDS);
    }
  });

  it("gives each campaign spend in 3–4 recent months", () => {
    expect(business.campaigns).toHaveLength(4);
    expect(business.campaigns.filter((c) => c.doc.referralCode !== null)).toHaveLength(1);
    const sources = business.campaigns.map((c) => c.doc.utmSource).filter((s) => s !== null);
    expect(new Set(sources).size).toBe(3);
    const months = new Set(business.campaigns.flatMap((c) => Object.keys(c.doc.spendUsdByMonth)));
    expect([...months].sort()).toEqual(["2026-09", "2026-10", "2026-11", "2026-12"]);
    for (const { doc } of business.campaigns) {
      for (const usd of Object.values(doc.spendUsdByMonth)) expect(usd).toBeGreaterThan(0);
    }
  });
});
