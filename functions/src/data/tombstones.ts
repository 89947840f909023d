// Tombstones of deleted accounts (deletedAccounts/{uid}: `{ deletedAt }`), written by
// `deleteMyAccount` before it erases anything and never removed. Functions only: the rules let
// no client read or write them. `spark`'s reservation and settlement, the sign-up trigger, the
// profile-create rule and the deleted-account sweep refuse or clean up under a tombstoned uid,
// so a request settling late or a still-valid ID token cannot bring the account's data back.
import { DELETED_USER_UID, DomainError } from "@ideaspark/domain";
import { getAuth } from "firebase-admin/auth";
import type { DocumentSnapshot } from "firebase-admin/firestore";
import { z } from "zod";
import { firestore } from "./firestore.js";
import { countReads, countWrites } from "./opsCounter.js";

export const DELETED_ACCOUNTS = "deletedAccounts";

const GRPC_ALREADY_EXISTS = 6;

export const TombstoneDoc = z.object({ deletedAt: z.number().int().nonnegative() });
export type TombstoneDoc = z.infer<typeof TombstoneDoc>;

export function tombstoneRef(uid: string) {
  return firestore().doc(`${DELETED_ACCOUNTS}/${uid}`);
}

/**
 * Whether a transaction's read of deletedAccounts/{uid} says the account is deleted. The
 * anonymised marker uid counts as deleted: nothing may be written under it either.
 */
export function isTombstoned(uid: string, snap: DocumentSnapshot | undefined): boolean {
  return uid === DELETED_USER_UID || snap?.exists === true;
}

/** What a deleted account's still-valid ID token gets from a callable. */
export function accountDeletedError(): DomainError {
  return new DomainError("unauthenticated", "This account has been deleted.");
}

/**
 * Writes the tombstone; a repeated deletion keeps the first one's time. Returns false when it
 * was already there.
 */
export async function writeTombstone(uid: string, nowMs: number): Promise<boolean> {
  const doc: TombstoneDoc = { deletedAt: nowMs };
  try {
    await tombstoneRef(uid).create(doc);
    countWrites(1);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === GRPC_ALREADY_EXISTS) return false;
    throw error;
  }
}

export async function hasTombstone(uid: string): Promise<boolean> {
  const snap = await tombstoneRef(uid).get();
  countReads(1);
  return isTombstoned(uid, snap);
}

/** Uids deleted at or after `sinceMs`, oldest first (single-field index on deletedAt). */
export async function listTombstonesSince(sinceMs: number, limit: number): Promise<string[]> {
  const snap = await firestore()
    .collection(DELETED_ACCOUNTS)
    .where("deletedAt", ">=", sinceMs)
    .orderBy("deletedAt")
    .limit(limit)
    .get();
  countReads(Math.max(1, snap.size));
  return snap.docs.map((doc) => doc.id);
}

/**
 * Revokes the account's refresh tokens, so no device can get a new ID token; true when Auth
 * still knew the account (a repeated deletion may find it gone).
 */
export async function revokeSessions(uid: string): Promise<boolean> {
  firestore();
  try {
    await getAuth().revokeRefreshTokens(uid);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "auth/user-not-found") return false;
    throw error;
  }
}
