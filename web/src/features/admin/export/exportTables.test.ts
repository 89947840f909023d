import { EMPTY_GROWTH, EMPTY_ROLLUP, type QuotaDoc } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import type { AdminUser } from "../../../data/adminUsers";
import { campaignResults } from "../campaigns/campaignResults";
import { campaignResultsCsv, usersCsv } from "./exportTables";

const user = (uid: string, email: string, campaignId: string | null): AdminUser => ({
  uid,
  user: {
    email,
    displayName: uid,
    createdAt: Date.UTC(2026, 11, 1, 9),
    attribution: null,
    aiDataUseConsent: false,
    plan: "free",
    role: "member",
    growth: { ...EMPTY_GROWTH, campaignId, requests: 3, providerCostMicros: 1_250_000 },
  },
});

const quota = (uid: string, used: number, providerCostMicros: number): QuotaDoc => ({
  uid,
  period: "2026-12",
  used,
  holds: {},
  recent: [],
  requests: 2,
  providerCostMicros,
  activeDays: {},
});

describe("usersCsv", () => {
  it("writes one line per user with the month's and all-time figures", () => {
    const csv = usersCsv(
      [user("u1", "ada@example.com", "c1"), user("u2", "=cmd@evil.test", "organic")],
      new Map([["u1", quota("u1", 1_500, 20_000)]]),
      new Map([["c1", "Spring, 2026"]]),
    );
    expect(csv.split("\r\n")).toEqual([
      "uid,email,plan,role,campaign,signup_date,period_tokens,period_provider_cost_usd,all_time_provider_cost_usd,requests,last_active",
      'u1,ada@example.com,free,member,"Spring, 2026",2026-12-01T09:00:00.000Z,1500,0.02,1.25,3,',
      "u2,'=cmd@evil.test,free,member,Organic,2026-12-01T09:00:00.000Z,0,0,1.25,3,",
      "",
    ]);
  });
});

describe("campaignResultsCsv", () => {
  it("writes a row per result with empty cells for undefined figures", () => {
    const rows = campaignResults({
      campaigns: [
        { id: "c1", name: "Launch", spendUsdByMonth: { "2026-12": 40 }, archived: false },
      ],
      period: "2026-12",
      rollup: { ...EMPTY_ROLLUP, signups: 1, campaignSignups: { c1: 1 } },
      prices: { free: 0, pro: 9 },
      monthlyChurn: null,
    });
    const lines = campaignResultsCsv("2026-12", rows).split("\r\n");
    expect(lines[1]).toBe("2026-12,c1,Launch,40,0,1,40,0,0,0,0,0,0,,");
    expect(lines[2]).toBe("2026-12,organic,Organic,0,0,0,,,0,,,,0,,");
  });
});
