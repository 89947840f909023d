// `adminUpdateConfig` callable: the only way config/app changes. An administrator sends the
// whole configuration, checked by the domain schema; it is saved with a configChanges/{id}
// record of who changed what, unless someone saved config/app since the admin loaded it.
import {
  AdminUpdateConfigRequest,
  DomainError,
  planConfigUpdate,
  type AdminUpdateConfigResult,
} from "@ideaspark/domain";
import { HttpsError, onCall, type CallableRequest } from "firebase-functions/https";
import { logger } from "firebase-functions/logger";
import { evaluateAlerts } from "../alerts/evaluateAlerts.js";
import { updateAppConfig } from "../data/configChanges.js";
import { toHttpsError } from "../errors.js";
import { requireAdmin } from "./requireAdmin.js";
import { requireAppCheck } from "../appCheck.js";
import { callableCors } from "../callableCors.js";

function conflictMessage(updatedAt: number | null, updatedBy: string | null): string {
  const saved =
    updatedAt === null
      ? ""
      : ` (saved at ${new Date(updatedAt).toISOString()}${updatedBy ? ` by ${updatedBy}` : ""})`;
  return `The configuration changed since you loaded it${saved}. Reload it and make your change again.`;
}

/** Config keys the budget alerts depend on. */
const BUDGET_KEYS = ["monthlyBudgetUsd", "budgetAlertThresholds", "degradeAction", "alertEmails"];

export async function handleAdminUpdateConfig(
  request: Pick<CallableRequest<unknown>, "auth" | "data">,
  nowMs = Date.now(),
): Promise<AdminUpdateConfigResult> {
  const adminUid = await requireAdmin(request.auth);
  const parsed = AdminUpdateConfigRequest.safeParse(request.data);
  if (!parsed.success) throw DomainError.invalidArgument(parsed.error);
  const email = request.auth?.token.email;
  const author = { uid: adminUid, email: typeof email === "string" ? email : null };
  const { plan, changeId } = await updateAppConfig((stored) =>
    planConfigUpdate(stored, parsed.data, author, nowMs),
  );
  switch (plan.outcome) {
    case "conflict":
      throw new HttpsError("aborted", conflictMessage(plan.storedUpdatedAt, plan.storedBy));
    case "unchanged":
      return { changeId: null, changedKeys: [], updatedAt: plan.updatedAt };
    case "write":
      logger.info("config changed", {
        by: adminUid,
        changeId,
        changedKeys: plan.change.changedKeys,
      });
      // A new budget or new thresholds take effect on the alerts now, not at the next schedule
      // (the banner reacts to the edit). Best effort: the schedule catches up on a failure.
      if (plan.change.changedKeys.some((key) => BUDGET_KEYS.some((k) => key.startsWith(k)))) {
        await evaluateAlerts({ now: nowMs }).catch((error: unknown) =>
          logger.warn("alerts not evaluated after the config change", { error: String(error) }),
        );
      }
      return { changeId, changedKeys: plan.change.changedKeys, updatedAt: plan.change.at };
  }
}

export const adminUpdateConfig = onCall({ cors: callableCors }, async (request) => {
  try {
    requireAppCheck(request);
    return await handleAdminUpdateConfig(request);
  } catch (error) {
    throw toHttpsError(error, "adminUpdateConfig");
  }
});
