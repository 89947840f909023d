// `exportMyData` callable: everything IdeaSpark stores about the caller (profile, sparks,
// usage records, quota documents) as one JSON answer, kept under the callable size limit.
// One export per account every EXPORT_COOLDOWN_SECONDS: each reads up to ~26,000 documents.
import {
  collectWithin,
  DomainError,
  EXPORT_LIMITS,
  ExportBudget,
  ExportMyDataRequest,
  type ExportedProfile,
  type ExportMyDataResult,
  type QuotaDoc,
  type SparkDoc,
  type UsageRecord,
} from "@ideaspark/domain";
import { onCall, type CallableRequest } from "firebase-functions/https";
import { logger } from "firebase-functions/logger";
import {
  getExportedProfile,
  listQuotasByOwner,
  listSparksByOwner,
  listUsageByOwner,
} from "../data/account.js";
import { claimExportSlot, releaseExportSlot, type ExportSlot } from "../data/accountLimits.js";
import { toHttpsError } from "../errors.js";
import { requireSignedIn } from "./requireSignedIn.js";
import { requireAppCheck } from "../appCheck.js";
import { callableCors } from "../callableCors.js";

type WithId<T> = T & { id: string };

/** What an export reads and the cooldown it takes a slot of (Firestore in production). */
export interface ExportDeps {
  claimSlot(uid: string, nowMs: number): Promise<ExportSlot>;
  releaseSlot(uid: string, slot: ExportSlot): Promise<void>;
  profile(uid: string): Promise<ExportedProfile | null>;
  quotas(uid: string): AsyncIterable<WithId<QuotaDoc>>;
  sparks(uid: string): AsyncIterable<WithId<SparkDoc>>;
  usage(uid: string): AsyncIterable<WithId<UsageRecord>>;
}

const FIRESTORE_DEPS: ExportDeps = {
  claimSlot: claimExportSlot,
  releaseSlot: releaseExportSlot,
  profile: getExportedProfile,
  quotas: listQuotasByOwner,
  sparks: listSparksByOwner,
  usage: listUsageByOwner,
};

export async function handleExportMyData(
  request: Pick<CallableRequest<unknown>, "auth" | "data">,
  nowMs = Date.now(),
  deps: ExportDeps = FIRESTORE_DEPS,
): Promise<ExportMyDataResult> {
  const { uid } = requireSignedIn(request.auth);
  const parsed = ExportMyDataRequest.safeParse(request.data ?? {});
  if (!parsed.success) throw DomainError.invalidArgument(parsed.error);

  const slot = await deps.claimSlot(uid, nowMs);
  try {
    return await collectExport(uid, nowMs, deps);
  } catch (error) {
    // A failure on our side must not cost the person their next try.
    await deps.releaseSlot(uid, slot).catch((releaseError: unknown) => {
      logger.warn("export slot not released", { uid, error: String(releaseError) });
    });
    throw error;
  }
}

async function collectExport(
  uid: string,
  nowMs: number,
  deps: ExportDeps,
): Promise<ExportMyDataResult> {
  const budget = new ExportBudget(EXPORT_LIMITS.bytes);
  const profile = await deps.profile(uid);
  budget.take(profile);
  // Small and essential first; sparks (newest first) before the usage ledger.
  const quotas = await collectWithin(deps.quotas(uid), EXPORT_LIMITS.quotas, budget);
  const sparks = await collectWithin(deps.sparks(uid), EXPORT_LIMITS.sparks, budget);
  const usage = await collectWithin(deps.usage(uid), EXPORT_LIMITS.usage, budget);
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

export const exportMyData = onCall({ cors: callableCors, memory: "512MiB" }, async (request) => {
  try {
    requireAppCheck(request);
    return await handleExportMyData(request);
  } catch (error) {
    throw toHttpsError(error, "exportMyData");
  }
});
