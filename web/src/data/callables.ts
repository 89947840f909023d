// Typed wrappers over the callable Cloud Functions: each sends a domain request and parses the
// answer with the domain schema, so a contract drift fails here, loudly, not deep in the UI.
import {
  AdminSetPlanRequest,
  AdminSetPlanResult,
  AdminSetRoleRequest,
  AdminSetRoleResult,
  AdminUpdateConfigRequest,
  AdminUpdateConfigResult,
  DeleteMyAccountRequest,
  DeleteMyAccountResult,
  ExportMyDataResult,
  HealthRequest,
  HealthResponse,
} from "@ideaspark/domain";
import { httpsCallable } from "firebase/functions";
import { functionsClient } from "./firebase";

const HEALTH_TIMEOUT_MS = 8_000;
const ACCOUNT_TIMEOUT_MS = 60_000;

/** Probes the backend end to end (functions + Firestore). Rejects when it cannot be reached. */
export async function callHealth(request: HealthRequest = {}): Promise<HealthResponse> {
  const health = httpsCallable<HealthRequest, unknown>(functionsClient(), "health", {
    timeout: HEALTH_TIMEOUT_MS,
  });
  const result = await health(HealthRequest.parse(request));
  return HealthResponse.parse(result.data);
}

/** Admins only: moves a user to another plan. */
export async function callAdminSetPlan(request: AdminSetPlanRequest): Promise<AdminSetPlanResult> {
  const call = httpsCallable<AdminSetPlanRequest, unknown>(functionsClient(), "adminSetPlan");
  return AdminSetPlanResult.parse((await call(AdminSetPlanRequest.parse(request))).data);
}

/** Admins only: gives or takes the admin role (the user sees it after their token refreshes). */
export async function callAdminSetRole(request: AdminSetRoleRequest): Promise<AdminSetRoleResult> {
  const call = httpsCallable<AdminSetRoleRequest, unknown>(functionsClient(), "adminSetRole");
  return AdminSetRoleResult.parse((await call(AdminSetRoleRequest.parse(request))).data);
}

/**
 * Admins only: saves the whole configuration (config/app) and logs the change; refused when
 * config/app was saved by someone else since `expectedUpdatedAt`.
 */
export async function callAdminUpdateConfig(
  request: AdminUpdateConfigRequest,
): Promise<AdminUpdateConfigResult> {
  const call = httpsCallable<AdminUpdateConfigRequest, unknown>(
    functionsClient(),
    "adminUpdateConfig",
  );
  return AdminUpdateConfigResult.parse((await call(AdminUpdateConfigRequest.parse(request))).data);
}

/** Everything stored about the signed-in user (profile, sparks, usage, quotas). */
export async function callExportMyData(): Promise<ExportMyDataResult> {
  const call = httpsCallable<Record<string, never>, unknown>(functionsClient(), "exportMyData", {
    timeout: ACCOUNT_TIMEOUT_MS,
  });
  return ExportMyDataResult.parse((await call({})).data);
}

/** Deletes the signed-in user's account and data; needs a sign-in within the last 5 minutes. */
export async function callDeleteMyAccount(): Promise<DeleteMyAccountResult> {
  const call = httpsCallable<DeleteMyAccountRequest, unknown>(
    functionsClient(),
    "deleteMyAccount",
    { timeout: ACCOUNT_TIMEOUT_MS },
  );
  const request = DeleteMyAccountRequest.parse({ confirm: "DELETE" });
  return DeleteMyAccountResult.parse((await call(request)).data);
}
