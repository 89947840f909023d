import { describe, expect, it } from "vitest";
import {
  campaignLink,
  CampaignDoc,
  creditSignUp,
  matchCampaign,
  ORGANIC,
  UNATTRIBUTED,
  type CampaignEntry,
} from "./campaigns.js";

const entry = (id: string, fields: Partial<CampaignEntry["campaign"]>): CampaignEntry => ({
  id,
  campaign: { utmSource: null, utmMedium: null, utmCampaign: null, referralCode: null, ...fields },
});

const campaigns = [
  entry("news", { utmSource: "newsletter" }),
  entry("news-dec", { utmSource: "newsletter", utmCampaign: "december" }),
  entry("friends", { referralCode: "FRIENDS-26" }),
  entry("ads", { utmSource: "google", utmMedium: "cpc" }),
];
const SIGN_UP = Date.UTC(2026, 11, 2, 12);
const touch = (fields: Record<string, string>, capturedAt = SIGN_UP - 3_600_000) => ({
  ...fields,
  landingPath: "/welcome",
  capturedAt,
});

describe("matchCampaign", () => {
  it("prefers a referral code, then the campaign with the most matching UTM fields", () => {
    expect(matchCampaign({ ref: "FRIENDS-26", utm_source: "newsletter" }, campaigns)).toBe(
      "friends",
    );
    expect(matchCampaign({ utm_source: "newsletter", utm_campaign: "december" }, campaigns)).toBe(
      "news-dec",
    );
    expect(matchCampaign({ utm_source: "newsletter", utm_campaign: "june" }, campaigns)).toBe(
      "news",
    );
  });

  it("needs every field a campaign sets", () => {
    expect(matchCampaign({ utm_source: "google" }, campaigns)).toBeNull();
    expect(matchCampaign({ utm_source: "google", utm_medium: "cpc" }, campaigns)).toBe("ads");
  });
});

describe("creditSignUp", () => {
  it("is organic without a touch and the campaign for a touch within 30 days before sign-up", () => {
    expect(creditSignUp(null, SIGN_UP, campaigns)).toBe(ORGANIC);
    expect(creditSignUp(touch({ utm_source: "newsletter" }), SIGN_UP, campaigns)).toBe("news");
    const day29 = SIGN_UP - 29 * 86_400_000;
    expect(creditSignUp(touch({ utm_source: "newsletter" }, day29), SIGN_UP, campaigns)).toBe(
      "news",
    );
  });

  it("does not credit a touch older than 30 days, from after the sign-up, or matching nothing", () => {
    const day31 = SIGN_UP - 31 * 86_400_000;
    expect(creditSignUp(touch({ utm_source: "newsletter" }, day31), SIGN_UP, campaigns)).toBe(
      UNATTRIBUTED,
    );
    const later = SIGN_UP + 3_600_000;
    expect(creditSignUp(touch({ utm_source: "newsletter" }, later), SIGN_UP, campaigns)).toBe(
      UNATTRIBUTED,
    );
    expect(creditSignUp(touch({ utm_source: "tiktok" }), SIGN_UP, campaigns)).toBe(UNATTRIBUTED);
  });
});

describe("campaignLink", () => {
  it("puts the campaign's parameters on the landing page, encoded", () => {
    expect(
      campaignLink("https://ideaspark.example/", {
        utmSource: "news letter",
        utmMedium: null,
        utmCampaign: "dec",
        referralCode: null,
      }),
    ).toBe("https://ideaspark.example/welcome?utm_source=news%20letter&utm_campaign=dec");
  });
});

describe("CampaignDoc", () => {
  it("needs a utm_source or a referral code and non-negative monthly spend", () => {
    const base = {
      name: "Launch",
      utmSource: "newsletter",
      utmMedium: null,
      utmCampaign: null,
      referralCode: null,
      spendUsdByMonth: { "2026-12": 120 },
      createdAt: SIGN_UP,
      archived: false,
    };
    expect(CampaignDoc.safeParse(base).success).toBe(true);
    expect(CampaignDoc.safeParse({ ...base, utmSource: null }).success).toBe(false);
    expect(CampaignDoc.safeParse({ ...base, spendUsdByMonth: { "2026-12": -1 } }).success).toBe(
      false,
    );
    expect(CampaignDoc.safeParse({ ...base, spendUsdByMonth: { december: 1 } }).success).toBe(
      false,
    );
  });
});
