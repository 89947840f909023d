// User profile documents (users/{uid}) as functions change them: the plan.
import type { PlanId } from "@ideaspark/domain";
import { getAuth } from "firebase-admin/auth";
import { firestore } from "./firestore.js";

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

export async function setUserPlan(
  uid: string,
  plan: PlanId,
  byUid: string,
  nowMs: number,
): Promise<void> {
  await firestore()
    .doc(`users/${uid}`)
    .set({ plan, planUpdatedAt: nowMs, planUpdatedBy: byUid }, { merge: true });
}
