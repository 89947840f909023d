// A demo business for the admin area, generated from a seed and "today": four campaigns, a few
// hundred accounts who signed up over the last 90 days (growing, fewer at weekends, most organic),
// their verification, first sparks, weekly retention, moves to pro and every request they made,
// with the quota documents, landings, budget shards and day rollups those records imply. Pure:
// the same seed and day give the same documents; tools/seed/writeDemoBusiness.ts writes them.
import {
  DAY_MS,
  DEFAULT_APP_CONFIG,
  EMPTY_GROWTH,
  EMPTY_ROLLUP,
  EventDoc,
  QuotaDoc,
  UNATTRIBUTED,
  UserGrowth,
  UserProfileCreate,
  creditSignUp,
  matchCampaign,
  mergeDays,
  periodKey,
  proStep,
  quotaDocId,
  rebuildGrowth,
  rebuildRollups,
  rollupDay,
  settlementStep,
  signupStep,
  verifiedStep,
  type AppConfig,
  type Attribution,
  type CampaignDoc,
  type DayRollup,
  type GrowthUser,
  type Landing,
  type PlanId,
  type UsageRecord,
} from "@ideaspark/domain";
import {
  DEMO_CAMPAIGN_PLANS,
  campaignEntries,
  campaignStartMs,
  dayStartMs,
  demoCampaignDocs,
  type DemoCampaignPlan,
} from "./demoCampaigns.js";
import { demoRequest } from "./demoRequests.js";
import { createRng, type Rng } from "./prng.js";

/** Every demo-business document id (users, quotas, events) and uid starts with this. */
export const DEMO_BUSINESS_PREFIX = "biz-";
export const DEMO_BUSINESS_SEED = 8;
export const DEMO_BUSINESS_USERS = 300;
export const DEMO_BUSINESS_DAYS = 90;
/** Budget shards, as many as the functions spread spend over. */
export const DEMO_BUDGET_SHARDS = 20;

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * DAY_MS;
const ORGANIC_WEIGHT = 0.55;
const UNATTRIBUTED_WEIGHT = 0.07;
const ORGANIC_LANDINGS_PER_SIGNUP = 5;
/** Mon … Sun (getUTCDay order is Sun … Sat). */
const WEEKDAY_FACTOR = [0.75, 1.15, 1.2, 1.15, 1.1, 1.0, 0.7];

export interface DemoUserDoc {
  uid: string;
  /** users/{uid} as the app and functions would have left it. */
  profile: UserProfileCreate & { plan: PlanId; growth: UserGrowth };
  emailVerified: boolean;
}

export interface DemoBusiness {
  /** UTC day ("YYYY-MM-DD") the business was generated for. */
  today: string;
  seed: number;
  campaigns: { id: string; doc: CampaignDoc }[];
  users: DemoUserDoc[];
  usage: UsageRecord[];
  quotas: { id: string; doc: QuotaDoc }[];
  landings: { id: string; doc: EventDoc }[];
  /** Days before today: the closed rollups/{day} documents (without closedAt). */
  closedDays: Map<string, DayRollup>;
  /** Today's numbers, for rollups/{today}/shards/0. */
  todayRollup: DayRollup;
  /** This month's provider cost spread over shards (shard → micro-dollars). */
  budget: { period: string; shardMicros: Record<string, number> };
}

const FIRST_NAMES = [
  "Ada",
  "Ben",
  "Chloe",
  "Dev",
  "Elena",
  "Farid",
  "Grace",
  "Hugo",
  "Ines",
  "Jonas",
  "Kemi",
  "Liam",
  "Maya",
  "Noah",
  "Olga",
  "Priya",
  "Quinn",
  "Rosa",
  "Sami",
  "Tara",
  "Umar",
  "Vera",
  "Wen",
  "Yara",
  "Zoe",
];
const LAST_NAMES = [
  "Adams",
  "Baker",
  "Costa",
  "Dubois",
  "Evans",
  "Fischer",
  "Garcia",
  "Hughes",
  "Ito",
  "Jensen",
  "Khan",
  "Larsen",
  "Moreau",
  "Novak",
  "Okafor",
  "Patel",
  "Rossi",
  "Silva",
  "Tanaka",
  "Varga",
  "Weber",
  "Young",
];
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

