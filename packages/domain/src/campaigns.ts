// campaigns/{id}: a marketing campaign an admin runs (its link's UTM parameters or a referral
// code, and what it cost per month), and how a sign-up's first-touch attribution is credited to
// one: validated on the server (captured at most 30 days before sign-up, never after it).
import { z } from "zod";
import { PeriodKey } from "./usage.js";
import { ATTRIBUTION_TTL_DAYS, type Attribution } from "./profile.js";
import { safeText, strictObject } from "./fields.js";

/** Not campaigns: a sign-up with no attribution at all, and one whose attribution is not credited. */
export const ORGANIC = "organic";
export const UNATTRIBUTED = "unattributed";
export type Acquisition = string;

const DAY_MS = 86_400_000;
/** Clocks differ a little between the browser that captured the touch and the server. */
export const ATTRIBUTION_CLOCK_SKEW_MS = 5 * 60_000;

const utmValue = (field: string) => safeText(field, { min: 1, max: 100 }).nullable();

/** A campaign as an admin writes it (firestore.rules checks the same shape). */
export const CampaignDoc = strictObject("campaign", {
  name: safeText("name", { min: 1, max: 100 }),
  utmSource: utmValue("utmSource"),
  utmMedium: utmValue("utmMedium"),
  utmCampaign: utmValue("utmCampaign"),
  /** A referral code (`?ref=`), matched exactly. */
  referralCode: z
    .string()
    .regex(/^[A-Za-z0-9_-]{3,40}$/, {
      error: "referralCode must be 3–40 letters, digits, '-' or '_'",
    })
    .nullable(),
  /** What the campaign cost, per UTC month ("YYYY-MM" → USD). */
  spendUsdByMonth: z
    .record(PeriodKey, z.number().nonnegative().max(10_000_000))
    .refine((spend) => Object.keys(spend).length <= 60, {
      error: "spendUsdByMonth holds at most 60 months",
    }),
  createdAt: z.number().int().nonnegative(),
  archived: z.boolean(),
}).refine((c) => c.utmSource !== null || c.referralCode !== null, {
  error: "A campaign needs a utm_source or a referral code",
  path: ["utmSource"],
});
export type CampaignDoc = z.infer<typeof CampaignDoc>;

export interface CampaignEntry {
  id: string;
  campaign: Pick<CampaignDoc, "utmSource" | "utmMedium" | "utmCampaign" | "referralCode">;
}

/** The link a campaign hands out (the landing page with its parameters). */
export function campaignLink(origin: string, campaign: CampaignEntry["campaign"]): string {
  const params = [
    ["ref", campaign.referralCode],
    ["utm_source", campaign.utmSource],
    ["utm_medium", campaign.utmMedium],
    ["utm_campaign", campaign.utmCampaign],
  ].filter((pair): pair is [string, string] => pair[1] !== null && pair[1] !== "");
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
  return `${origin.replace(/\/+$/, "")}/welcome${query ? `?${query}` : ""}`;
}

type Touch = Pick<Attribution, "utm_source" | "utm_medium" | "utm_campaign" | "ref">;

/**
 * The campaign a touch belongs to: a matching referral code first, else the campaign whose UTM
 * fields all match with the most of them set (ties: the first in id order); null if none.
 */
export function matchCampaign(touch: Touch, campaigns: readonly CampaignEntry[]): string | null {
  const ordered = [...campaigns].sort((a, b) => a.id.localeCompare(b.id));
  if (touch.ref) {
    const byCode = ordered.find((c) => c.campaign.referralCode === touch.ref);
    if (byCode) return byCode.id;
  }
  let best: { id: string; score: number } | null = null;
  for (const { id, campaign } of ordered) {
    if (campaign.utmSource === null || campaign.utmSource !== touch.utm_source) continue;
    const fields = [
      [campaign.utmMedium, touch.utm_medium],
      [campaign.utmCampaign, touch.utm_campaign],
    ] as const;
    if (fields.some(([wanted, got]) => wanted !== null && wanted !== got)) continue;
    const score = 1 + fields.filter(([wanted]) => wanted !== null).length;
    if (!best || score > best.score) best = { id, score };
  }
  return best?.id ?? null;
}

/**
 * Who gets the credit for a sign-up at `signedUpAtMs`: "organic" without attribution;
 * "unattributed" when the touch was captured after the sign-up, more than 30 days before it, or
 * matches no campaign; else the campaign's id.
 */
export function creditSignUp(
  attribution: Attribution | null,
  signedUpAtMs: number,
  campaigns: readonly CampaignEntry[],
): Acquisition {
  if (attribution === null) return ORGANIC;
  const age = signedUpAtMs - attribution.capturedAt;
  if (age < -ATTRIBUTION_CLOCK_SKEW_MS || age > ATTRIBUTION_TTL_DAYS * DAY_MS) return UNATTRIBUTED;
  return matchCampaign(attribution, campaigns) ?? UNATTRIBUTED;
}
