// The demo business's people: when they signed up (growing, fewer at weekends), the first touch
// they arrived with and the campaign it credits, their engagement and verification, and when they
// came back to make requests. Drawn from the seeded random source, in a fixed order.
import { DAY_MS, creditSignUp, type Attribution, type CampaignEntry } from "@ideaspark/domain";
import {
  DEMO_CAMPAIGN_PLANS,
  campaignStartMs,
  dayStartMs,
  type DemoCampaignPlan,
} from "./demoCampaigns.js";
import type { Rng } from "./prng.js";

/** Every demo-business document id (users, quotas, events) and uid starts with this. */
export const DEMO_BUSINESS_PREFIX = "biz-";
export const DEMO_BUSINESS_SEED = 8;
export const DEMO_BUSINESS_USERS = 300;
export const DEMO_BUSINESS_DAYS = 90;

export const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * DAY_MS;
const ORGANIC_WEIGHT = 0.55;
const UNATTRIBUTED_WEIGHT = 0.07;
/** Mon … Sun (getUTCDay order is Sun … Sat). */
const WEEKDAY_FACTOR = [0.75, 1.15, 1.2, 1.15, 1.1, 1.0, 0.7];

const UNKNOWN_SOURCES = ["producthunt", "reddit", "twitter", "linkedin"];

/** Sign-up weight of a day `daysAgo` before today: ~3× growth over the window, weekday dip. */
function dayWeight(dayMs: number, daysAgo: number, todayMs: number): number {
  const trend = Math.exp((Math.log(3) * (DEMO_BUSINESS_DAYS - 1 - daysAgo)) / DEMO_BUSINESS_DAYS);
  const elapsed = daysAgo === 0 ? (todayMs - dayMs) / DAY_MS : 1;
  return trend * (WEEKDAY_FACTOR[new Date(dayMs).getUTCDay()] ?? 1) * elapsed;
}

/** A time in the day starting at `dayMs`, busiest in the (European) afternoon, before `limitMs`. */
function timeInDay(rng: Rng, dayMs: number, limitMs: number): number {
  const share = Math.min(0.999, Math.max(0, rng.normal(0.58, 0.18)));
  const span = Math.max(0, Math.min(DAY_MS, limitMs - dayMs - 60_000));
  return dayMs + Math.floor(share * span);
}

export interface Person {
  uid: string;
  signedUpAt: number;
  attribution: Attribution | null;
  campaignId: string;
  engagement: number;
  verifiedAt: number | null;
  proAt: number | null;
}

function signUpTimes(rng: Rng, todayMs: number): number[] {
  const today = dayStartMs(todayMs);
  const days = Array.from({ length: DEMO_BUSINESS_DAYS }, (_, i) => DEMO_BUSINESS_DAYS - 1 - i);
  const weights = days.map((d) => dayWeight(today - d * DAY_MS, d, todayMs));
  return Array.from({ length: DEMO_BUSINESS_USERS }, () => {
    const daysAgo = rng.weighted(days, weights);
    return timeInDay(rng, today - daysAgo * DAY_MS, todayMs);
  }).sort((a, b) => a - b);
}

/** The first touch a person arrived with, for the acquisition drawn for them. */
function firstTouch(
  rng: Rng,
  signedUpAt: number,
  source: DemoCampaignPlan | "organic" | "unattributed",
  todayMs: number,
): Attribution | null {
  if (source === "organic") return null;
  if (source === "unattributed") {
    // A link no campaign uses, or a campaign's link followed more than 30 days before.
    const old = DEMO_CAMPAIGN_PLANS.find(
      (plan) => campaignStartMs(plan, todayMs) < signedUpAt - 45 * DAY_MS,
    );
    if (old && rng.chance(0.4)) {
      const capturedAt = signedUpAt - rng.int(31, 45) * DAY_MS;
      return { ...old.touch, landingPath: "/welcome", capturedAt };
    }
    const utm_source = rng.weighted(UNKNOWN_SOURCES, [3, 2, 2, 1]);
    const capturedAt = signedUpAt - Math.round(rng.exponential(6 * HOUR_MS));
    return { utm_source, utm_medium: "social", landingPath: "/welcome", capturedAt };
  }
  const earliest = campaignStartMs(source, todayMs);
  const lag = Math.min(25 * DAY_MS, Math.round(rng.exponential(1.5 * DAY_MS)));
  return {
    ...source.touch,
    landingPath: "/welcome",
    capturedAt: Math.max(earliest, signedUpAt - lag),
  };
}

export function drawPeople(rng: Rng, todayMs: number, campaigns: CampaignEntry[]) {
  return signUpTimes(rng, todayMs).map((signedUpAt, i): Person => {
    const running = DEMO_CAMPAIGN_PLANS.filter((p) => campaignStartMs(p, todayMs) <= signedUpAt);
    const sources = ["organic", "unattributed", ...running] as const;
    const source = rng.weighted(sources, [
      ORGANIC_WEIGHT,
      UNATTRIBUTED_WEIGHT,
      ...running.map((p) => p.weight),
    ]);
    const attribution = firstTouch(rng, signedUpAt, source, todayMs);
    const verifyDelay = rng.chance(0.1)
      ? rng.exponential(2 * DAY_MS)
      : rng.exponential(3 * HOUR_MS);
    const verifiedAt = rng.chance(0.8) ? Math.round(signedUpAt + 60_000 + verifyDelay) : null;
    return {
      uid: `${DEMO_BUSINESS_PREFIX}u${String(i + 1).padStart(4, "0")}`,
      signedUpAt,
      attribution,
      campaignId: creditSignUp(attribution, signedUpAt, campaigns),
      engagement: Math.exp(rng.normal(0, 0.6)),
      verifiedAt: verifiedAt !== null && verifiedAt < todayMs ? verifiedAt : null,
      proAt: null,
    };
  });
}

/** When a person made requests: a first session, then weekly returns that thin out. */
export function requestTimes(rng: Rng, person: Person, todayMs: number): number[] {
  const sparkChance = person.verifiedAt !== null ? 0.75 : 0.45;
  if (!rng.chance(sparkChance)) return [];
  const r = rng.next();
  const delay =
    r < 0.55
      ? rng.exponential(20 * 60_000)
      : r < 0.85
        ? HOUR_MS + rng.next() * 6 * DAY_MS
        : 7 * DAY_MS + rng.next() * 14 * DAY_MS;
  const first = Math.round(person.signedUpAt + 60_000 + delay);
  if (first >= todayMs) return [];
  const e = person.engagement;
  const session = (start: number) =>
    Array.from(
      { length: Math.min(6, 1 + Math.floor(rng.exponential(0.8 * e))) },
      (_, k) => start + k * rng.int(60_000, 6 * 60_000),
    );
  const times = session(first);
  const firstWeek = Math.floor((first - person.signedUpAt) / WEEK_MS);
  for (let week = firstWeek + 1; ; week++) {
    const weekStart = person.signedUpAt + week * WEEK_MS;
    if (weekStart >= todayMs) break;
    const since = week - firstWeek;
    const keep = Math.max(0.1, 0.5 * 0.85 ** (since - 1)) * Math.sqrt(e);
    if (!rng.chance(Math.min(0.95, keep))) continue;
    const sessions = 1 + (rng.chance(0.35 * e) ? 1 : 0) + (rng.chance(0.12 * e) ? 1 : 0);
    for (let s = 0; s < sessions; s++) times.push(...session(weekStart + rng.next() * WEEK_MS));
  }
  return times
    .map(Math.round)
    .filter((t) => t < todayMs)
    .sort((a, b) => a - b);
}
