// `adminSetRole` callable: an administrator gives or takes away another user's admin role
// (the `admin` custom claim; other claims are kept) and the change is recorded on users/{uid}
// when that profile exists.
// The user's app refreshes its ID token to see the new role without signing out.
import {
  AdminSetRoleRequest,
  DomainError,
  roleOf,
  SELF_DEMOTION_MESSAGE,
  withAdminClaim,
  type AdminSetRoleResult,
} from "@ideaspark/domain";
import { HttpsError, onCall, type CallableRequest } from "firebase-functions/https";
import { logger } from "firebase-functions/logger";
import { getCustomClaims, setCustomClaims, setUserRole } from "../data/users.js";
import { toHttpsError } from "../errors.js";
import { requireAdmin } from "./requireAdmin.js";

export async function handleAdminSetRole(
  request: Pick<CallableRequest<unknown>, "auth" | "data">,
): Promise<AdminSetRoleResult> {
  const adminUid = requireAdmin(request.auth);
  const parsed = AdminSetRoleRequest.safeParse(request.data);
  if (!parsed.success) throw DomainError.invalidArgument(parsed.error);
  const { uid, admin } = parsed.data;
  // Nobody can demote themselves, so the last admin can never lock everybody out.
  if (uid === adminUid && !admin)
    throw new HttpsError("failed-precondition", SELF_DEMOTION_MESSAGE);
  const claims = await getCustomClaims(uid);
  if (claims === null) throw new DomainError("not-found", `No user has the uid "${uid}".`);
  await setCustomClaims(uid, withAdminClaim(claims, admin));
  const recorded = await setUserRole(uid, roleOf(admin), adminUid, Date.now());
  logger.info("role changed", { uid, admin, by: adminUid, recorded });
  return { uid, admin };
}

export const adminSetRole = onCall({ cors: true }, async (request) => {
  try {
    return await handleAdminSetRole(request);
  } catch (error) {
    throw toHttpsError(error, "adminSetRole");
  }
});
