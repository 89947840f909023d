// `deleteMyAccount` callable: ends the caller's sessions, writes their tombstone, erases their
// profile, sparks, quota documents and admin role, anonymises their usage records and analytics
// events (kept for accounting and the funnel), then deletes the Auth account.
// The tombstone (deletedAccounts/{uid}) comes before any erasure: from then on `spark` refuses
// the uid, a request still running settles without writing under it, and the rules refuse a
// profile re-created with a still-valid ID token. Every step is idempotent and the Auth account
// goes last, so an interrupted deletion is finished by calling again (the person can still
// sign in until it completes); the daily deleted-account sweep catches anything left.
import { DeleteMyAccountRequest, DomainError, type DeleteMyAccountResult } from "@ideaspark/domain";
import { onCall, type CallableRequest } from "firebase-functions/https";
import { logger } from "firebase-functions/logger";
import { eraseAccountData, type ErasedAccountData } from "../data/account.js";
import { deleteAdminRole } from "../data/roles.js";
import { revokeSessions, writeTombstone } from "../data/tombstones.js";
import { deleteAuthUser } from "../data/users.js";
import { toHttpsError } from "../errors.js";
import { requireRecentSignIn, requireSignedIn } from "./requireSignedIn.js";
import { requireAppCheck } from "../appCheck.js";
import { callableCors } from "../callableCors.js";

/** The steps of a deletion, in the order they run (tests replace them). */
export interface DeleteDeps {
  revokeSessions: (uid: string) => Promise<boolean>;
  writeTombstone: (uid: string, nowMs: number) => Promise<boolean>;
  eraseAccountData: (uid: string, nowMs: number) => Promise<ErasedAccountData>;
  deleteAdminRole: (uid: string) => Promise<boolean>;
  deleteAuthUser: (uid: string) => Promise<boolean>;
}

const defaultDeps: DeleteDeps = {
  revokeSessions,
  writeTombstone,
  eraseAccountData,
  deleteAdminRole,
  deleteAuthUser,
};

export async function handleDeleteMyAccount(
  request: Pick<CallableRequest<unknown>, "auth" | "data">,
  now: () => number = Date.now,
  deps: DeleteDeps = defaultDeps,
): Promise<DeleteMyAccountResult> {
  const { uid, token } = requireSignedIn(request.auth);
  const parsed = DeleteMyAccountRequest.safeParse(request.data ?? {});
  if (!parsed.success) throw DomainError.invalidArgument(parsed.error);
  requireRecentSignIn(token, now());

  // No device gets a new ID token from here on; one already issued lives out its hour, and
  // the tombstone is what refuses it.
  const sessionsRevoked = await deps.revokeSessions(uid);
  const tombstoned = await deps.writeTombstone(uid, now());
  const erased = await deps.eraseAccountData(uid, now());
  const roleDeleted = await deps.deleteAdminRole(uid);
  const authDeleted = await deps.deleteAuthUser(uid);
  // Spark reservation and settlement read the tombstone, so nothing of theirs comes back; a
  // second (usually empty) pass catches what a writer that does not read it (the export
  // cooldown, limits/{uid}) may have left while the first one ran.
  const late = await deps.eraseAccountData(uid, now());

  const result = {
    uid,
    deleted: true as const,
    documentsDeleted: erased.documentsDeleted + late.documentsDeleted,
    usageAnonymised: erased.usageAnonymised + late.usageAnonymised,
    eventsAnonymised: erased.eventsAnonymised + late.eventsAnonymised,
  };
  logger.info("account deleted", {
    ...result,
    sessionsRevoked,
    tombstoned,
    roleDeleted,
    authDeleted,
  });
  return result;
}

export const deleteMyAccount = onCall(
  { cors: callableCors, timeoutSeconds: 300 },
  async (request) => {
    try {
      requireAppCheck(request);
      return await handleDeleteMyAccount(request);
    } catch (error) {
      throw toHttpsError(error, "deleteMyAccount");
    }
  },
);
