// `adminSetPlan` callable: an administrator moves a user to another plan (which sets their
// monthly token limit from config/app from the next request on).
import { AdminSetPlanRequest, DomainError, type AdminSetPlanResult } from "@ideaspark/domain";
import { onCall, type CallableRequest } from "firebase-functions/https";
import { logger } from "firebase-functions/logger";
import { authUserExists, setUserPlan } from "../data/users.js";
import { toHttpsError } from "../errors.js";
import { requireAdmin } from "./requireAdmin.js";
import { requireAppCheck } from "../appCheck.js";
import { callableCors } from "../callableCors.js";

export async function handleAdminSetPlan(
  request: Pick<CallableRequest<unknown>, "auth" | "data">,
): Promise<AdminSetPlanResult> {
  const adminUid = await requireAdmin(request.auth);
  const parsed = AdminSetPlanRequest.safeParse(request.data);
  if (!parsed.success) throw DomainError.invalidArgument(parsed.error);
  const { uid, plan } = parsed.data;
  if (!(await authUserExists(uid)))
    throw new DomainError("not-found", `No user has the uid "${uid}".`);
  if (!(await setUserPlan(uid, plan, adminUid, Date.now()))) {
    throw new DomainError("not-found", "That user has not finished signing up (no profile yet).");
  }
  logger.info("plan changed", { uid, plan, by: adminUid });
  return { uid, plan };
}

export const adminSetPlan = onCall({ cors: callableCors }, async (request) => {
  try {
    requireAppCheck(request);
    return await handleAdminSetPlan(request);
  } catch (error) {
    throw toHttpsError(error, "adminSetPlan");
  }
});
