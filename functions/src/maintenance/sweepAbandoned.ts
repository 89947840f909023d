// The abandoned-request sweep: a `pending` usage record whose hold has expired belongs to a run
// that died (an instance killed mid-request). Each is settled as an error — nothing charged,
// its hold (if still there) released — so no claim stays open and the ledger stays whole.
// A plain function tests call directly; `sweepAbandonedSchedule` runs it in production.
import { DEFAULT_APP_CONFIG, type AppConfig } from "@ideaspark/domain";
import { logger } from "firebase-functions/logger";
import { loadCampaigns } from "../data/campaigns.js";
import { listAbandonedRequests, settleAbandoned } from "../data/ledger.js";

export interface SweepResult {
  /** Records found pending past their hold. */
  found: number;
  /** Records this sweep settled (another run may have settled the rest first). */
  settled: number;
}

export async function sweepAbandonedRequests(input: {
  nowMs: number;
  config?: Pick<AppConfig, "holdTtlSeconds">;
  limit?: number;
}): Promise<SweepResult> {
  const ttlMs = (input.config ?? DEFAULT_APP_CONFIG).holdTtlSeconds * 1000;
  const stale = await listAbandonedRequests(input.nowMs - ttlMs, input.limit ?? 200);
  let settled = 0;
  const campaigns = stale.length > 0 ? await loadCampaigns(60_000) : [];
  for (const record of stale) {
    if (await settleAbandoned(record, input.nowMs, campaigns)) settled++;
  }
  if (stale.length > 0) logger.warn("abandoned requests settled", { found: stale.length, settled });
  return { found: stale.length, settled };
}
