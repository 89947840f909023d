// `exportMyData` callable: everything IdeaSpark stores about the caller (profile, sparks,
// usage records, quota documents) as one JSON answer, kept under the callable size limit.
import {
  collectWithin,
  DomainError,
  EXPORT_LIMITS,
  ExportBudget,
  ExportMyDataRequest,
  type ExportMyDataResult,
} from "@ideaspark/domain";
import { onCall, type CallableRequest } from "firebase-functions/https";
import { logger } from "firebase-functions/logger";
import {
  getExportedProfile,
  listQuotasByOwner,
  listSparksByOwner,
  listUsageByOwner,
} from "../data/account.js";
import { toHttpsError } from "../errors.js";
import { requireSignedIn } from "./requireSignedIn.js";

export async function handleExportMyData(
  request: Pick<CallableRequest<unknown>, "auth" | "data">,
  nowMs = Date.now(),
): Promise<ExportMyDataResult> {
  const { uid } = requireSignedIn(request.auth);
  const parsed = ExportMyDataRequest.safeParse(request.data ?? {});
  if (!parsed.success) throw DomainError.invalidArgument(parsed.error);

  const budget = new ExportBudget(EXPORT_LIMITS.bytes);
  const profile = await getExportedProfile(uid);
  budget.take(profile);
  // Small and essential first; sparks (newest first) before the usage ledger.
  const quotas = await collectWithin(listQuotasByOwner(uid), EXPORT_LIMITS.quotas, budget);
  const sparks = await collectWithin(listSparksByOwner(uid), EXPORT_LIMITS.sparks, budget);
  const usage = await collectWithin(listUsageByOwner(uid), EXPORT_LIMITS.usage, budget);
  usage.items.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));

  const truncated = quotas.truncated || sparks.truncated || usage.truncated;
  logger.info("data exported", {
    uid,
    sparks: sparks.items.length,
    usage: usage.items.length,
    truncated,
  });
  return {
    exportedAt: new Date(nowMs).toISOString(),
    uid,
    profile,
    sparks: sparks.items,
    usage: usage.items,
    quotas: quotas.items,
    truncated,
  };
}

export const exportMyData = onCall({ cors: true, memory: "512MiB" }, async (request) => {
  try {
    return await handleExportMyData(request);
  } catch (error) {
    throw toHttpsError(error, "exportMyData");
  }
});
