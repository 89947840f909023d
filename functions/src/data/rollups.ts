// Daily rollups as sharded counters (rollups/{day}/shards/{n}): each settled request adds its
// numbers to one random shard inside its settlement transaction (a blind write, no read), so
// no document takes every request's write and the admin overview reads a few per day.
import {
  activityStamps,
  Attribution,
  type CampaignEntry,
  creditSignUp,
  type DayRollup,
  mergeDays,
  type QuotaDoc,
  rollupDay,
  rollupOf,
  settlementStep,
  type UsageRecord,
  UserGrowth,
  verifiedStep,
} from "@ideaspark/domain";
import {
  type DocumentReference,
  type DocumentSnapshot,
  FieldValue,
  type Transaction,
} from "firebase-admin/firestore";
import { z } from "zod";
import { firestore } from "./firestore.js";
import { countWrites } from "./opsCounter.js";

export const ROLLUP_SHARDS = 10;

/** `rollup` as Firestore increments, nested maps included (merged into the shard). */
function increments(rollup: DayRollup): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(rollup)) {
    if (typeof value === "number") {
      if (value !== 0) out[field] = FieldValue.increment(value);
    } else {
      const nested = Object.entries(value as Record<string, number>).filter(([, n]) => n !== 0);
      if (nested.length > 0) {
        out[field] = Object.fromEntries(nested.map(([k, n]) => [k, FieldValue.increment(n)]));
      }
    }
  }
  return out;
}

/** Something that can write documents: a transaction or a batch. */
interface Writer {
  set(ref: DocumentReference, data: Record<string, unknown>, options: { merge: true }): unknown;
}

/**
 * Adds each day's delta to one random shard of that day (blind merges, no read): the one way
 * every trigger and callable adds to the rollups. Returns the number of writes.
 */
export function addToRollups(
  writer: Writer,
  days: ReadonlyMap<string, DayRollup>,
  random = Math.random,
): number {
  let writes = 0;
  for (const [day, delta] of days) {
    const fields = increments(delta);
    if (Object.keys(fields).length === 0) continue;
    const shard = Math.floor(random() * ROLLUP_SHARDS);
    // `updatedAt` tells the daily close which days changed since it last ran.
    const data = { ...fields, updatedAt: FieldValue.serverTimestamp() };
    writer.set(firestore().doc(`rollups/${day}/shards/${shard}`), data, { merge: true });
    writes += 1;
  }
  countWrites(writes, "analytics");
  return writes;
}

/** The requesting account as the settlement transaction read it (null: no profile). */
export interface AccountSnapshot {
  ref: DocumentReference;
  signedUpAt: number;
  growth: UserGrowth;
  /** The account's campaign credit, when growth does not have one yet. */
  campaignId: string;
}

/**
 * users/{uid} read for a settlement: its sign-up time, growth, and the campaign to credit (the
 * stored one; else worked out from the profile's first touch, as the sign-up trigger would).
 */
export function accountSnapshot(
  snap: DocumentSnapshot | undefined,
  campaigns: readonly CampaignEntry[],
): AccountSnapshot | null {
  if (!snap?.exists) return null;
  const profile = ProfileForGrowth.safeParse(snap.data());
  if (!profile.success) return null;
  const growth = UserGrowth.parse(profile.data.growth ?? {});
  const campaignId =
    growth.campaignId ??
    creditSignUp(profile.data.attribution ?? null, profile.data.createdAt, campaigns);
  return { ref: snap.ref, signedUpAt: profile.data.createdAt, growth, campaignId };
}

const ProfileForGrowth = z.object({
  createdAt: z.number().int().nonnegative(),
  attribution: Attribution.nullable().optional().catch(null),
  growth: z.unknown().optional(),
});

/**
 * The usage record stamped with what its settlement found (analytics): the account's campaign
 * and sign-up time, and whether it is the account's first request of its month / a returning one.
 */
export function withAccount(
  usage: UsageRecord,
  account: AccountSnapshot | null,
  quota: QuotaDoc,
): UsageRecord {
  return {
    ...usage,
    campaignId: account?.campaignId ?? null,
    signedUpAt: account?.signedUpAt ?? null,
    ...activityStamps(usage, {
      quotaHadActivity: Object.keys(quota.activeDays).length > 0,
      growth: account?.growth ?? null,
    }),
  };
}

/**
 * Adds a settled request (already stamped `withAccount`) to the rollups — its day's activity,
 * cost and monthly actives, its account's cohort counters — and to the account's growth
 * (users/{uid}, merged) and period activity (the quota fields returned, written by the caller).
 * The request's own day is one shard write; a cohort step on another day adds one more.
 */
export function recordActivity(
  tx: Transaction,
  input: {
    quota: QuotaDoc;
    usage: UsageRecord;
    account: AccountSnapshot | null;
    /** The caller's token says their address is verified. */
    emailVerified?: boolean;
  },
  random = Math.random,
): Pick<QuotaDoc, "requests" | "providerCostMicros" | "activeDays"> {
  const { quota, usage, account } = input;
  const day = rollupDay(usage.createdAt);
  const newActiveUser = quota.activeDays[day] !== true;
  const steps = [new Map([[day, rollupOf(usage, newActiveUser)]])];
  if (account) {
    let growth: UserGrowth = { ...account.growth, campaignId: account.campaignId };
    if (input.emailVerified) {
      const verified = verifiedStep({
        signedUpAt: account.signedUpAt,
        atMs: usage.createdAt,
        growth,
      });
      steps.push(verified.days);
      growth = verified.growth;
    }
    const settled = settlementStep(usage, growth);
    steps.push(settled.days);
    tx.set(account.ref, { growth: settled.growth }, { merge: true });
    countWrites(1, "analytics");
  }
  addToRollups(tx, mergeDays(...steps), random);
  return {
    requests: quota.requests + 1,
    providerCostMicros: quota.providerCostMicros + Math.round(usage.providerUsage.costUsd * 1e6),
    activeDays: { ...quota.activeDays, [day]: true },
  };
}
