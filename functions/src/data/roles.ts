// Admin roles as the server holds them: roles/{uid} (present exactly while someone is an admin,
// written only here and by the admin tools) and ending a demoted admin's sessions.
import { AdminRoleDoc, adminRoleDoc, adminRolePath } from "@ideaspark/domain";
import { getAuth } from "firebase-admin/auth";
import { firestore } from "./firestore.js";
import { countReads, countWrites } from "./opsCounter.js";

const GRPC_NOT_FOUND = 5;

/** True while roles/{uid} exists; a document that is not an AdminRoleDoc fails loudly. */
export async function adminRoleExists(uid: string): Promise<boolean> {
  const snap = await firestore().doc(adminRolePath(uid)).get();
  countReads(1);
  if (!snap.exists) return false;
  AdminRoleDoc.parse(snap.data());
  return true;
}

/** Writes roles/{uid}: the person is an admin from now on (together with the claim). */
export async function writeAdminRole(uid: string, byUid: string, nowMs: number): Promise<void> {
  await firestore().doc(adminRolePath(uid)).set(adminRoleDoc(byUid, nowMs));
  countWrites(1);
}

/**
 * Deletes roles/{uid}: rules and admin callables refuse the person from this moment. Returns
 * false when there was none (no read: the delete's own precondition tells).
 */
export async function deleteAdminRole(uid: string): Promise<boolean> {
  try {
    await firestore().doc(adminRolePath(uid)).delete({ exists: true });
    countWrites(1);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === GRPC_NOT_FOUND) return false;
    throw error;
  }
}

/**
 * Revokes the person's refresh tokens, so every signed-in device must sign in again. An ID
 * token already issued stays valid until it expires: the roles document refuses it meanwhile.
 */
export async function endSessions(uid: string): Promise<void> {
  firestore();
  await getAuth().revokeRefreshTokens(uid);
}
