// config/app read through a short in-memory cache: every spark needs it, and one shared
// document read by every request would be a hot spot. Parsed over the typed defaults.
import { parseAppConfig, type AppConfig } from "@ideaspark/domain";
import { firestore } from "./firestore.js";
import { countReads } from "./opsCounter.js";

let cached: { config: AppConfig; until: number } | undefined;

export async function getAppConfig(ttlMs: number, nowMs = Date.now()): Promise<AppConfig> {
  if (cached && cached.until > nowMs) return cached.config;
  const snapshot = await firestore().doc("config/app").get();
  countReads(1);
  const config = parseAppConfig(snapshot.exists ? snapshot.data() : undefined);
  cached = { config, until: nowMs + ttlMs };
  return config;
}
