import { describe, expect, it } from "vitest";
import {
  ACTIVATION_MS,
  DAY_MS,
  EMPTY_GROWTH,
  mergeDays,
  activityStamps,
  proStep,
  rebuildGrowth,
  settlementStep,
  signupStep,
  verifiedStep,
  type GrowthUser,
  type UserGrowth,
} from "./growth.js";
import { type DayRollup, rollupDay } from "./rollups.js";
import { UsageRecord } from "./usage.js";

const SIGNED_UP = Date.UTC(2026, 10, 28, 10); // 2026-11-28

function usage(overrides: Partial<UsageRecord> & { createdAt: number }): UsageRecord {
  return UsageRecord.parse({
    uid: "u1",
    requestId: `r${overrides.createdAt}`,
    sparkId: `r${overrides.createdAt}`,
    model: "m",
    inputTokens: 100,
    outputTokens: 50,
    costUsd: 0.0001,
    providerUsage: { inputTokens: 100, outputTokens: 60, cachedInputTokens: 0, costUsd: 0.00012 },
    cached: false,
    estimated: false,
    latencyMs: 900,
    attempts: 1,
    status: "ok",
    period: rollupDay(overrides.createdAt).slice(0, 7),
    campaignId: "spring",
    signedUpAt: SIGNED_UP,
    ...overrides,
  });
}

const onDay = (days: Map<string, DayRollup>, day: string) => days.get(day);

describe("settlementStep", () => {
  it("counts the first spark once, on the sign-up day, activated within 7 days", () => {
    const first = settlementStep(usage({ createdAt: SIGNED_UP + DAY_MS }), EMPTY_GROWTH);
    expect(onDay(first.days, "2026-11-28")).toMatchObject({
      cohortFirstSpark: 1,
      cohortActivated: 1,
      campaignCohortFirstSpark: {},
      retentionWeeks: { "0": 1 },
    });
    expect(first.growth).toMatchObject({
      requests: 1,
      chargedTokens: 150,
      providerCostMicros: 120,
    });
    const second = settlementStep(usage({ createdAt: SIGNED_UP + 2 * DAY_MS }), first.growth);
    expect(onDay(second.days, "2026-11-28")).toBeUndefined();
    expect(second.growth.requests).toBe(2);
  });

  it("credits the account's campaign and counts week 2 activity", () => {
    const growth: UserGrowth = { ...EMPTY_GROWTH, campaignId: "spring" };
    const step = settlementStep(usage({ createdAt: SIGNED_UP + 8 * DAY_MS }), growth);
    expect(onDay(step.days, "2026-11-28")).toMatchObject({
      cohortFirstSpark: 1,
      cohortActivated: 0,
      campaignCohortFirstSpark: { spring: 1 },
      campaignCohortWeek2: { spring: 1 },
      retentionWeeks: { "1": 1 },
    });
  });

  it("activates an account when an earlier first spark settles after a later one", () => {
    const late = settlementStep(
      usage({ createdAt: SIGNED_UP + ACTIVATION_MS + DAY_MS }),
      EMPTY_GROWTH,
    );
    expect(onDay(late.days, "2026-11-28")?.cohortActivated).toBe(0);
    const early = settlementStep(usage({ createdAt: SIGNED_UP + DAY_MS }), late.growth);
    expect(onDay(early.days, "2026-11-28")).toMatchObject({
      cohortFirstSpark: 0,
      cohortActivated: 1,
    });
  });

  it("stamps a month's first request, and a returning account's", () => {
    const november = usage({ createdAt: Date.UTC(2026, 10, 29) });
    const december = usage({ createdAt: Date.UTC(2026, 11, 3) });
    const afterNovember = settlementStep(november, EMPTY_GROWTH).growth;
    expect(activityStamps(december, { quotaHadActivity: false, growth: afterNovember })).toEqual({
      firstInMonth: true,
      returning: true,
    });
    expect(activityStamps(december, { quotaHadActivity: true, growth: EMPTY_GROWTH })).toEqual({
      firstInMonth: false,
      returning: false,
    });
    const afterDecember = settlementStep(december, afterNovember).growth;
    expect(
      activityStamps(december, { quotaHadActivity: true, growth: afterDecember }).returning,
    ).toBe(false);
  });

  it("leaves cohorts alone for a request made before the account had a profile", () => {
    const step = settlementStep(usage({ createdAt: SIGNED_UP, signedUpAt: null }), EMPTY_GROWTH);
    expect(step.days.size).toBe(0);
    expect(step.growth.requests).toBe(1);
  });

  it("does not count a failed request as a first spark", () => {
    const step = settlementStep(usage({ createdAt: SIGNED_UP, status: "error" }), EMPTY_GROWTH);
    expect(onDay(step.days, "2026-11-28")?.cohortFirstSpark).toBe(0);
    expect(step.growth.firstSparkAt).toBeNull();
  });
});

