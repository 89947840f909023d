// Saving config/app: one transaction reads the stored document, lets the caller decide, and
// writes the new config/app together with its configChanges/{id} audit record, or nothing.
import type { ConfigUpdatePlan } from "@ideaspark/domain";
import { forgetAppConfig } from "./appConfig.js";
import { firestore, withContentionRetries } from "./firestore.js";
import { countReads, countWrites } from "./opsCounter.js";

export interface ConfigUpdateOutcome {
  plan: ConfigUpdatePlan;
  /** The configChanges document written; null when nothing was. */
  changeId: string | null;
}

/** Applies `decide(stored config/app data, undefined when missing)` atomically. */
export async function updateAppConfig(
  decide: (stored: unknown) => ConfigUpdatePlan,
): Promise<ConfigUpdateOutcome> {
  const db = firestore();
  const configRef = db.doc("config/app");
  const outcome = await withContentionRetries(() =>
    db.runTransaction(async (tx) => {
      const snapshot = await tx.get(configRef);
      countReads(1);
      const plan = decide(snapshot.exists ? snapshot.data() : undefined);
      if (plan.outcome !== "write") return { plan, changeId: null };
      const changeRef = db.collection("configChanges").doc();
      tx.set(configRef, plan.stored);
      tx.create(changeRef, plan.change);
      countWrites(2);
      return { plan, changeId: changeRef.id };
    }),
  );
  // This instance's next spark must not run on the configuration it just replaced.
  if (outcome.changeId) forgetAppConfig();
  return outcome;
}
