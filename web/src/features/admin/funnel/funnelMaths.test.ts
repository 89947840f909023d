import { EMPTY_ROLLUP, type DayRollup } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import { funnelSteps, churnInputDays, monthlyChurnRows, weeklyRetention } from "./funnelMaths";

const rollup = (fields: Partial<DayRollup>): DayRollup => ({ ...EMPTY_ROLLUP, ...fields });

const range = rollup({
  landings: 200,
  signups: 40,
  cohortVerified: 30,
  cohortFirstSpark: 20,
  retentionWeeks: { "0": 20, "1": 10 },
  cohortPro: 4,
  campaignLandings: { c1: 50 },
  campaignSignups: { c1: 10 },
  campaignCohortVerified: { c1: 5 },
  campaignCohortFirstSpark: { c1: 0 },
  campaignCohortWeek2: {},
  campaignCohortPro: {},
});

describe("funnelSteps", () => {
  it("gives each step's count and its conversion from the step before", () => {
    expect(funnelSteps(range, null)).toEqual([
      { key: "landing", name: "landing", count: 200, fromPrevious: null },
      { key: "signUp", name: "sign-up", count: 40, fromPrevious: 0.2 },
      { key: "verified", name: "verified", count: 30, fromPrevious: 0.75 },
      { key: "firstSpark", name: "first spark", count: 20, fromPrevious: 2 / 3 },
      { key: "activeWeek2", name: "active in week 2", count: 10, fromPrevious: 0.5 },
      { key: "pro", name: "pro", count: 4, fromPrevious: 0.4 },
    ]);
  });

  it("reads one campaign's counters, with no conversion after a step nobody reached", () => {
    const steps = funnelSteps(range, "c1");
    expect(steps.map((s) => s.count)).toEqual([50, 10, 5, 0, 0, 0]);
    expect(steps.map((s) => s.fromPrevious)).toEqual([null, 0.2, 0.5, 0, null, null]);
  });

  it("is all zeros for a campaign with no data", () => {
    expect(funnelSteps(range, "nope").every((s) => s.count === 0)).toBe(true);
  });
});

describe("weeklyRetention", () => {
  // 2026-11-30 is a Monday (ISO week 49); 2026-12-07 starts week 50.
  const rollups = new Map([
    ["2026-11-30", rollup({ signups: 4, retentionWeeks: { "0": 3, "1": 2, "2": 1 } })],
    ["2026-12-02", rollup({ signups: 6, retentionWeeks: { "0": 5, "1": 1 } })],
    ["2026-12-07", rollup({ signups: 5, retentionWeeks: { "0": 5 } })],
  ]);
  const days = ["2026-12-07", "2026-11-30", "2026-12-01", "2026-12-02"];

  it("groups sign-up days by ISO week and divides each week's actives by its sign-ups", () => {
    const rows = weeklyRetention(rollups, days, "2026-12-14", 4);
    expect(rows).toEqual([
      { week: "2026-W49", signUps: 10, cells: [0.8, 0.3, 0.1, null] },
      { week: "2026-W50", signUps: 5, cells: [1, 0, null, null] },
    ]);
  });

  it("leaves a week with no sign-ups empty", () => {
    const rows = weeklyRetention(new Map(), ["2026-12-01"], "2026-12-30", 2);
    expect(rows).toEqual([{ week: "2026-W49", signUps: 0, cells: [null, null] }]);
  });
});

describe("monthly churn", () => {
  it("needs every day of every month of the range and of the month before", () => {
    const days = churnInputDays(["2026-11-20", "2026-12-02"]);
    expect(days).toHaveLength(31 + 30 + 31);
    expect([days[0], days[31], days[61], days.at(-1)]).toEqual([
      "2026-10-01",
      "2026-11-01",
      "2026-12-01",
      "2026-12-31",
    ]);
    expect(churnInputDays(["2024-03-05"])[28]).toBe("2024-02-29");
  });

  it("is 1 − returning / last month's actives (summed over each month's days)", () => {
    const rollups = new Map([
      ["2026-11-01", rollup({ monthActiveUsers: 6 })],
      ["2026-11-17", rollup({ monthActiveUsers: 4 })],
      ["2026-12-01", rollup({ monthActiveUsers: 7, returningUsers: 4 })],
      ["2026-12-02", rollup({ monthActiveUsers: 5, returningUsers: 2 })],
    ]);
    expect(monthlyChurnRows(rollups, ["2026-11-20", "2026-12-02"])).toEqual([
      { month: "2026-11", churn: null },
      { month: "2026-12", churn: 0.4 },
    ]);
  });
});
