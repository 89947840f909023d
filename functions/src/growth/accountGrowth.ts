// The account steps the server derives (never the client): a sign-up credited to its campaign,
// the address seen verified, the first move to pro. Each runs in a transaction on users/{uid}
// that reads its growth, so a step counts once however often it is retried (triggers are
// delivered at least once).
import {
  Attribution,
  type CampaignEntry,
  creditSignUp,
  type GrowthStep,
  mergeDays,
  proStep,
  signupStep,
  UserGrowth,
  verifiedStep,
} from "@ideaspark/domain";
import type { Transaction } from "firebase-admin/firestore";
import { z } from "zod";
import { firestore } from "../data/firestore.js";
import { countReads, countWrites } from "../data/opsCounter.js";
import { addToRollups } from "../data/rollups.js";

const Profile = z.object({
  createdAt: z.number().int().nonnegative(),
  attribution: Attribution.nullable().optional().catch(null),
  growth: z.unknown().optional(),
});
type Profile = z.infer<typeof Profile>;

type Step = (profile: Profile, growth: UserGrowth) => GrowthStep[];

/** Runs `step` against users/{uid}; false when there is no (valid) profile. */
async function applySteps(uid: string, step: Step, tx?: Transaction): Promise<boolean> {
  const db = firestore();
  const ref = db.doc(`users/${uid}`);
  const run = async (t: Transaction) => {
    const snap = await t.get(ref);
    countReads(1);
    const profile = snap.exists ? Profile.safeParse(snap.data()) : null;
    if (!profile?.success) return false;
    const before = UserGrowth.parse(profile.data.growth ?? {});
    const steps = step(profile.data, before);
    const after = steps.at(-1)?.growth ?? before;
    if (JSON.stringify(after) === JSON.stringify(before)) return true;
    t.set(ref, { growth: after }, { merge: true });
    countWrites(1, "analytics");
    addToRollups(t, mergeDays(...steps.map((s) => s.days)));
    return true;
  };
  return tx ? run(tx) : db.runTransaction(run);
}

/**
 * A new profile: credited to its campaign (first touch validated: captured at most 30 days
 * before sign-up, not after it) and counted as a sign-up; verified at once when Auth says so
 * (Google sign-in, or a link clicked before the profile was written).
 */
export function recordSignUp(
  uid: string,
  input: { campaigns: readonly CampaignEntry[]; emailVerified: boolean; nowMs: number },
): Promise<boolean> {
  return applySteps(uid, (profile, growth) => {
    const campaignId =
      growth.campaignId ??
      creditSignUp(profile.attribution ?? null, profile.createdAt, input.campaigns);
    const signedUp = signupStep({ signedUpAt: profile.createdAt, campaignId, growth });
    if (!input.emailVerified) return [signedUp];
    const verified = verifiedStep({
      signedUpAt: profile.createdAt,
      atMs: input.nowMs,
      growth: signedUp.growth,
    });
    return [signedUp, verified];
  });
}

/** The first time the server sees the account verified (a callable's token says so). */
export function recordVerified(uid: string, nowMs: number): Promise<boolean> {
  return applySteps(uid, (profile, growth) => [
    verifiedStep({ signedUpAt: profile.createdAt, atMs: nowMs, growth }),
  ]);
}

/** A move to pro, inside the caller's transaction: counted once per account, ever. */
export function recordPro(tx: Transaction, uid: string, nowMs: number): Promise<boolean> {
  return applySteps(
    uid,
    (profile, growth) => [proStep({ signedUpAt: profile.createdAt, atMs: nowMs, growth })],
    tx,
  );
}
