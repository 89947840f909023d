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
  activityStamps,
  QuotaDoc,
  UNATTRIBUTED,
  UsageRecord,
  UserGrowth,
  UserProfileCreate,
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
  type CampaignDoc,
  type DayRollup,
  type GrowthUser,
  type Landing,
  type PlanId,
} from "@ideaspark/domain";
import {
  DEMO_CAMPAIGN_PLANS,
  campaignEntries,
  campaignStartMs,
  demoCampaignDocs,
} from "./demoCampaigns.js";
import {
  DEMO_BUSINESS_DAYS,
  DEMO_BUSINESS_PREFIX,
  DEMO_BUSINESS_SEED,
  HOUR_MS,
  drawPeople,
  requestTimes,
  type Person,
} from "./demoPeople.js";
import { demoRequest } from "./demoRequests.js";
import { createRng, type Rng } from "./prng.js";

export {
  DEMO_BUSINESS_DAYS,
  DEMO_BUSINESS_PREFIX,
  DEMO_BUSINESS_SEED,
  DEMO_BUSINESS_USERS,
} from "./demoPeople.js";
/** Budget shards, as many as the functions spread spend over. */
export const DEMO_BUDGET_SHARDS = 20;
const ORGANIC_LANDINGS_PER_SIGNUP = 5;

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

  let usage: UsageRecord[] = [];
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
  const accounts = people.map((person, i) => demoAccount(person, byUser.get(person.uid) ?? [], i));
  const users = accounts.map((account) => account.user);
  usage = accounts.flatMap((account) => account.records).sort((a, b) => a.createdAt - b.createdAt);
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
  // Every day of the window before today, quiet ones included (an empty entry), as the close
  // job leaves them.
  const window = Array.from({ length: DEMO_BUSINESS_DAYS }, (_, i) =>
    rollupDay(todayMs - (DEMO_BUSINESS_DAYS - i) * 86_400_000),
  );
  const closedDays = new Map(
    [...new Set([...window, ...[...days.keys()].filter((day) => day < today)])]
      .sort()
      .map((day) => [day, days.get(day) ?? EMPTY_ROLLUP] as const),
  );

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

/**
 * users/{uid} (the profile written at sign-up plus what functions add: plan, growth) and the
 * account's records stamped as their settlements would have stamped them (first of the month,
 * returning), folded in time order through the same steps the functions run.
 */
function demoAccount(
  person: Person,
  records: UsageRecord[],
  i: number,
): { user: DemoUserDoc; records: UsageRecord[] } {
  const first = FIRST_NAMES[i % FIRST_NAMES.length] ?? "Sam";
  const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length] ?? "Lee";
  const created = UserProfileCreate.parse({
    email: `${first}.${last}.${i + 1}@example.com`.toLowerCase(),
    displayName: `${first} ${last}`,
    createdAt: person.signedUpAt,
    attribution: person.attribution,
    aiDataUseConsent: (i * 7) % 10 !== 0,
  });
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
  const periods = new Set<string>();
  const stamped = records.map((record) => {
    const quotaHadActivity = periods.has(record.period);
    const next = { ...record, ...activityStamps(record, { quotaHadActivity, growth }) };
    periods.add(record.period);
    growth = settlementStep(next, growth).growth;
    return next;
  });
  if (person.proAt !== null) {
    growth = proStep({ signedUpAt: person.signedUpAt, atMs: person.proAt, growth }).growth;
  }
  const user: DemoUserDoc = {
    uid: person.uid,
    profile: {
      ...created,
      plan: person.proAt !== null ? "pro" : "free",
      growth: UserGrowth.parse(growth),
    },
    emailVerified: person.verifiedAt !== null,
  };
  return { user, records: stamped.map((record) => UsageRecord.parse(record)) };
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
