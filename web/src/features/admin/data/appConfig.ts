// config/app for the admin: the configuration in force (stored fields over the defaults) and
// its save stamp, read once from the server so an edit starts from what is really stored.
import { configStamp, parseAppConfig, type AppConfig } from "@ideaspark/domain";
import { doc, getDocFromServer } from "firebase/firestore";
import { db } from "../../../data/firestore";
import { countQueryReads } from "./readTally";

export interface LoadedAppConfig {
  config: AppConfig;
  /** config/app's updatedAt when read; null when it was never saved. */
  updatedAt: number | null;
}

/** Throws AppConfigError (with the offending fields) when the stored document is unusable. */
export async function loadAppConfig(): Promise<LoadedAppConfig> {
  const snapshot = await getDocFromServer(doc(db(), "config", "app"));
  countQueryReads(1);
  const raw: unknown = snapshot.data();
  return { config: parseAppConfig(raw), updatedAt: configStamp(raw).updatedAt };
}
