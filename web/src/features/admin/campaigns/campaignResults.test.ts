import { EMPTY_ROLLUP, type DayRollup } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import {
  campaignResults,
  churnFromRollups,
  grossMargin,
  periodDays,
  type CampaignSummary,
} from "./campaignResults";

const period = "2026-12";
const prices = { free: 0, pro: 9 };

const campaign = (id: string, spend: number, archived = false): CampaignSummary => ({
  id,
  name: `Campaign ${id}`,
  spendUsdByMonth: { [period]: spend, "2026-11": 999 },
  archived,
});

const rollup = (fields: Partial<DayRollup>): DayRollup => ({ ...EMPTY_ROLLUP, ...fields });

// Hand-checked month: c1 paid $100 for 4 sign-ups (2 activated, 1 pro, $2 of AI), c2 cost
// nothing and brought 2, c3 paid $50 and brought nobody; 1 organic sign-up, 1 unattributed.
const month = rollup({
  landings: 60,
  signups: 8,
  cohortActivated: 3,
  cohortPro: 1,
  providerCostMicros: 3_000_000,
  campaignLandings: { c1: 40, c2: 10, c3: 5 },
  campaignSignups: { c1: 4, c2: 2, organic: 1, unattributed: 1 },
  campaignCohortActivated: { c1: 2, organic: 1 },
  campaignCohortPro: { c1: 1 },
  campaignCostMicros: { c1: 2_000_000, organic: 500_000, gone: 500_000 },
});

function results(churn: number | null = 0.25) {
  return campaignResults({
    campaigns: [campaign("c1", 100), campaign("c2", 0), campaign("c3", 50)],
    period,
    rollup: month,
    prices,
    monthlyChurn: churn,
  });
}

const row = (id: string, rows = results()) => {
  const found = rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};

describe("campaignResults", () => {
  it("lists each campaign, then Organic, Unattributed and Overall", () => {
    expect(results().map((r) => r.name)).toEqual([
      "Campaign c1",
      "Campaign c2",
      "Campaign c3",
      "Organic",
      "Unattributed",
      "Overall",
    ]);
  });

  it("works out CAC, activation, AI cost, conversion and unit economics of a paid campaign", () => {
    const c1 = row("c1");
    expect(c1).toMatchObject({
      spendUsd: 100,
      landings: 40,
      signUps: 4,
      cacUsd: 25,
      activationRate: 0.5,
      aiCostUsd: 2,
      aiCostPerUserUsd: 0.5,
      proConversionRate: 0.25,
      arpuUsd: 2.25,
    });
    // Revenue $9 (one pro), AI $2: margin 7/9; LTV = 2.25 × 7/9 / 0.25 = $7.
    expect(c1.grossMargin).toBeCloseTo(7 / 9, 10);
    expect(c1.ltvToCac).toBeCloseTo(7 / 25, 6);
    // CAC 25 / (2.25 × 7/9 = 1.75 a month) = 14.29 months.
    expect(c1.paybackMonths).toBeCloseTo(25 / 1.75, 6);
  });

  it("gives a campaign with no spend a CAC of 0 and no LTV:CAC or payback", () => {
    expect(row("c2")).toMatchObject({
      spendUsd: 0,
      signUps: 2,
      cacUsd: 0,
      arpuUsd: 0,
      grossMargin: 0,
      ltvToCac: null,
      paybackMonths: null,
    });
  });

  it("leaves per-user figures empty for a campaign with spend and no sign-ups", () => {
    expect(row("c3")).toMatchObject({
      spendUsd: 50,
      landings: 5,
      signUps: 0,
      cacUsd: null,
      activationRate: null,
      aiCostPerUserUsd: null,
      proConversionRate: null,
      arpuUsd: null,
      ltvToCac: null,
      paybackMonths: null,
    });
  });

  it("counts sign-ups and cost of deleted campaigns as unattributed", () => {
    expect(row("unattributed")).toMatchObject({ signUps: 1, aiCostUsd: 0.5, spendUsd: 0 });
    expect(row("organic")).toMatchObject({ signUps: 1, landings: 5, cacUsd: 0 });
  });

  it("puts all spend against all sign-ups and the whole AI bill in Overall", () => {
    expect(row("overall")).toMatchObject({
      spendUsd: 150,
      landings: 60,
      signUps: 8,
      cacUsd: 18.75,
      activationRate: 3 / 8,
      aiCostUsd: 3,
      aiCostPerUserUsd: 0.375,
      proConversionRate: 1 / 8,
      arpuUsd: 1.125,
    });
  });

  it("has no LTV:CAC without a churn figure", () => {
    expect(row("c1", results(null)).ltvToCac).toBeNull();
    expect(row("c1", results(null)).paybackMonths).toBeCloseTo(25 / 1.75, 6);
  });

  it("hides an archived campaign with nothing this month, keeps one that had spend", () => {
    const rows = campaignResults({
      campaigns: [campaign("c1", 0, true), campaign("c3", 50, true)],
      period,
      rollup: rollup({}),
      prices,
      monthlyChurn: null,
    });
    expect(rows.map((r) => r.id)).toEqual(["c3", "organic", "unattributed", "overall"]);
  });
});

describe("grossMargin", () => {
  it("is 1 − cost / revenue, clamped to [0, 1], and 0 without revenue", () => {
    expect(grossMargin(10_000_000, 2_500_000)).toBe(0.75);
    expect(grossMargin(1_000_000, 3_000_000)).toBe(0);
    expect(grossMargin(0, 0)).toBe(0);
    expect(grossMargin(5, 0)).toBe(1);
  });
});

describe("churnFromRollups", () => {
  it("is the share of last month's actives that did not return", () => {
    expect(churnFromRollups(rollup({ monthActiveUsers: 20 }), rollup({ returningUsers: 15 }))).toBe(
      0.25,
    );
  });

  it("is unknown when nobody was active the month before", () => {
    expect(churnFromRollups(rollup({}), rollup({ returningUsers: 3 }))).toBeNull();
  });
});

describe("periodDays", () => {
  it("runs from the 1st to today in the current month, and to the last day of a past one", () => {
    const now = Date.UTC(2026, 11, 3, 12);
    expect(periodDays("2026-12", now)).toEqual(["2026-12-01", "2026-12-02", "2026-12-03"]);
    expect(periodDays("2026-02", now)).toHaveLength(28);
    expect(periodDays("2026-02", now).at(-1)).toBe("2026-02-28");
    expect(periodDays("2027-01", now)).toEqual([]);
  });
});
