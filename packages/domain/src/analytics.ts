// Business maths for the admin area: day keys, active users, CAC and unit economics per
// campaign, the strict product funnel, weekly cohort retention and the month-end budget
// forecast. Pure functions over server-side records; money is summed in integer micro-dollars.
import { z } from "zod";
import type { PlanId } from "./config.js";
import { periodKey } from "./quota.js";
import { PeriodKey } from "./usage.js";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** A user is activated by a first spark at most this long after signing up. */
export const ACTIVATION_WINDOW_MS = 7 * DAY_MS;

// ---- Day keys ----

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// UTC midnight of a day key, or null; the round trip rejects impossible dates (2026-02-29).
function parseDay(day: string): number | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return isoDay(ms) === day ? ms : null;
}

function dayStartMs(day: string): number {
  const ms = parseDay(day);
  if (ms === null) throw new RangeError(`Invalid day key "${day}"`);
  return ms;
}

/** "YYYY-MM-DD": one calendar day, as activity records and daily rollups are keyed. */
export const DayKey = z.string().refine((day) => parseDay(day) !== null, {
  error: "day must be a real date like 2026-01-31",
});
export type DayKey = z.infer<typeof DayKey>;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM-DD" of the instant `ms` on the calendar of `timeZone` (an IANA name). */
export function dayKey(ms: number, timeZone = "UTC"): string {
  if (!Number.isFinite(ms)) throw new RangeError("dayKey needs a finite time in ms");
  let format = dayFormats.get(timeZone);
  if (!format) {
    const options = { timeZone, year: "numeric", month: "2-digit", day: "2-digit" } as const;
    format = new Intl.DateTimeFormat("en-US", options);
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
}

/** The day `days` after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError("addDays needs a whole number of days");
  return isoDay(dayStartMs(day) + days * DAY_MS);
}

/** Every day from `fromDay` to `toDay`, both included; empty when `fromDay` comes later. */
export function daysBetween(fromDay: string, toDay: string): string[] {
  const to = dayStartMs(toDay);
  const days: string[] = [];
  for (let ms = dayStartMs(fromDay); ms <= to; ms += DAY_MS) days.push(isoDay(ms));
  return days;
}

/** The `n` days ending with `todayKey`, oldest first. */
export function lastNDays(n: number, todayKey: string): string[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError("lastNDays needs a whole n >= 0");
  return daysBetween(addDays(todayKey, 1 - n), todayKey);
}

// Monday (UTC midnight) of the ISO week holding `day`.
function mondayMs(day: string): number {
  const ms = dayStartMs(day);
  return ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS;
}

/** The ISO-8601 week of a day, "2026-W49": Monday to Sunday, in the year of its Thursday. */
export function isoWeekKey(day: string): string {
  const thursday = new Date(mondayMs(day) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** "YYYY-MM" of a day key (the month `periodKey` gives for any instant of that UTC day). */
export function monthOfDay(day: string): string {
  return periodKey(dayStartMs(day));
}

function monthBounds(period: string): { startMs: number; endMs: number } {
  if (!PeriodKey.safeParse(period).success) throw new RangeError(`Invalid period "${period}"`);
  const [year, month] = period.split("-").map(Number) as [number, number];
  return { startMs: Date.UTC(year, month - 1, 1), endMs: Date.UTC(year, month, 1) };
}

// ---- Active users and churn ----

/** A day on which a user was active (from server-side records). */
export interface DayActivity {
  uid: string;
  day: string;
}

/** Distinct uids active in the `windowDays` days ending with `day`, both ends included. */
export function activeUsers(
  activity: readonly DayActivity[],
  window: { day: string; windowDays: number },
): Set<string> {
  const { day, windowDays } = window;
  if (!Number.isSafeInteger(windowDays) || windowDays < 1) {
    throw new RangeError("activeUsers needs windowDays >= 1");
  }
  const first = addDays(day, 1 - windowDays);
  const uids = new Set<string>();
  for (const record of activity) if (record.day >= first && record.day <= day) uids.add(record.uid);
  return uids;
}

/** DAU, WAU and MAU over the rolling 1, 7 and 30 days ending `day`; stickiness = DAU / MAU. */
export function dauWauMau(
  activity: readonly DayActivity[],
  day: string,
): { dau: number; wau: number; mau: number; stickiness: number } {
  const count = (windowDays: number) => activeUsers(activity, { day, windowDays }).size;
  const [dau, wau, mau] = [count(1), count(7), count(30)];
  return { dau, wau, mau, stickiness: mau === 0 ? 0 : dau / mau };
}

/** Share of users active in the month before `month` with no activity in `month`; null when none. */
export function monthlyChurn(activity: readonly DayActivity[], month: string): number | null {
  const previous = periodKey(monthBounds(month).startMs - 1);
  const before = new Set<string>();
  const now = new Set<string>();
  for (const { uid, day } of activity) {
    if (day.startsWith(previous)) before.add(uid);
    else if (day.startsWith(month)) now.add(uid);
  }
  return share([...before].filter((uid) => !now.has(uid)).length, before.size);
}

// ---- Money and unit economics ----

function microUsd(name: string, usd: number): number {
  if (!Number.isFinite(usd) || usd < 0) {
    throw new RangeError(`${name} must be a non-negative amount in USD, got ${usd}`);
  }
  return Math.round(usd * 1e6);
}

function checkCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative whole number, got ${value}`);
  }
  return value;
}

function checkFraction(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${value}`);
  return value;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const amountFor = (record: Readonly<Record<string, number>>, key: string) =>
  Object.hasOwn(record, key) ? (record[key] ?? 0) : 0;
// Integer micro-dollars shared out per head, back in USD (rounded to the micro-dollar).
const perHeadUsd = (micros: number, heads: number) =>
  heads === 0 ? null : Math.round(micros / heads) / 1e6;

/** Customer acquisition cost in USD = spend / new users; null when nobody signed up. */
export function cac(input: { spendUsd: number; newUsers: number }): number | null {
  return perHeadUsd(microUsd("spendUsd", input.spendUsd), checkCount("newUsers", input.newUsers));
}

/** Average revenue per user in USD; null when there are no users. */
export function arpuUsd(input: { revenueUsd: number; users: number }): number | null {
  return perHeadUsd(microUsd("revenueUsd", input.revenueUsd), checkCount("users", input.users));
}

/** Lifetime value in USD = monthly ARPU × gross margin / monthly churn; null when churn is 0. */
export function ltvUsd(input: {
  arpuMonthlyUsd: number;
  monthlyChurn: number;
  grossMargin: number;
}): number | null {
  const arpu = microUsd("arpuMonthlyUsd", input.arpuMonthlyUsd);
  const churn = checkFraction("monthlyChurn", input.monthlyChurn);
  const margin = checkFraction("grossMargin", input.grossMargin);
  return churn === 0 ? null : Math.round((arpu * margin) / churn) / 1e6;
}

/** LTV / CAC; null when either is undefined or acquisition cost nothing. */
export function ltvToCac(input: { ltvUsd: number | null; cacUsd: number | null }): number | null {
  const { ltvUsd: ltv, cacUsd } = input;
  return ltv === null || cacUsd === null || cacUsd === 0 ? null : ltv / cacUsd;
}

/** Months of gross profit that repay CAC = CAC / (monthly ARPU × margin); null when that is 0. */
export function paybackMonths(input: {
  cacUsd: number | null;
  arpuMonthlyUsd: number | null;
  grossMargin: number;
}): number | null {
  const { cacUsd, arpuMonthlyUsd } = input;
  const monthlyProfit = (arpuMonthlyUsd ?? 0) * checkFraction("grossMargin", input.grossMargin);
  return cacUsd === null || monthlyProfit === 0 ? null : cacUsd / monthlyProfit;
}

// ---- Campaigns ----

/** A paid campaign and its spend per UTC month ("YYYY-MM" → USD). */
export interface Campaign {
  id: string;
  name: string;
  spendUsdByMonth: Readonly<Record<string, number>>;
}

/** A move to `plan` at `sinceMs`; before a user's first change they are on "free". */
export interface PlanChange {
  plan: PlanId;
  sinceMs: number;
}

/** A user as the campaign table sees them (server-side records only). */
export interface AnalyticsUser {
  uid: string;
  signedUpAtMs: number;
  /** A campaign id, "organic", or null when the sign-up is unattributed. */
  campaignId: string | null;
  /** The current plan (taken as held throughout), or the plan history. */
  plan: PlanId | readonly PlanChange[];
  firstSparkAtMs: number | null;
}

/** One line of the campaign table: a campaign, "organic", "unattributed" or "overall". */
export interface CampaignRow {
  id: string;
  name: string;
  spendUsd: number;
  signUps: number;
  cacUsd: number | null;
  /** Share of sign-ups with a first spark within `ACTIVATION_WINDOW_MS`. */
  activationRate: number | null;
  /** Provider AI cost of serving these sign-ups. */
  aiCostUsd: number;
  aiCostPerUserUsd: number | null;
  /** Share of sign-ups on "pro" at any time before the period ended. */
  proConversionRate: number | null;
  /** Monthly revenue per sign-up, from the plan each is on when the period ends. */
  arpuUsd: number | null;
  ltvToCac: number | null;
  paybackMonths: number | null;
}

const RESERVED_ROW_IDS = new Set(["organic", "unattributed", "overall"]);

function planBefore(plan: AnalyticsUser["plan"], endMs: number): PlanId {
  if (typeof plan === "string") return plan;
  let current: PlanChange | undefined;
  for (const change of plan) {
    if (change.sinceMs < endMs && (!current || change.sinceMs >= current.sinceMs)) current = change;
  }
  return current?.plan ?? "free";
}

function everProBefore(plan: AnalyticsUser["plan"], endMs: number): boolean {
  if (typeof plan === "string") return plan === "pro";
  return plan.some((change) => change.plan === "pro" && change.sinceMs < endMs);
}

/**
 * The campaign table for one UTC month: a row per campaign in the given order, then "organic",
 * "unattributed" (null, or a campaign id not in `campaigns`: no spend to set it against) and
 * "overall" (all spend over all sign-ups, organic included). AI cost is provider cost (what
 * OpenAI billed), not what users were charged; prices are each plan's monthly price.
 */
export function campaignRows(input: {
  campaigns: readonly Campaign[];
  users: readonly AnalyticsUser[];
  aiCostUsdByUid: Readonly<Record<string, number>>;
  planPricesUsd: Readonly<Record<PlanId, number>>;
  period: string;
  monthlyChurn: number;
  grossMargin: number;
}): CampaignRow[] {
  const { campaigns, aiCostUsdByUid, planPricesUsd, period, monthlyChurn, grossMargin } = input;
  const { endMs } = monthBounds(period);
  checkFraction("monthlyChurn", monthlyChurn);
  checkFraction("grossMargin", grossMargin);

  const cohorts = new Map<string, AnalyticsUser[]>();
  for (const { id } of campaigns) {
    if (RESERVED_ROW_IDS.has(id) || cohorts.has(id)) {
      throw new RangeError(`Campaign id "${id}" is reserved or repeated`);
    }
    cohorts.set(id, []);
  }
  cohorts.set("organic", []).set("unattributed", []);
  const signUps = input.users.filter((user) => periodKey(user.signedUpAtMs) === period);
  for (const user of signUps) {
    const id = user.campaignId !== null && cohorts.has(user.campaignId) ? user.campaignId : null;
    cohorts.get(id ?? "unattributed")?.push(user);
  }

  const row = (id: string, name: string, spendMicros: number): CampaignRow => {
    const users = id === "overall" ? signUps : (cohorts.get(id) ?? []);
    const n = users.length;
    const count = (test: (user: AnalyticsUser) => boolean) => users.filter(test).length;
    const sumMicros = (usd: (user: AnalyticsUser) => number) =>
      users.reduce((sum, user) => sum + microUsd(`amount for ${user.uid}`, usd(user)), 0);
    const aiMicros = sumMicros((u) => amountFor(aiCostUsdByUid, u.uid));
    const revenueMicros = sumMicros((u) => planPricesUsd[planBefore(u.plan, endMs)]);
    const cacUsd = cac({ spendUsd: spendMicros / 1e6, newUsers: n });
    const arpu = arpuUsd({ revenueUsd: revenueMicros / 1e6, users: n });
    const ltv = arpu === null ? null : ltvUsd({ arpuMonthlyUsd: arpu, monthlyChurn, grossMargin });
    const activated = count(
      (u) => u.firstSparkAtMs !== null && u.firstSparkAtMs - u.signedUpAtMs <= ACTIVATION_WINDOW_MS,
    );
    return {
      id,
      name,
      spendUsd: spendMicros / 1e6,
      signUps: n,
      cacUsd,
      activationRate: share(activated, n),
      aiCostUsd: aiMicros / 1e6,
      aiCostPerUserUsd: perHeadUsd(aiMicros, n),
      proConversionRate: share(
        count((u) => everProBefore(u.plan, endMs)),
        n,
      ),
      arpuUsd: arpu,
      ltvToCac: ltvToCac({ ltvUsd: ltv, cacUsd }),
      paybackMonths: paybackMonths({ cacUsd, arpuMonthlyUsd: arpu, grossMargin }),
    };
  };

  const spends = campaigns.map((c) => microUsd(c.id, amountFor(c.spendUsdByMonth, period)));
  const totalSpend = spends.reduce((sum, spend) => sum + spend, 0);
  return [
    ...campaigns.map((c, i) => row(c.id, c.name, spends[i] ?? 0)),
    row("organic", "Organic", 0),
    row("unattributed", "Unattributed", 0),
    row("overall", "Overall", totalSpend),
  ];
}

// ---- Funnel ----

/** One funnel step: its name and the ids that reached it (one id space for every step). */
export interface FunnelStep {
  name: string;
  users: ReadonlySet<string> | readonly string[];
}

/** A step's count and its conversion from the previous and the first step (null after 0). */
export interface FunnelRow {
  name: string;
  users: number;
  fromPrevious: number | null;
  fromFirst: number | null;
}

/** A strict funnel: an id counts at a step only if it reached every earlier step. */
export function funnel(steps: readonly FunnelStep[]): FunnelRow[] {
  const rows: FunnelRow[] = [];
  let reached: Set<string> | null = null;
  for (const step of steps) {
    const ids: Set<string> = new Set(step.users);
    const kept: Set<string> = reached ? new Set([...reached].filter((id) => ids.has(id))) : ids;
    const previous = reached?.size ?? kept.size;
    const first = rows[0]?.users ?? kept.size;
    rows.push({
      name: step.name,
      users: kept.size,
      fromPrevious: share(kept.size, previous),
      fromFirst: share(kept.size, first),
    });
    reached = kept;
  }
  return rows;
}

/** The product funnel's stages, in order. */
export const FUNNEL_STAGES = [
  { key: "landing", name: "landing" },
  { key: "signUp", name: "sign-up" },
  { key: "verified", name: "verified" },
  { key: "firstSpark", name: "first spark" },
  { key: "activeWeek2", name: "active in week 2" },
  { key: "pro", name: "pro" },
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number]["key"];

/**
 * The product funnel, landing → sign-up → verified → first spark → active in week 2 → pro.
 * A visitor's landing id must be their uid once they sign up.
 */
export function productFunnel(
  stages: Readonly<Record<FunnelStage, ReadonlySet<string> | readonly string[]>>,
): FunnelRow[] {
  return funnel(FUNNEL_STAGES.map(({ key, name }) => ({ name, users: stages[key] })));
}

/** A user's sign-up time. */
export interface SignUp {
  uid: string;
  signedUpAtMs: number;
}

/** An instant at which a user was active. */
export interface TimedActivity {
  uid: string;
  atMs: number;
}

/**
 * Uids active in week `weekIndex` after their own sign-up: week 0 is the first 7 × 24 h, so
 * the funnel's "active in week 2" is `activeInWeek(users, activity, 1)` (days 7–13).
 */
export function activeInWeek(
  users: readonly SignUp[],
  activity: readonly TimedActivity[],
  weekIndex: number,
): Set<string> {
  checkCount("weekIndex", weekIndex);
  const signedUpAt = new Map(users.map((user) => [user.uid, user.signedUpAtMs]));
  const uids = new Set<string>();
  for (const { uid, atMs } of activity) {
    const start = signedUpAt.get(uid);
    if (start !== undefined && Math.floor((atMs - start) / WEEK_MS) === weekIndex) uids.add(uid);
  }
  return uids;
}

// ---- Cohorts ----

/** A sign-up week's cohort: its size and the share active in each week after (null: no data). */
export interface CohortRow {
  week: string;
  size: number;
  retention: (number | null)[];
}

/**
 * Sign-up cohorts by ISO week (on the calendar of `timeZone`), one row per week from the first
 * to the last sign-up, with the share of each active in its weeks 0..`weeks`. Signing up is
 * activity, so week 0 is 1; weeks that start after `nowMs`, when given, are null.
 */
export function weeklyCohorts(
  users: readonly SignUp[],
  activity: readonly TimedActivity[],
  options: { weeks: number; timeZone?: string; nowMs?: number },
): CohortRow[] {
  const { weeks, timeZone = "UTC", nowMs } = options;
  checkCount("weeks", weeks);
  const weekOf = (ms: number) => mondayMs(dayKey(ms, timeZone));
  const cohortOf = new Map(users.map((user) => [user.uid, weekOf(user.signedUpAtMs)]));
  if (cohortOf.size === 0) return [];
  const starts = [...cohortOf.values()].sort((a, b) => a - b);
  const [firstWeek, lastWeek] = [starts[0] ?? 0, starts.at(-1) ?? 0];
  const lastStarted = nowMs === undefined ? Infinity : weekOf(nowMs);

  // active[cohort][k]: uids of that cohort active k weeks after their sign-up week.
  const active = new Map<number, Set<string>[]>();
  const emptyWeeks = () => Array.from({ length: weeks + 1 }, () => new Set<string>());
  for (let week = firstWeek; week <= lastWeek; week += WEEK_MS) active.set(week, emptyWeeks());
  const signUpsAsActivity = users.map(({ uid, signedUpAtMs }) => ({ uid, atMs: signedUpAtMs }));
  for (const { uid, atMs } of [...signUpsAsActivity, ...activity]) {
    const cohort = cohortOf.get(uid);
    if (cohort === undefined) continue;
    active.get(cohort)?.[(weekOf(atMs) - cohort) / WEEK_MS]?.add(uid);
  }

  return [...active].map(([cohort, byWeek]) => {
    const size = byWeek[0]?.size ?? 0;
    return {
      week: isoWeekKey(isoDay(cohort)),
      size,
      retention: byWeek.map((uids, k) =>
        cohort + k * WEEK_MS > lastStarted ? null : share(uids.size, size),
      ),
    };
  });
}

// ---- Budget ----

/**
 * Month-end AI spend in USD at the month's run rate: spent × month length / time elapsed (UTC).
 * At or before the month's first instant, and once it has ended, the forecast is what was spent.
 */
export function forecastMonthEndUsd(input: {
  spentUsd: number;
  nowMs: number;
  period: string;
}): number {
  const { nowMs, period } = input;
  const spent = microUsd("spentUsd", input.spentUsd);
  const { startMs, endMs } = monthBounds(period);
  if (!Number.isFinite(nowMs)) throw new RangeError("forecastMonthEndUsd needs a finite nowMs");
  if (nowMs <= startMs || nowMs >= endMs) return spent / 1e6;
  // BigInt: micro-dollars × month length in ms can pass 2^53. Rounded half up.
  const elapsed = BigInt(Math.ceil(nowMs) - startMs);
  const scaled = BigInt(spent) * BigInt(endMs - startMs);
  return Number((2n * scaled + elapsed) / (2n * elapsed)) / 1e6;
}

/** Thresholds (fractions of the budget) spend has reached; whether the forecast passes it. */
export function budgetStatus(input: {
  spentUsd: number;
  forecastUsd: number;
  budgetUsd: number;
  thresholds: readonly number[];
}): { crossed: number[]; forecastOverBudget: boolean } {
  const spent = microUsd("spentUsd", input.spentUsd);
  const forecast = microUsd("forecastUsd", input.forecastUsd);
  const budget = microUsd("budgetUsd", input.budgetUsd);
  for (const t of input.thresholds) {
    if (!(t > 0 && Number.isFinite(t))) throw new RangeError(`Invalid budget threshold ${t}`);
  }
  // A budget of 0 means "not set" (as for the AI pause): nothing to reach or pass.
  if (budget === 0) return { crossed: [], forecastOverBudget: false };
  return {
    crossed: input.thresholds.filter((t) => spent >= Math.round(t * budget)),
    forecastOverBudget: forecast > budget,
  };
}
