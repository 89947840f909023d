// User profile documents (users/{uid}) as functions change them (plan, role) and the Auth
// accounts behind them (existence, custom claims, deletion).
import type { PlanId, UserRole } from "@ideaspark/domain";
import { getAuth } from "firebase-admin/auth";
import { recordPro } from "../growth/accountGrowth.js";
import { firestore } from "./firestore.js";
import { countReads, countWrites } from "./opsCounter.js";

const GRPC_NOT_FOUND = 5;

/** True when Firebase Auth knows this uid. */
export async function authUserExists(uid: string): Promise<boolean> {
  firestore();
  try {
    await getAuth().getUser(uid);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "auth/user-not-found") return false;
    throw error;
  }
}

/**
 * Sets the plan on the user's profile; false when they have none yet (like setUserRole, it is
 * never created here, or the person's own sign-up write would then be refused).
 */
export async function setUserPlan(
  uid: string,
  plan: PlanId,
  byUid: string,
  nowMs: number,
): Promise<boolean> {
  const ref = firestore().doc(`users/${uid}`);
  return firestore().runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    countReads(1);
    if (!snap.exists) return false;
    // A first move to pro is a conversion (counted once per account, ever).
    if (plan === "pro") await recordPro(tx, uid, nowMs);
    tx.update(ref, { plan, planUpdatedAt: nowMs, planUpdatedBy: byUid });
    countWrites(1);
    return true;
  });
}

/** Updates users/{uid} only if it exists; false when the person has no profile yet. */
async function updateExistingProfile(
  uid: string,
  fields: Record<string, unknown>,
): Promise<boolean> {
  try {
    await firestore().doc(`users/${uid}`).update(fields);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === GRPC_NOT_FOUND) return false;
    throw error;
  }
}

/** The user's custom claims ({} when none), or null when Auth has no such uid. */
export async function getCustomClaims(uid: string): Promise<Record<string, unknown> | null> {
  firestore();
  try {
    return (await getAuth().getUser(uid)).customClaims ?? {};
  } catch (error) {
    if ((error as { code?: string }).code === "auth/user-not-found") return null;
    throw error;
  }
}

/** Replaces the user's custom claims (callers pass the full set they want to keep). */
export async function setCustomClaims(uid: string, claims: Record<string, unknown>): Promise<void> {
  firestore();
  await getAuth().setCustomUserClaims(uid, claims);
}

/**
 * Records the role on the user's profile; false when they have none yet. It is never created
 * here: firestore.rules let a person create their profile only while it does not exist.
 */
export async function setUserRole(
  uid: string,
  role: UserRole,
  byUid: string,
  nowMs: number,
): Promise<boolean> {
  return updateExistingProfile(uid, { role, roleUpdatedAt: nowMs, roleUpdatedBy: byUid });
}

/** Deletes the Auth account; false when it was already gone (so a retry is harmless). */
export async function deleteAuthUser(uid: string): Promise<boolean> {
  firestore();
  try {
    await getAuth().deleteUser(uid);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "auth/user-not-found") return false;
    throw error;
  }
}
