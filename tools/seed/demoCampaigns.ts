// The demo business's four marketing campaigns (three UTM links and a referral code), when each
// started, what it costs per day, and how it converts: the inputs the demo sign-ups are drawn from.
import {
  CampaignDoc,
  DAY_MS,
  periodKey,
  rollupDay,
  type Attribution,
  type CampaignEntry,
} from "@ideaspark/domain";

export interface DemoCampaignPlan {
  id: string;
  name: string;
  touch: Pick<Attribution, "utm_source" | "utm_medium" | "utm_campaign" | "ref">;
  /** Days before today it started (its first day of spend and landings). */
  startedDaysAgo: number;
  dailySpendUsd: number;
  /** Relative share of the sign-ups while it runs (organic is 0.55, unattributed 0.07). */
  weight: number;
  /** Landings per sign-up it brings (visitors who never sign up included). */
  landingsPerSignup: number;
}

export const DEMO_CAMPAIGN_PLANS: readonly DemoCampaignPlan[] = [
  {
    id: "newsletter-launch",
    name: "Launch newsletter",
    touch: { utm_source: "newsletter", utm_medium: "email", utm_campaign: "launch" },
    startedDaysAgo: 89,
    dailySpendUsd: 4,
    weight: 0.1,
    landingsPerSignup: 4,
  },
  {
    id: "google-search",
    name: "Google search ads",
    touch: { utm_source: "google", utm_medium: "cpc", utm_campaign: "idea-generator" },
    startedDaysAgo: 75,
    dailySpendUsd: 22,
    weight: 0.12,
    landingsPerSignup: 14,
  },
  {
    id: "friends-referral",
    name: "Refer a friend",
    touch: { ref: "SPARKFRIEND" },
    startedDaysAgo: 60,
    dailySpendUsd: 2.5,
    weight: 0.06,
    landingsPerSignup: 2.5,
  },
  {
    id: "instagram-creators",
    name: "Instagram creators",
    touch: { utm_source: "instagram", utm_medium: "social", utm_campaign: "creators" },
    startedDaysAgo: 40,
    dailySpendUsd: 15,
    weight: 0.1,
    landingsPerSignup: 18,
  },
];

/** UTC midnight of the day `ms` falls in. */
export const dayStartMs = (ms: number) => Date.parse(`${rollupDay(ms)}T00:00:00.000Z`);

export const campaignStartMs = (plan: DemoCampaignPlan, todayMs: number) =>
  dayStartMs(todayMs) - plan.startedDaysAgo * DAY_MS;

/** Spend per UTC month: the daily spend for every day it ran, today included, in cents. */
export function spendByMonth(plan: DemoCampaignPlan, todayMs: number): Record<string, number> {
  const days = new Map<string, number>();
  for (let d = plan.startedDaysAgo; d >= 0; d--) {
    const month = periodKey(dayStartMs(todayMs) - d * DAY_MS);
    days.set(month, (days.get(month) ?? 0) + 1);
  }
  return Object.fromEntries(
    [...days].map(([month, n]) => [month, Math.round(n * plan.dailySpendUsd * 100) / 100]),
  );
}

/** The campaign documents, validated, keyed by id. */
export function demoCampaignDocs(todayMs: number): { id: string; doc: CampaignDoc }[] {
  return DEMO_CAMPAIGN_PLANS.map((plan) => ({
    id: plan.id,
    doc: CampaignDoc.parse({
      name: plan.name,
      utmSource: plan.touch.utm_source ?? null,
      utmMedium: plan.touch.utm_medium ?? null,
      utmCampaign: plan.touch.utm_campaign ?? null,
      referralCode: plan.touch.ref ?? null,
      spendUsdByMonth: spendByMonth(plan, todayMs),
      createdAt: campaignStartMs(plan, todayMs) - DAY_MS,
      archived: false,
    }),
  }));
}

export const campaignEntries = (campaigns: { id: string; doc: CampaignDoc }[]): CampaignEntry[] =>
  campaigns.map(({ id, doc }) => ({ id, campaign: doc }));
