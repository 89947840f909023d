// What the spark handler reads and writes, as one set of functions: Firestore's by default,
// a test's own when it passes them (so the handler's ordering is testable without emulators).
import { monthSpendUsd } from "../data/budget.js";
import { loadCampaigns } from "../data/campaigns.js";
import { abandonReservation, settleSpark } from "../data/ledger.js";
import { reserveSpark } from "../data/quotas.js";
import { lookupCachedIdeas, storeCachedIdeas } from "../data/sparkCache.js";

export interface SparkData {
  reserveSpark: typeof reserveSpark;
  abandonReservation: typeof abandonReservation;
  settleSpark: typeof settleSpark;
  monthSpendUsd: typeof monthSpendUsd;
  loadCampaigns: typeof loadCampaigns;
  lookupCachedIdeas: typeof lookupCachedIdeas;
  storeCachedIdeas: typeof storeCachedIdeas;
}

export const FIRESTORE_SPARK_DATA: SparkData = {
  reserveSpark,
  abandonReservation,
  settleSpark,
  monthSpendUsd,
  loadCampaigns,
  lookupCachedIdeas,
  storeCachedIdeas,
};