interface Person {
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

function drawPeople(rng: Rng, todayMs: number, campaigns: ReturnType<typeof campaignEntries>) {
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
function requestTimes(rng: Rng, person: Person, todayMs: number): number[] {
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

export interface DemoBusinessInput {
  todayMs: number;
  seed?: number;
  config?: AppConfig;
}

export function demoBusiness(input: DemoBusinessInput): DemoBusiness {
  const { todayMs, seed = DEMO_BUSINESS_SEED, config = DEFAULT_APP_CONFIG } = input;
  if (!Number.isSafeInteger(todayMs) || todayMs < DEMO_BUSINESS_DAYS * DAY_MS) {
    throw new RangeError(`todayMs must be a time in ms since the epoch, got ${todayMs}`);
  }
  const rng = createRng(seed);
  const campaigns = demoCampaignDocs(todayMs);
  const entries = campaignEntries(campaigns);
  const people = drawPeople(rng, todayMs, entries);

  const usage: UsageRecord[] = [];
  for (const person of people) {
    const times = requestTimes(rng, person, todayMs);
    // Some who spark move to pro, more of the engaged ones, a few days after their first spark.
    const first = times[0];
    if (first !== undefined && rng.chance(0.12 * Math.min(2, person.engagement))) {
      const proAt = Math.round(first + HOUR_MS + rng.exponential(6 * DAY_MS));
      if (proAt < todayMs) person.proAt = proAt;
    }
    const used = new Map<string, number>();
    for (const createdAt of times) {
      const { usage: record, holdTokens } = demoRequest(
        rng,
        { ...person, requestId: rng.uuid(), createdAt },
        config,
      );
      // A free account is refused at reservation once the hold would pass its monthly tokens
      // (no record is written then); pro lifts the limit.
      const plan = person.proAt !== null && createdAt >= person.proAt ? "pro" : "free";
      const spent = used.get(record.period) ?? 0;
      if (spent + holdTokens > config.plans[plan].monthlyTokens) continue;
      used.set(record.period, spent + record.inputTokens + record.outputTokens);
      usage.push(record);
    }
  }
  usage.sort((a, b) => a.createdAt - b.createdAt);

  const byUser = new Map<string, UsageRecord[]>();
  for (const record of usage) byUser.set(record.uid, [...(byUser.get(record.uid) ?? []), record]);
  const users = people.map((person, i) => demoUserDoc(person, byUser.get(person.uid) ?? [], i));
  const landings = demoLandings(rng, people, entries, todayMs);
  const quotas = quotaDocs(usage);

  const growthUsers: GrowthUser[] = people.map((p) => ({
    uid: p.uid,
    signedUpAt: p.signedUpAt,
    campaignId: p.campaignId,
    signupCounted: true,
    verifiedAt: p.verifiedAt,
    proAt: p.proAt,
  }));
  const days = mergeDays(
    rebuildRollups(usage),
    rebuildGrowth({
      users: growthUsers,
      records: usage,
      landings: landings.map(({ doc }): Landing => ({ at: doc.at, campaignId: doc.campaignId })),
    }),
  );
  const today = rollupDay(todayMs);
  const closedDays = new Map([...days].filter(([day]) => day < today).sort());

  const period = periodKey(todayMs);
  const shardMicros: Record<string, number> = {};
  for (const record of usage) {
    const micros = Math.round(record.providerUsage.costUsd * 1e6);
    if (record.period !== period || micros === 0) continue;
    const shard = String(rng.int(0, DEMO_BUDGET_SHARDS - 1));
    shardMicros[shard] = (shardMicros[shard] ?? 0) + micros;
  }

  return {
    today,
    seed,
    campaigns,
    users,
    usage,
    quotas,
    landings,
    closedDays,
    todayRollup: days.get(today) ?? EMPTY_ROLLUP,
    budget: { period, shardMicros },
  };
}

/** users/{uid}: the profile written at sign-up plus what functions add (plan, growth). */
function demoUserDoc(person: Person, records: UsageRecord[], i: number): DemoUserDoc {
  const first = FIRST_NAMES[i % FIRST_NAMES.length] ?? "Sam";
  const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length] ?? "Lee";
  const created = UserProfileCreate.parse({
    email: `${first}.${last}.${i + 1}@example.com`.toLowerCase(),
    displayName: `${first} ${last}`,
    createdAt: person.signedUpAt,
    attribution: person.attribution,
    aiDataUseConsent: (i * 7) % 10 !== 0,
  });
  // The growth fields are folded through the same steps the functions run.
  let growth = signupStep({
    signedUpAt: person.signedUpAt,
    campaignId: person.campaignId,
    growth: EMPTY_GROWTH,
  }).growth;
  if (person.verifiedAt !== null) {
    growth = verifiedStep({
      signedUpAt: person.signedUpAt,
      atMs: person.verifiedAt,
      growth,
    }).growth;
  }
  for (const record of records) growth = settlementStep(record, growth).growth;
  if (person.proAt !== null) {
    growth = proStep({ signedUpAt: person.signedUpAt, atMs: person.proAt, growth }).growth;
  }
  return {
    uid: person.uid,
    profile: {
      ...created,
      plan: person.proAt !== null ? "pro" : "free",
      growth: UserGrowth.parse(growth),
    },
    emailVerified: person.verifiedAt !== null,
  };
}

/** quotas/{uid}_{period}: each account's period charge and activity, from its records. */
function quotaDocs(usage: UsageRecord[]): { id: string; doc: QuotaDoc }[] {
  const quotas = new Map<string, QuotaDoc>();
  for (const record of usage) {
    const id = quotaDocId(record.uid, record.period);
    const quota =
      quotas.get(id) ?? QuotaDoc.parse({ uid: record.uid, period: record.period, used: 0 });
    quotas.set(id, {
      ...quota,
      used: quota.used + record.inputTokens + record.outputTokens,
      requests: quota.requests + 1,
      providerCostMicros: quota.providerCostMicros + Math.round(record.providerUsage.costUsd * 1e6),
      activeDays: { ...quota.activeDays, [rollupDay(record.createdAt)]: true },
    });
  }
  return [...quotas].map(([id, doc]) => ({ id, doc: QuotaDoc.parse(doc) }));
}

/**
 * landing_view events: each sign-up's first touch (and most organic sign-ups' visit), plus the
 * visitors around it who never signed up, more of them for paid traffic.
 */
function demoLandings(
  rng: Rng,
  people: Person[],
  entries: ReturnType<typeof campaignEntries>,
  todayMs: number,
): { id: string; doc: EventDoc }[] {
  const visits: { at: number; campaignId: string | null }[] = [];
  for (const person of people) {
    const touch = person.attribution;
    const at =
      touch?.capturedAt ??
      (rng.chance(0.7) ? person.signedUpAt - Math.round(rng.exponential(10 * 60_000)) : null);
    if (at === null) continue;
    const campaignId = touch ? matchCampaign(touch, entries) : null;
    visits.push({ at, campaignId });
    const plan = DEMO_CAMPAIGN_PLANS.find((p) => p.id === campaignId);
    const perSignup =
      plan?.landingsPerSignup ??
      (person.campaignId === UNATTRIBUTED ? 8 : ORGANIC_LANDINGS_PER_SIGNUP);
    const extra = Math.floor(perSignup - 1) + (rng.chance((perSignup - 1) % 1) ? 1 : 0);
    const earliest = plan ? campaignStartMs(plan, todayMs) : 0;
    for (let n = 0; n < extra; n++) {
      const other = at + Math.round(rng.normal(0, 2 * DAY_MS));
      if (other >= earliest && other < todayMs) visits.push({ at: other, campaignId });
    }
  }
  visits.sort((a, b) => a.at - b.at);
  const hex = () => rng.uuid().replace(/-/g, "").slice(0, 12);
  return visits.map((visit, n) => ({
    id: `${DEMO_BUSINESS_PREFIX}landing-${String(n).padStart(5, "0")}-${hex()}`,
    doc: EventDoc.parse({
      name: "landing_view",
      at: visit.at,
      uid: null,
      visitorId: `${DEMO_BUSINESS_PREFIX}visitor-${hex()}`,
      props: {},
      campaignId: visit.campaignId,
    }),
  }));
}
