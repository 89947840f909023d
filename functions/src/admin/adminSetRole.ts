// `adminSetRole` callable: an administrator gives or takes away another user's admin role
// (the `admin` custom claim, other claims kept, and the server's roles/{uid} document) and the
// change is recorded on users/{uid} when that profile exists.
// A new admin's app refreshes its ID token to see the role without signing out. A demotion is
// instant: the roles document goes first (rules and admin callables require it), then the
// claim, and the person's refresh tokens are revoked so every device must sign in again.
import {
  AdminSetRoleRequest,
  DomainError,
  heldAnyAdminRole,
  roleOf,
  SELF_DEMOTION_MESSAGE,
  withAdminClaim,
  type AdminSetRoleResult,
} from "@ideaspark/domain";
import { HttpsError, onCall, type CallableRequest } from "firebase-functions/https";
import { logger } from "firebase-functions/logger";
import { deleteAdminRole, endSessions, writeAdminRole } from "../data/roles.js";
import { getCustomClaims, setCustomClaims, setUserRole } from "../data/users.js";
import { toHttpsError } from "../errors.js";
import { requireAdmin } from "./requireAdmin.js";
import { requireAppCheck } from "../appCheck.js";
import { callableCors } from "../callableCors.js";

export async function handleAdminSetRole(
  request: Pick<CallableRequest<unknown>, "auth" | "data">,
): Promise<AdminSetRoleResult> {
  const adminUid = await requireAdmin(request.auth);
  const parsed = AdminSetRoleRequest.safeParse(request.data);
  if (!parsed.success) throw DomainError.invalidArgument(parsed.error);
  const { uid, admin } = parsed.data;
  // Nobody can demote themselves, so the last admin can never lock everybody out.
  if (uid === adminUid && !admin)
    throw new HttpsError("failed-precondition", SELF_DEMOTION_MESSAGE);
  const claims = await getCustomClaims(uid);
  if (claims === null) throw new DomainError("not-found", `No user has the uid "${uid}".`);
  const nowMs = Date.now();
  let sessionsEnded = false;
  if (admin) {
    await setCustomClaims(uid, withAdminClaim(claims, true));
    await writeAdminRole(uid, adminUid, nowMs);
  } else {
    const roleDocExisted = await deleteAdminRole(uid);
    await setCustomClaims(uid, withAdminClaim(claims, false));
    sessionsEnded = heldAnyAdminRole({ claims, roleDocExists: roleDocExisted });
    if (sessionsEnded) await endSessions(uid);
  }
  const recorded = await setUserRole(uid, roleOf(admin), adminUid, nowMs);
  logger.info("role changed", { uid, admin, by: adminUid, recorded, sessionsEnded });
  return { uid, admin };
}

export const adminSetRole = onCall({ cors: callableCors }, async (request) => {
  try {
    requireAppCheck(request);
    return await handleAdminSetRole(request);
  } catch (error) {
    throw toHttpsError(error, "adminSetRole");
  }
});
