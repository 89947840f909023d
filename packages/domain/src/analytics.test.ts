import { describe, expect, it } from "vitest";
import {
  activeInWeek,
  activeUsers,
  addDays,
  arpuUsd,
  budgetStatus,
  cac,
  campaignRows,
  dauWauMau,
  DayKey,
  dayKey,
  daysBetween,
  forecastMonthEndUsd,
  funnel,
  isoWeekKey,
  lastNDays,
  ltvToCac,
  ltvUsd,
  monthlyChurn,
  monthOfDay,
  paybackMonths,
  productFunnel,
  weeklyCohorts,
  type AnalyticsUser,
  type Campaign,
} from "./analytics.js";

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("day keys", () => {
  it("names the UTC day by default and the local day in a given time zone", () => {
    const lateOn31st = at("2026-01-31T23:30:00Z");
    expect(dayKey(lateOn31st)).toBe("2026-01-31");
    // Tokyo is UTC+9 all year: 23:30 UTC on the 31st is 08:30 on Feb 1st there.
    expect(dayKey(lateOn31st, "Asia/Tokyo")).toBe("2026-02-01");
    expect(monthOfDay(dayKey(lateOn31st, "Asia/Tokyo"))).toBe("2026-02");
    // New York is UTC-5 in winter: 02:00 UTC on Feb 1st is still 21:00 on Jan 31st.
    expect(dayKey(at("2026-02-01T02:00:00Z"), "America/New_York")).toBe("2026-01-31");
  });

  it("follows Europe/Berlin across its daylight-saving changes", () => {
    // Clocks go forward at 01:00 UTC on 2026-03-29: 22:30 UTC is 23:30 (UTC+1) the day before,
    // but 00:30 (UTC+2) the next day once summer time has started.
    expect(dayKey(at("2026-03-28T22:30:00Z"), "Europe/Berlin")).toBe("2026-03-28");
    expect(dayKey(at("2026-03-29T22:30:00Z"), "Europe/Berlin")).toBe("2026-03-30");
    // Clocks go back at 01:00 UTC on 2026-10-25: 22:30 UTC is 00:30 (UTC+2) on the 25th,
    // and 23:30 (UTC+1) on the 25th a day later.
    expect(dayKey(at("2026-10-24T22:30:00Z"), "Europe/Berlin")).toBe("2026-10-25");
    expect(dayKey(at("2026-10-25T22:30:00Z"), "Europe/Berlin")).toBe("2026-10-25");
  });

  it("refuses an unknown time zone and an invalid instant", () => {
    expect(() => dayKey(0, "Mars/Olympus")).toThrow(RangeError);
    expect(() => dayKey(Number.NaN)).toThrow(RangeError);
  });

  it("lists the days of a range, both ends included, across month ends and leap days", () => {
    expect(daysBetween("2026-01-30", "2026-02-02")).toEqual([
      "2026-01-30",
      "2026-01-31",
      "2026-02-01",
      "2026-02-02",
    ]);
    // 2028 is a leap year (divisible by 4, not by 100): Feb 29 sits between 28 and Mar 1.
    expect(daysBetween("2028-02-28", "2028-03-01")).toEqual([
      "2028-02-28",
      "2028-02-29",
      "2028-03-01",
    ]);
    // 2026 is not: Feb 28 is followed by Mar 1.
    expect(daysBetween("2026-02-28", "2026-03-01")).toEqual(["2026-02-28", "2026-03-01"]);
    expect(daysBetween("2026-05-05", "2026-05-05")).toEqual(["2026-05-05"]);
    expect(daysBetween("2026-05-06", "2026-05-05")).toEqual([]);
  });

  it("gives the last n days ending today, oldest first", () => {
    expect(lastNDays(3, "2026-03-01")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
    expect(lastNDays(2, "2028-03-01")).toEqual(["2028-02-29", "2028-03-01"]);
    expect(lastNDays(2, "2026-01-01")).toEqual(["2025-12-31", "2026-01-01"]);
    expect(lastNDays(0, "2026-03-01")).toEqual([]);
    expect(() => lastNDays(-1, "2026-03-01")).toThrow(RangeError);
  });

  it("moves a day key by whole days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });

  it("rejects day keys that are not real dates", () => {
    expect(() => daysBetween("2026-02-29", "2026-03-01")).toThrow(RangeError);
    expect(() => lastNDays(1, "2026-2-1")).toThrow(RangeError);
    expect(DayKey.safeParse("2028-02-29").success).toBe(true);
    expect(DayKey.safeParse("2026-02-29").success).toBe(false);
    expect(DayKey.safeParse("2026-13-01").success).toBe(false);
  });

  it("names the ISO week of a day, whose year is the year of its Thursday", () => {
    // 2026-01-01 is a Thursday, so week 1 runs Mon 2025-12-29 .. Sun 2026-01-04.
    // 2026-12-02 is a Wednesday; its Thursday Dec 3 is day 337: floor(336 / 7) + 1 = 49.
    expect(isoWeekKey("2026-12-02")).toBe("2026-W49");
    expect(isoWeekKey("2025-12-29")).toBe("2026-W01");
    expect(isoWeekKey("2026-01-04")).toBe("2026-W01");
    expect(isoWeekKey("2026-01-05")).toBe("2026-W02");
    // 2027-01-01 is a Friday; its Thursday is 2026-12-31, day 365: floor(364 / 7) + 1 = 53.
    expect(isoWeekKey("2027-01-01")).toBe("2026-W53");
    // 2027's first Thursday is Jan 7, day 7: floor(6 / 7) + 1 = 1, so Sun Jan 3 is still 2026's.
    expect(isoWeekKey("2027-01-03")).toBe("2026-W53");
    expect(isoWeekKey("2027-01-04")).toBe("2027-W01");
    // 2024-12-30 is a Monday whose Thursday is 2025-01-02.
    expect(isoWeekKey("2024-12-30")).toBe("2025-W01");
  });

  it("gives the month of a day key", () => {
    expect(monthOfDay("2028-02-29")).toBe("2028-02");
    expect(monthOfDay("2026-12-31")).toBe("2026-12");
  });
});

describe("active users", () => {
  const activity = [
    { uid: "a", day: "2026-03-07" },
    { uid: "a", day: "2026-03-07" },
    { uid: "a", day: "2026-02-06" },
    { uid: "b", day: "2026-03-01" },
    { uid: "c", day: "2026-02-28" },
    { uid: "d", day: "2026-02-05" },
    { uid: "e", day: "2026-03-08" },
  ];

  it("counts each user once within a window that ends on the given day", () => {
    // 7 days ending Mar 7 start on Mar 1: a and b; e is the day after, c the day before.
    expect(activeUsers(activity, { day: "2026-03-07", windowDays: 7 })).toEqual(
      new Set(["a", "b"]),
    );
    // 8 days reach back over the month end to Feb 28 (2026 has no Feb 29): c joins.
    expect(activeUsers(activity, { day: "2026-03-07", windowDays: 8 })).toEqual(
      new Set(["a", "b", "c"]),
    );
    expect(() => activeUsers(activity, { day: "2026-03-07", windowDays: 0 })).toThrow(RangeError);
  });

  it("gives DAU, WAU, MAU and stickiness over rolling 1, 7 and 30 days", () => {
    // 30 days ending Mar 7: Mar 1..7 is 7 days, Feb 6..28 is 23 more, so d (Feb 5) is out.
    // dau = {a}, wau = {a, b}, mau = {a, b, c}; stickiness = 1 / 3.
    expect(dauWauMau(activity, "2026-03-07")).toEqual({
      dau: 1,
      wau: 2,
      mau: 3,
      stickiness: 1 / 3,
    });
  });

  it("reports zero stickiness rather than NaN for a period nobody was active in", () => {
    expect(dauWauMau([], "2026-03-07")).toEqual({ dau: 0, wau: 0, mau: 0, stickiness: 0 });
  });
});

describe("monthlyChurn", () => {
  it("is the share of last month's active users not seen this month", () => {
    const activity = [
      { uid: "a", day: "2026-02-01" },
      { uid: "b", day: "2026-02-28" },
      { uid: "c", day: "2026-02-14" },
      { uid: "a", day: "2026-03-31" },
      { uid: "d", day: "2026-03-02" },
    ];
    // February: a, b, c. March: a, d. Churned: b, c → 2 / 3.
    expect(monthlyChurn(activity, "2026-03")).toBe(2 / 3);
  });

  it("compares January with the December before it", () => {
    const activity = [
      { uid: "a", day: "2025-12-31" },
      { uid: "b", day: "2025-12-01" },
      { uid: "b", day: "2026-01-01" },
    ];
    // December: a, b. January: b. Churned: a → 1 / 2.
    expect(monthlyChurn(activity, "2026-01")).toBe(0.5);
  });

  it("is undefined (null) when nobody was active last month", () => {
    expect(monthlyChurn([{ uid: "a", day: "2026-03-03" }], "2026-03")).toBeNull();
    expect(() => monthlyChurn([], "2026-3")).toThrow(RangeError);
  });
});

describe("unit economics", () => {
  it("divides spend by new users, exactly to the micro-dollar", () => {
    expect(cac({ spendUsd: 1000, newUsers: 40 })).toBe(25); // 1000 / 40
    // 0.1 + 0.2 is 0.30000000000000004 in floats; 300_000 µUSD / 3 = 100_000 µUSD = $0.1.
    expect(cac({ spendUsd: 0.1 + 0.2, newUsers: 3 })).toBe(0.1);
    // 100_000_000 µUSD / 3 = 33_333_333.3 → 33_333_333 µUSD.
    expect(cac({ spendUsd: 100, newUsers: 3 })).toBe(33.333333);
  });

  it("leaves CAC undefined with zero sign-ups and free with zero spend", () => {
    expect(cac({ spendUsd: 500, newUsers: 0 })).toBeNull();
    expect(cac({ spendUsd: 0, newUsers: 0 })).toBeNull();
    expect(cac({ spendUsd: 0, newUsers: 5 })).toBe(0);
  });

  it("refuses negative spend and fractional user counts", () => {
    expect(() => cac({ spendUsd: -1, newUsers: 2 })).toThrow(RangeError);
    expect(() => cac({ spendUsd: 1, newUsers: 1.5 })).toThrow(RangeError);
    expect(() => arpuUsd({ revenueUsd: Number.NaN, users: 2 })).toThrow(RangeError);
  });

  it("gives ARPU, null without users", () => {
    expect(arpuUsd({ revenueUsd: 90, users: 10 })).toBe(9); // 90 / 10
    expect(arpuUsd({ revenueUsd: 0, users: 0 })).toBeNull();
  });

  it("gives LTV as ARPU × margin / churn, null when nobody churns", () => {
    expect(ltvUsd({ arpuMonthlyUsd: 10, monthlyChurn: 0.05, grossMargin: 0.8 })).toBe(160); // 10 × 0.8 / 0.05
    expect(ltvUsd({ arpuMonthlyUsd: 10, monthlyChurn: 0, grossMargin: 0.8 })).toBeNull();
    expect(() => ltvUsd({ arpuMonthlyUsd: 10, monthlyChurn: 1.2, grossMargin: 0.8 })).toThrow(
      RangeError,
    );
  });

  it("gives LTV:CAC, null when CAC is undefined or zero", () => {
    expect(ltvToCac({ ltvUsd: 160, cacUsd: 40 })).toBe(4); // 160 / 40
    expect(ltvToCac({ ltvUsd: 160, cacUsd: 0 })).toBeNull();
    expect(ltvToCac({ ltvUsd: 160, cacUsd: null })).toBeNull();
    expect(ltvToCac({ ltvUsd: null, cacUsd: 40 })).toBeNull();
  });

  it("gives payback months as CAC / (ARPU × margin), null when nothing is earned", () => {
    expect(paybackMonths({ cacUsd: 40, arpuMonthlyUsd: 10, grossMargin: 0.8 })).toBe(5); // 40 / 8
    expect(paybackMonths({ cacUsd: 40, arpuMonthlyUsd: 0, grossMargin: 0.8 })).toBeNull();
    expect(paybackMonths({ cacUsd: 40, arpuMonthlyUsd: 10, grossMargin: 0 })).toBeNull();
    expect(paybackMonths({ cacUsd: null, arpuMonthlyUsd: 10, grossMargin: 0.8 })).toBeNull();
  });
});

describe("campaignRows", () => {
  const campaigns: Campaign[] = [
    { id: "winter", name: "Winter ads", spendUsdByMonth: { "2025-12": 999, "2026-01": 180 } },
    { id: "podcast", name: "Podcast", spendUsdByMonth: { "2026-01": 50 } },
    { id: "old", name: "Old", spendUsdByMonth: { "2025-12": 100 } },
  ];
  const user = (
    uid: string,
    campaignId: string | null,
    signedUpAt: string,
    plan: AnalyticsUser["plan"],
    firstSparkAfterMs: number | null,
  ): AnalyticsUser => ({
    uid,
    campaignId,
    signedUpAtMs: at(signedUpAt),
    plan,
    firstSparkAtMs: firstSparkAfterMs === null ? null : at(signedUpAt) + firstSparkAfterMs,
  });
  const users: AnalyticsUser[] = [
    user("u1", "winter", "2026-01-10T00:00:00Z", "pro", HOUR),
    // Upgraded on Jan 25; first spark exactly at the end of the 7-day window.
    user(
      "u2",
      "winter",
      "2026-01-20T12:00:00Z",
      [{ plan: "pro", sinceMs: at("2026-01-25") }],
      7 * DAY,
    ),
    // 23:30 UTC on Jan 31 is January (periods are UTC), though Feb 1 in Tokyo. Spark a day late.
    user("u3", "winter", "2026-01-31T23:30:00Z", "free", 8 * DAY),
    user("u9", "winter", "2026-01-02T00:00:00Z", "free", DAY),
    // Outside the period: the last hour of December and the first instant of February.
    user("u4", "winter", "2025-12-31T23:00:00Z", "pro", HOUR),
    user("u5", "winter", "2026-02-01T00:00:00Z", "pro", HOUR),
    // Pro from Jan 6 to Jan 20: converted, but on free (paying nothing) when January ends.
    user(
      "u6",
      "organic",
      "2026-01-05T00:00:00Z",
      [
        { plan: "pro", sinceMs: at("2026-01-06") },
        { plan: "free", sinceMs: at("2026-01-20") },
      ],
      null,
    ),
    user("u7", null, "2026-01-15T00:00:00Z", "free", 0),
    // A campaign nobody registered spend for counts as unattributed; upgraded only in February.
    user(
      "u8",
      "retired",
      "2026-01-16T00:00:00Z",
      [{ plan: "pro", sinceMs: at("2026-02-03") }],
      null,
    ),
  ];
  const aiCostUsdByUid = { u1: 0.1, u2: 0.2, u3: 0.05, u9: 0.15, u4: 9, u5: 9, u6: 0.3, u8: 0.3 };
  const rows = campaignRows({
    campaigns,
    users,
    aiCostUsdByUid,
    planPricesUsd: { free: 0, pro: 12 },
    period: "2026-01",
    monthlyChurn: 0.05,
    grossMargin: 0.75,
  });
  const row = (id: string) => rows.find((r) => r.id === id);

  it("lists the campaigns in order, then organic, unattributed and overall", () => {
    expect(rows.map((r) => r.id)).toEqual([
      "winter",
      "podcast",
      "old",
      "organic",
      "unattributed",
      "overall",
    ]);
  });

  it("works out a campaign's CAC, activation, AI cost, conversion, ARPU, LTV:CAC and payback", () => {
    expect(row("winter")).toEqual({
      id: "winter",
      name: "Winter ads",
      spendUsd: 180, // January only; December's 999 is another period
      signUps: 4, // u1, u2, u3, u9 (u4 is December, u5 February)
      cacUsd: 45, // 180 / 4
      activationRate: 0.75, // u1 (1 h), u2 (7 d exactly), u9 (1 d); not u3 (8 d) → 3 / 4
      aiCostUsd: 0.5, // 0.1 + 0.2 + 0.05 + 0.15 = 500_000 µUSD
      aiCostPerUserUsd: 0.125, // 0.5 / 4
      proConversionRate: 0.5, // u1, u2 → 2 / 4
      arpuUsd: 6, // (12 + 12 + 0 + 0) / 4
      ltvToCac: 2, // LTV = 6 × 0.75 / 0.05 = 90; 90 / 45
      paybackMonths: 10, // 45 / (6 × 0.75)
    });
  });

  it("leaves rates undefined for a campaign that spent but brought nobody", () => {
    expect(row("podcast")).toMatchObject({
      spendUsd: 50,
      signUps: 0,
      cacUsd: null,
      activationRate: null,
      aiCostUsd: 0,
      aiCostPerUserUsd: null,
      proConversionRate: null,
      arpuUsd: null,
      ltvToCac: null,
      paybackMonths: null,
    });
    expect(row("old")).toMatchObject({ spendUsd: 0, signUps: 0, cacUsd: null });
  });

  it("gives organic sign-ups a CAC of zero and counts a lapsed upgrade as converted", () => {
    expect(row("organic")).toMatchObject({
      spendUsd: 0,
      signUps: 1,
      cacUsd: 0, // 0 / 1
      activationRate: 0, // u6 never sparked
      aiCostUsd: 0.3,
      proConversionRate: 1, // pro from Jan 6 to Jan 20
      arpuUsd: 0, // on free when January ends
      ltvToCac: null, // CAC 0: no ratio
      paybackMonths: null, // nothing earned
    });
  });

  it("puts unattributed sign-ups and unknown campaigns together, at no spend", () => {
    expect(row("unattributed")).toMatchObject({
      signUps: 2, // u7 (no campaign), u8 ("retired" is not a known campaign)
      cacUsd: 0,
      activationRate: 0.5, // u7 sparked at sign-up; u8 never → 1 / 2
      aiCostUsd: 0.3, // u7 has no usage: 0 + 0.3
      aiCostPerUserUsd: 0.15,
      proConversionRate: 0, // u8 became pro in February, after the period
    });
  });

  it("sums all spend over all sign-ups in the overall row", () => {
    const overall = row("overall");
    expect(overall).toMatchObject({
      spendUsd: 230, // 180 + 50 + 0
      signUps: 7, // 4 + 1 + 2
      cacUsd: 32.857143, // 230_000_000 µUSD / 7 = 32_857_142.86 → 32_857_143
      activationRate: 4 / 7, // u1, u2, u9, u7
      aiCostUsd: 1.1, // 0.5 + 0.3 + 0.3
      aiCostPerUserUsd: 0.157143, // 1_100_000 / 7 = 157_142.86 → 157_143 µUSD
      proConversionRate: 3 / 7, // u1, u2, u6
      arpuUsd: 3.428571, // 24_000_000 / 7 = 3_428_571.43 → 3_428_571 µUSD
    });
    // LTV = 3.428571 × 0.75 / 0.05 = 51.428565; 51.428565 / 32.857143 ≈ 1.5652.
    expect(overall?.ltvToCac).toBeCloseTo(1.5652, 4);
    // 32.857143 / (3.428571 × 0.75 = 2.57142825) ≈ 12.7778.
    expect(overall?.paybackMonths).toBeCloseTo(12.7778, 4);
  });

  it("counts a first spark on the window's last instant as activation, not one day later", () => {
    const signedUp = "2026-04-10T09:00:00Z";
    const rowsFor = (sparkAfterMs: number) =>
      campaignRows({
        campaigns: [],
        users: [user("x", "organic", signedUp, "free", sparkAfterMs)],
        aiCostUsdByUid: {},
        planPricesUsd: { free: 0, pro: 12 },
        period: "2026-04",
        monthlyChurn: 0.05,
        grossMargin: 0.75,
      })[0]?.activationRate;
    expect(rowsFor(7 * DAY - HOUR)).toBe(1); // the 7th day
    expect(rowsFor(7 * DAY)).toBe(1); // 7 × 24 h after sign-up, the window's end
    expect(rowsFor(7 * DAY + 1)).toBe(0);
    expect(rowsFor(8 * DAY)).toBe(0); // one day after the window
  });

  it("gives an empty period zero counts and undefined rates", () => {
    const empty = campaignRows({
      campaigns,
      users: [],
      aiCostUsdByUid: {},
      planPricesUsd: { free: 0, pro: 12 },
      period: "2028-02",
      monthlyChurn: 0.05,
      grossMargin: 0.75,
    });
    expect(empty.map((r) => [r.id, r.signUps, r.spendUsd, r.cacUsd])).toEqual([
      ["winter", 0, 0, null],
      ["podcast", 0, 0, null],
      ["old", 0, 0, null],
      ["organic", 0, 0, null],
      ["unattributed", 0, 0, null],
      ["overall", 0, 0, null],
    ]);
  });

  it("refuses reserved or repeated campaign ids and a malformed period", () => {
    const base = {
      users: [],
      aiCostUsdByUid: {},
      planPricesUsd: { free: 0, pro: 12 },
      period: "2026-01",
      monthlyChurn: 0.05,
      grossMargin: 0.75,
    };
    const organic = { id: "organic", name: "Organic?", spendUsdByMonth: {} };
    expect(() => campaignRows({ ...base, campaigns: [organic] })).toThrow(RangeError);
    const twice = [campaigns[0], campaigns[0]].filter((c) => c !== undefined);
    expect(() => campaignRows({ ...base, campaigns: twice })).toThrow(RangeError);
    expect(() => campaignRows({ ...base, campaigns, period: "2026-1" })).toThrow(RangeError);
  });
});

describe("funnel", () => {
  const tens = ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10"];

  it("counts a user at a step only when they reached every earlier step", () => {
    const rows = productFunnel({
      landing: new Set(tens),
      signUp: ["v1", "v2", "v3", "v4", "v5", "v6", "x1"], // x1 never landed
      verified: ["v1", "v2", "v3", "v4", "x1"],
      firstSpark: ["v1", "v2", "v3", "v5"], // v5 is not verified
      activeWeek2: ["v1", "v2", "v5"],
      pro: ["v1", "v5", "x1"],
    });
    expect(rows).toEqual([
      { name: "landing", users: 10, fromPrevious: 1, fromFirst: 1 },
      { name: "sign-up", users: 6, fromPrevious: 0.6, fromFirst: 0.6 }, // v1..v6
      { name: "verified", users: 4, fromPrevious: 4 / 6, fromFirst: 0.4 }, // v1..v4
      { name: "first spark", users: 3, fromPrevious: 0.75, fromFirst: 0.3 }, // v1..v3
      { name: "active in week 2", users: 2, fromPrevious: 2 / 3, fromFirst: 0.2 }, // v1, v2
      { name: "pro", users: 1, fromPrevious: 0.5, fromFirst: 0.1 }, // v1
    ]);
  });

  it("counts repeated ids once and leaves conversion undefined after an empty step", () => {
    expect(
      funnel([
        { name: "a", users: ["u1", "u1", "u2"] },
        { name: "b", users: ["u3"] },
        { name: "c", users: ["u3"] },
      ]),
    ).toEqual([
      { name: "a", users: 2, fromPrevious: 1, fromFirst: 1 },
      { name: "b", users: 0, fromPrevious: 0, fromFirst: 0 },
      { name: "c", users: 0, fromPrevious: null, fromFirst: 0 },
    ]);
    expect(funnel([{ name: "a", users: [] }])).toEqual([
      { name: "a", users: 0, fromPrevious: null, fromFirst: null },
    ]);
    expect(funnel([])).toEqual([]);
  });

  it("finds users active in their second week after sign-up", () => {
    const t = at("2026-06-01T10:00:00Z");
    const users = ["a", "b", "c", "d"].map((uid) => ({ uid, signedUpAtMs: t }));
    const activity = [
      { uid: "a", atMs: t + 7 * DAY - 1 }, // still week 1
      { uid: "b", atMs: t + 7 * DAY }, // first instant of week 2
      { uid: "c", atMs: t + 14 * DAY - 1 }, // last instant of week 2
      { uid: "d", atMs: t + 14 * DAY }, // week 3
      { uid: "stranger", atMs: t + 8 * DAY },
    ];
    expect(activeInWeek(users, activity, 1)).toEqual(new Set(["b", "c"]));
  });
});

describe("weeklyCohorts", () => {
  // 2026-05-31 is a Sunday (ISO week 22); 2026-06-01 a Monday (week 23).
  const users = [
    { uid: "t", signedUpAtMs: at("2026-05-31T23:30:00Z") }, // Mon Jun 1, 08:30 in Tokyo
    { uid: "a", signedUpAtMs: at("2026-06-01T10:00:00Z") }, // W23
    { uid: "b", signedUpAtMs: at("2026-06-07T10:00:00Z") }, // Sun, W23 (19:00 in Tokyo)
    { uid: "c", signedUpAtMs: at("2026-06-10T10:00:00Z") }, // W24
  ];
  const activity = [
    { uid: "t", atMs: at("2026-06-03T12:00:00Z") }, // W23
    { uid: "a", atMs: at("2026-06-09T12:00:00Z") }, // W24
    { uid: "a", atMs: at("2026-06-10T12:00:00Z") }, // W24 again
    { uid: "a", atMs: at("2026-06-16T12:00:00Z") }, // W25
    { uid: "b", atMs: at("2026-06-15T12:00:00Z") }, // W25
    { uid: "c", atMs: at("2026-06-16T12:00:00Z") }, // W25
    { uid: "c", atMs: at("2026-06-01T12:00:00Z") }, // before c signed up: ignored
    { uid: "stranger", atMs: at("2026-06-16T12:00:00Z") },
  ];

  it("gives each UTC sign-up week its size and share active in weeks 0..N", () => {
    expect(weeklyCohorts(users, activity, { weeks: 2 })).toEqual([
      { week: "2026-W22", size: 1, retention: [1, 1, 0] }, // t: W23 yes, W24 no
      { week: "2026-W23", size: 2, retention: [1, 0.5, 1] }, // a, b: W24 {a}, W25 {a, b}
      { week: "2026-W24", size: 1, retention: [1, 1, 0] }, // c: W25 yes, W26 no
    ]);
  });

  it("groups by the local week when given a time zone", () => {
    expect(weeklyCohorts(users, activity, { weeks: 2, timeZone: "Asia/Tokyo" })).toEqual([
      { week: "2026-W23", size: 3, retention: [1, 1 / 3, 2 / 3] }, // t, a, b: W24 {a}, W25 {a, b}
      { week: "2026-W24", size: 1, retention: [1, 1, 0] },
    ]);
  });

  it("leaves weeks that have not started yet undefined", () => {
    const rows = weeklyCohorts(users, activity, { weeks: 2, nowMs: at("2026-06-17T00:00:00Z") });
    // Now is in W25: W24's week 2 is W26, still to come.
    expect(rows.map((r) => r.retention)).toEqual([
      [1, 1, 0],
      [1, 0.5, 1],
      [1, 1, null],
    ]);
  });

  it("keeps an empty week between cohorts, with undefined retention", () => {
    const rows = weeklyCohorts(
      [
        { uid: "a", signedUpAtMs: at("2026-06-01T10:00:00Z") },
        { uid: "b", signedUpAtMs: at("2026-06-15T10:00:00Z") },
      ],
      [],
      { weeks: 1 },
    );
    expect(rows).toEqual([
      { week: "2026-W23", size: 1, retention: [1, 0] },
      { week: "2026-W24", size: 0, retention: [null, null] },
      { week: "2026-W25", size: 1, retention: [1, 0] },
    ]);
    expect(weeklyCohorts([], [], { weeks: 4 })).toEqual([]);
  });
});

describe("forecastMonthEndUsd", () => {
  it("extends the month's run rate to its last day", () => {
    // January has 31 days; 10 days gone: 100 × 31 / 10.
    const jan11 = at("2026-01-11T00:00:00Z");
    expect(forecastMonthEndUsd({ spentUsd: 100, nowMs: jan11, period: "2026-01" })).toBe(310);
  });

  it("uses February's real length, 28 days or 29 in a leap year", () => {
    // 7 days gone: 70 × 28 / 7 = 280 in 2026, 70 × 29 / 7 = 290 in 2028.
    const feb8 = (year: number) => at(`${year}-02-08T00:00:00Z`);
    expect(forecastMonthEndUsd({ spentUsd: 70, nowMs: feb8(2026), period: "2026-02" })).toBe(280);
    expect(forecastMonthEndUsd({ spentUsd: 70, nowMs: feb8(2028), period: "2028-02" })).toBe(290);
  });

  it("rounds the forecast half up to the micro-dollar", () => {
    // 10 of 31 January days gone: 5 µUSD × 31 / 10 = 15.5 µUSD → 16 µUSD.
    const jan11 = at("2026-01-11T00:00:00Z");
    expect(forecastMonthEndUsd({ spentUsd: 0.000005, nowMs: jan11, period: "2026-01" })).toBe(
      0.000016,
    );
  });

  it("stays exact to the micro-dollar", () => {
    // Halfway through January (15.5 of 31 days) doubles the spend: 300_000 µUSD → 600_000.
    const half = at("2026-01-16T12:00:00Z");
    expect(forecastMonthEndUsd({ spentUsd: 0.1 + 0.2, nowMs: half, period: "2026-01" })).toBe(0.6);
  });

  it("gives what was spent at the month's first instant, its last, and after it", () => {
    const forecast = (iso: string) =>
      forecastMonthEndUsd({ spentUsd: 100, nowMs: at(iso), period: "2026-01" });
    expect(forecast("2026-01-01T00:00:00.000Z")).toBe(100);
    // 100 × 31 d / (31 d − 1 ms) = 100.0000000373 → rounds to 100_000_000 µUSD.
    expect(forecast("2026-01-31T23:59:59.999Z")).toBe(100);
    expect(forecast("2026-02-01T00:00:00.000Z")).toBe(100);
    expect(forecast("2025-12-31T23:59:59.999Z")).toBe(100);
    expect(
      forecastMonthEndUsd({
        spentUsd: 0,
        nowMs: at("2026-01-01T00:00:00.001Z"),
        period: "2026-01",
      }),
    ).toBe(0);
  });
});

describe("budgetStatus", () => {
  const thresholds = [0.5, 0.8, 1];

  it("lists the thresholds spend has reached and whether the forecast passes the budget", () => {
    // 80 ≥ 0.5 × 100 and ≥ 0.8 × 100, < 1 × 100; forecast 120 > 100.
    expect(budgetStatus({ spentUsd: 80, forecastUsd: 120, budgetUsd: 100, thresholds })).toEqual({
      crossed: [0.5, 0.8],
      forecastOverBudget: true,
    });
    expect(
      budgetStatus({ spentUsd: 79.999999, forecastUsd: 100, budgetUsd: 100, thresholds }),
    ).toEqual({ crossed: [0.5], forecastOverBudget: false }); // a forecast of exactly 100 is on budget
  });

  it("compares in micro-dollars, so a threshold is reached exactly at its share", () => {
    // 0.07 × 100 is 7.000000000000001 in floats; in µUSD it is exactly 7_000_000.
    expect(
      budgetStatus({ spentUsd: 7, forecastUsd: 7, budgetUsd: 100, thresholds: [0.07] }).crossed,
    ).toEqual([0.07]);
  });

  it("treats a budget of 0 as not set", () => {
    expect(budgetStatus({ spentUsd: 50, forecastUsd: 90, budgetUsd: 0, thresholds })).toEqual({
      crossed: [],
      forecastOverBudget: false,
    });
    expect(() =>
      budgetStatus({ spentUsd: 1, forecastUsd: 1, budgetUsd: 10, thresholds: [0] }),
    ).toThrow(RangeError);
  });
});
