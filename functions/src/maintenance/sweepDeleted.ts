// The deleted-account sweep: for every account deleted recently (its tombstone in
// deletedAccounts), erase whatever is still found under its uid — quota documents, users/{uid}
// with its subcollections, the export cooldown, the admin role — and anonymise usage records
// and analytics events still carrying it. Deletion itself leaves nothing; this catches
// stragglers (a deletion interrupted before its last step, a writer that raced it).
// A plain function tests call directly; `sweepDeletedSchedule` runs it daily in production.
import { logger } from "firebase-functions/logger";
import { eraseAccountData } from "../data/account.js";
import { deleteAdminRole } from "../data/roles.js";
import { listTombstonesSince } from "../data/tombstones.js";

/** How far back tombstones are swept: an ID token lives an hour, a spark's hold minutes. */
export const SWEEP_DELETED_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface SweepDeletedResult {
  /** Tombstones looked at. */
  accounts: number;
  /** Documents found and deleted (profile, sparks, quotas, admin role). */
  documentsDeleted: number;
  usageAnonymised: number;
  eventsAnonymised: number;
}

/** Erases what is still found under one deleted account's uid (see the file comment). */
export async function sweepDeletedAccount(
  uid: string,
  nowMs: number,
): Promise<Omit<SweepDeletedResult, "accounts">> {
  const erased = await eraseAccountData(uid, nowMs);
  const roleDeleted = await deleteAdminRole(uid);
  const found = { ...erased, documentsDeleted: erased.documentsDeleted + (roleDeleted ? 1 : 0) };
  if (found.documentsDeleted + found.usageAnonymised + found.eventsAnonymised > 0) {
    logger.warn("deleted account had data left", { uid, ...found });
  }
  return found;
}

export async function sweepDeletedAccounts(input: {
  nowMs: number;
  windowMs?: number;
  limit?: number;
}): Promise<SweepDeletedResult> {
  const since = input.nowMs - (input.windowMs ?? SWEEP_DELETED_WINDOW_MS);
  const uids = await listTombstonesSince(since, input.limit ?? 1000);
  const result: SweepDeletedResult = {
    accounts: uids.length,
    documentsDeleted: 0,
    usageAnonymised: 0,
    eventsAnonymised: 0,
  };
  for (const uid of uids) {
    const found = await sweepDeletedAccount(uid, input.nowMs);
    result.documentsDeleted += found.documentsDeleted;
    result.usageAnonymised += found.usageAnonymised;
    result.eventsAnonymised += found.eventsAnonymised;
  }
  return result;
}
