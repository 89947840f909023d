// A profile was created: credit the sign-up to its campaign and count it (server-side, so
// nothing a client sends can inflate a campaign's sign-ups).
import { getAuth } from "firebase-admin/auth";
import { onDocumentCreated } from "firebase-functions/firestore";
import { logger } from "firebase-functions/logger";
import { CONFIG_CACHE_SECONDS } from "../config.js";
import { loadCampaigns } from "../data/campaigns.js";
import { firestore } from "../data/firestore.js";
import { hasTombstone } from "../data/tombstones.js";
import { recordSignUp } from "./accountGrowth.js";

/** Whether Auth says the account's address is verified (false when it is gone). */
async function emailVerified(uid: string): Promise<boolean> {
  firestore();
  try {
    return (await getAuth().getUser(uid)).emailVerified;
  } catch (error) {
    if ((error as { code?: string }).code === "auth/user-not-found") return false;
    throw error;
  }
}

export async function handleSignUp(uid: string, nowMs = Date.now()): Promise<boolean> {
  // A deleted account's profile is never counted (the rules refuse it; the sweep removes it).
  if (await hasTombstone(uid)) return false;
  const [campaigns, verified] = await Promise.all([
    loadCampaigns(CONFIG_CACHE_SECONDS.value() * 1000),
    emailVerified(uid),
  ]);
  return recordSignUp(uid, { campaigns, emailVerified: verified, nowMs });
}

export const onSignUp = onDocumentCreated(
  { document: "users/{uid}", retry: true },
  async (event) => {
    const counted = await handleSignUp(event.params.uid);
    if (!counted)
      logger.warn("sign-up not counted: the profile is gone or invalid, or the account deleted", {
        uid: event.params.uid,
      });
  },
);
