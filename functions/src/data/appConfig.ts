// config/app read through a short in-memory cache: every spark needs it, and one shared
// document read by every request would be a hot spot. Parsed over the typed defaults.
import { parseAppConfig, type AppConfig } from "@ideaspark/domain";
import { firestore } from "./firestore.js";
import { countReads } from "./opsCounter.js";

let cached: { config: AppConfig; until: number } | undefined;
// Bumped by forgetAppConfig: a read that was already under way then is not cached, since it
// may have fetched the document from before the change.
let generation = 0;

export async function getAppConfig(ttlMs: number, nowMs = Date.now()): Promise<AppConfig> {
  if (cached && cached.until > nowMs) return cached.config;
  const readAt = generation;
  const snapshot = await firestore().doc("config/app").get();
  countReads(1);
  const config = parseAppConfig(snapshot.exists ? snapshot.data() : undefined);
  if (readAt === generation) cached = { config, until: nowMs + ttlMs };
  return config;
}

/** Forgets the cached config/app, so the next read sees a change this instance just saved. */
export function forgetAppConfig(): void {
  cached = undefined;
  generation++;
}
