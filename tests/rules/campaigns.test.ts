// campaigns/{id}: admin-only marketing campaigns (link parameters, spend per month) for CAC.
import { doc, setDoc, type DocumentData } from "firebase/firestore";
import { CampaignDoc } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import { ruleCases, useRulesHarness } from "../support/rulesHarness.js";
import { campaignDoc, omit } from "./fixtures.js";

const rules = useRulesHarness("campaigns/{id}");

describe("campaigns/{id} shape", () => {
  const cases: { name: string; allowed: boolean; data: DocumentData }[] = [
    { name: "a valid campaign", allowed: true, data: campaignDoc() },
    {
      name: "a referral code and no utm_source",
      allowed: true,
      data: campaignDoc({ utmSource: null, utmMedium: null, referralCode: "FRIENDS-2026" }),
    },
    { name: "no spend yet", allowed: true, data: campaignDoc({ spendUsdByMonth: {} }) },
    { name: "archived", allowed: true, data: campaignDoc({ archived: true }) },
    {
      name: "neither utm_source nor a referral code",
      allowed: false,
      data: campaignDoc({ utmSource: null, referralCode: null }),
    },
    {
      name: "a referral code with spaces",
      allowed: false,
      data: campaignDoc({ referralCode: "a b c" }),
    },
    {
      name: "a 2-character referral code",
      allowed: false,
      data: campaignDoc({ referralCode: "ab" }),
    },
    { name: "spend as a number", allowed: false, data: campaignDoc({ spendUsdByMonth: 250 }) },
    {
      name: "61 months of spend",
      allowed: false,
      data: campaignDoc({
        spendUsdByMonth: Object.fromEntries(
          Array.from({ length: 61 }, (_, i) => [
            `20${String(20 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, "0")}`,
            1,
          ]),
        ),
      }),
    },
    ...["name", "utmSource", "referralCode", "spendUsdByMonth", "createdAt", "archived"].map(
      (key) => ({ name: `no ${key}`, allowed: false, data: omit(campaignDoc(), key) }),
    ),
    { name: "an empty name", allowed: false, data: campaignDoc({ name: "" }) },
    { name: "a 101-character name", allowed: false, data: campaignDoc({ name: "n".repeat(101) }) },
    {
      name: "a 101-character utm_source",
      allowed: false,
      data: campaignDoc({ utmSource: "s".repeat(101) }),
    },
    { name: "archived as text", allowed: false, data: campaignDoc({ archived: "no" }) },
    { name: "a fractional creation time", allowed: false, data: campaignDoc({ createdAt: 1.5 }) },
    { name: "an unknown key", allowed: false, data: campaignDoc({ clicks: 10 }) },
  ];
  it("the domain's CampaignDoc schema accepts exactly what the rules accept", () => {
    for (const { name, allowed, data } of cases) {
      expect({ name, parses: CampaignDoc.safeParse(data).success }).toEqual({
        name,
        parses: allowed,
      });
    }
  });
  ruleCases(
    rules,
    cases.map(({ name, allowed, data }) => ({
      name: `campaigns/{id}: admin ${allowed ? "can" : "cannot"} save a campaign with ${name}`,
      allowed,
      attempt: (h) => setDoc(doc(h.as("admin"), "campaigns/c1"), data),
    })),
  );
});
