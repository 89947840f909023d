// The campaigns, read through a short in-memory cache: every sign-up and landing is credited
// against them, and there are few (one query returns them all).
import { CampaignDoc, type CampaignEntry } from "@ideaspark/domain";
import { logger } from "firebase-functions/logger";
import { firestore } from "./firestore.js";
import { countReads } from "./opsCounter.js";

let cached: { campaigns: CampaignEntry[]; until: number } | undefined;

/** Every campaign that parses (archived ones included: their sign-ups still count for them). */
export async function loadCampaigns(ttlMs: number, nowMs = Date.now()): Promise<CampaignEntry[]> {
  if (cached && cached.until > nowMs) return cached.campaigns;
  const snapshot = await firestore().collection("campaigns").get();
  countReads(Math.max(1, snapshot.size));
  const campaigns: CampaignEntry[] = [];
  for (const doc of snapshot.docs) {
    const parsed = CampaignDoc.safeParse(doc.data());
    if (parsed.success) campaigns.push({ id: doc.id, campaign: parsed.data });
    else logger.warn("campaign ignored: it does not parse", { id: doc.id });
  }
  cached = { campaigns, until: nowMs + ttlMs };
  return campaigns;
}

/** Forgets the cached campaigns (tests that create campaigns and sign up at once). */
export function forgetCampaigns(): void {
  cached = undefined;
}