describe("account steps", () => {
  it("counts a sign-up, a verification and a conversion once each", () => {
    const signedUp = signupStep({
      signedUpAt: SIGNED_UP,
      campaignId: "spring",
      growth: EMPTY_GROWTH,
    });
    expect(onDay(signedUp.days, "2026-11-28")).toMatchObject({
      signups: 1,
      campaignSignups: { spring: 1 },
    });
    expect(
      signupStep({ signedUpAt: SIGNED_UP, campaignId: "x", growth: signedUp.growth }).days.size,
    ).toBe(0);
    const verified = verifiedStep({
      signedUpAt: SIGNED_UP,
      atMs: SIGNED_UP + 60_000,
      growth: signedUp.growth,
    });
    expect(onDay(verified.days, "2026-11-28")?.campaignCohortVerified).toEqual({ spring: 1 });
    expect(
      verifiedStep({ signedUpAt: SIGNED_UP, atMs: 0, growth: verified.growth }).days.size,
    ).toBe(0);
    const pro = proStep({
      signedUpAt: SIGNED_UP,
      atMs: Date.UTC(2026, 11, 5),
      growth: verified.growth,
    });
    expect(onDay(pro.days, "2026-12-05")).toMatchObject({
      conversions: 1,
      campaignConversions: { spring: 1 },
    });
    expect(onDay(pro.days, "2026-11-28")).toMatchObject({
      cohortPro: 1,
      campaignCohortPro: { spring: 1 },
    });
    expect(proStep({ signedUpAt: SIGNED_UP, atMs: 1, growth: pro.growth }).days.size).toBe(0);
  });
});

/** A small deterministic PRNG so the shuffled orders are reproducible. */
function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("rebuildGrowth", () => {
  it("equals the incremental steps applied in any settlement order", () => {
    const random = prng(7);
    const users: GrowthUser[] = ["a", "b", "c", "d"].map((uid, i) => ({
      uid,
      signedUpAt: SIGNED_UP + i * 5 * DAY_MS,
      campaignId: i % 2 === 0 ? "spring" : "organic",
      signupCounted: true,
      verifiedAt: i === 3 ? null : SIGNED_UP + i * 5 * DAY_MS + 1000,
      proAt: i === 1 ? SIGNED_UP + 20 * DAY_MS : null,
    }));
    const records: UsageRecord[] = [];
    for (let n = 0; n < 80; n++) {
      const user = users[Math.floor(random() * users.length)] as GrowthUser;
      const withProfile = random() > 0.1;
      records.push(
        usage({
          uid: user.uid,
          requestId: `r${n}`,
          sparkId: `r${n}`,
          createdAt: user.signedUpAt + Math.floor(random() * 60 * DAY_MS),
          status: random() > 0.8 ? "error" : "ok",
          campaignId: user.campaignId,
          signedUpAt: withProfile ? user.signedUpAt : null,
        }),
      );
    }
    const expected = rebuildGrowth({ users, records, landings: [] });
    for (const order of [0, 1, 2]) {
      const shuffled = order === 0 ? records : [...records].sort(() => random() - 0.5);
      const growth = new Map<string, UserGrowth>();
      const months = new Set<string>();
      const steps: Map<string, DayRollup>[] = [];
      for (const user of users) {
        let g: UserGrowth = EMPTY_GROWTH;
        const s = signupStep({
          signedUpAt: user.signedUpAt,
          campaignId: user.campaignId ?? "",
          growth: g,
        });
        steps.push(s.days);
        g = s.growth;
        if (user.verifiedAt !== null) {
          const v = verifiedStep({ signedUpAt: user.signedUpAt, atMs: user.verifiedAt, growth: g });
          steps.push(v.days);
          g = v.growth;
        }
        if (user.proAt !== null) {
          const p = proStep({ signedUpAt: user.signedUpAt, atMs: user.proAt, growth: g });
          steps.push(p.days);
          g = p.growth;
        }
        growth.set(user.uid, g);
      }
      for (const record of shuffled) {
        months.add(`${record.uid} ${record.period}`);
        const step = settlementStep(record, growth.get(record.uid) ?? EMPTY_GROWTH);
        steps.push(step.days);
        growth.set(record.uid, step.growth);
      }
      const incremental = mergeDays(...steps);
      expect(new Map([...incremental].sort())).toEqual(new Map([...expected].sort()));
    }
  });
});
