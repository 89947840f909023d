import { campaignLink } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import {
  EMPTY_CAMPAIGN_FORM,
  campaignFromForm,
  formFromCampaign,
  type CampaignFormValues,
} from "./campaignForm";

const values = (overrides: Partial<CampaignFormValues>): CampaignFormValues => ({
  ...EMPTY_CAMPAIGN_FORM,
  name: "Spring launch",
  utmSource: "newsletter",
  ...overrides,
});

describe("campaignFromForm", () => {
  it("turns trimmed text into a CampaignDoc with blanks as null", () => {
    const result = campaignFromForm(
      values({
        name: "  Spring launch ",
        utmMedium: "email",
        spend: [
          { month: "2026-12", usd: "120.5" },
          { month: "", usd: "" },
        ],
      }),
      1_000,
    );
    expect(result).toEqual({
      ok: true,
      campaign: {
        name: "Spring launch",
        utmSource: "newsletter",
        utmMedium: "email",
        utmCampaign: null,
        referralCode: null,
        spendUsdByMonth: { "2026-12": 120.5 },
        createdAt: 1_000,
        archived: false,
      },
    });
  });

  it("accepts a referral code instead of a utm_source", () => {
    const result = campaignFromForm(values({ utmSource: "", referralCode: "friends-26" }), 1);
    expect(result.ok).toBe(true);
  });

  it("asks for a utm_source or a referral code", () => {
    const result = campaignFromForm(values({ utmSource: " " }), 1);
    expect(result).toEqual({
      ok: false,
      errors: { utmSource: "A campaign needs a utm_source or a referral code" },
    });
  });

  it("refuses an empty name and a malformed referral code", () => {
    const result = campaignFromForm(values({ name: "", referralCode: "no spaces!" }), 1);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["name", "referralCode"]);
    expect(result.errors.referralCode).toMatch(/3–40 letters/);
  });

  it("points at the spend row that is wrong", () => {
    const result = campaignFromForm(
      values({
        spend: [
          { month: "2026-13", usd: "10" },
          { month: "2026-11", usd: "-4" },
          { month: "2026-10", usd: "5" },
          { month: "2026-10", usd: "6" },
          { month: "2026-09", usd: "" },
        ],
      }),
      1,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        "spend.0": "Month must look like 2026-12.",
        "spend.1": "Spend must be an amount in USD, 0 or more.",
        "spend.3": "2026-10 is listed twice.",
        "spend.4": "Spend must be an amount in USD, 0 or more.",
      },
    });
  });

  it("round-trips a stored campaign through the form", () => {
    const campaign = {
      name: "Podcast",
      utmSource: "podcast",
      utmMedium: null,
      utmCampaign: "ep-12",
      referralCode: null,
      spendUsdByMonth: { "2026-12": 300, "2026-11": 250 },
      createdAt: 42,
      archived: true,
    };
    const form = formFromCampaign(campaign);
    expect(form.spend.map((row) => row.month)).toEqual(["2026-11", "2026-12"]);
    expect(campaignFromForm(form, 42)).toEqual({ ok: true, campaign });
    expect(campaignLink("https://app.test", campaign)).toBe(
      "https://app.test/welcome?utm_source=podcast&utm_campaign=ep-12",
    );
  });
});
