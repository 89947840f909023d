// `deleteMyAccount` callable: erases the caller's profile, sparks and quota documents,
// anonymises their usage records and analytics events (kept for accounting and the funnel),
// then deletes the Auth account.
// Every step is idempotent and the Auth account goes last, so an interrupted deletion is
// finished by calling again (the person can still sign in until it completes).
import { DeleteMyAccountRequest, DomainError, type DeleteMyAccountResult } from "@ideaspark/domain";
import { onCall, type CallableRequest } from "firebase-functions/https";
import { logger } from "firebase-functions/logger";
import { eraseAccountData } from "../data/account.js";
import { deleteAuthUser } from "../data/users.js";
import { toHttpsError } from "../errors.js";
import { requireRecentSignIn, requireSignedIn } from "./requireSignedIn.js";
import { callableCors } from "../callableCors.js";

export async function handleDeleteMyAccount(
  request: Pick<CallableRequest<unknown>, "auth" | "data">,
  now: () => number = Date.now,
): Promise<DeleteMyAccountResult> {
  const { uid, token } = requireSignedIn(request.auth);
  const parsed = DeleteMyAccountRequest.safeParse(request.data ?? {});
  if (!parsed.success) throw DomainError.invalidArgument(parsed.error);
  requireRecentSignIn(token, now());

  const erased = await eraseAccountData(uid, now());
  const authDeleted = await deleteAuthUser(uid);
  // A spark already in flight during the sweep may have settled since; with the account
  // gone no new one can start, so one more (usually empty) sweep leaves nothing behind.
  const late = await eraseAccountData(uid, now());

  const result = {
    uid,
    deleted: true as const,
    documentsDeleted: erased.documentsDeleted + late.documentsDeleted,
    usageAnonymised: erased.usageAnonymised + late.usageAnonymised,
    eventsAnonymised: erased.eventsAnonymised + late.eventsAnonymised,
  };
  logger.info("account deleted", { ...result, authDeleted });
  return result;
}

export const deleteMyAccount = onCall(
  { cors: callableCors, timeoutSeconds: 300 },
  async (request) => {
    try {
      return await handleDeleteMyAccount(request);
    } catch (error) {
      throw toHttpsError(error, "deleteMyAccount");
    }
  },
);
