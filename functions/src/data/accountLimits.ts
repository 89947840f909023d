// limits/{uid}: the per-account limits of the self-service callables, which no client may read
// or write (rules refuse every access), so nobody can reset their own cooldown.
import {
  AccountLimitsDoc,
  decideExportCooldown,
  EXPORT_COOLDOWN_SECONDS,
  exportCooldownError,
} from "@ideaspark/domain";
import { FieldValue } from "firebase-admin/firestore";
import { firestore, isContention } from "./firestore.js";

const limitsRef = (uid: string) => firestore().doc(`limits/${uid}`);

/** An export slot taken by `claimExportSlot`: when it started and the export time it replaced. */
export interface ExportSlot {
  startedAt: number;
  previous: number | undefined;
}

/**
 * Checks the cooldown and records this export's start in one transaction, so two exports
 * started at once cannot both pass. Throws the `rate-limited` export refusal inside it.
 */
export async function claimExportSlot(uid: string, nowMs: number): Promise<ExportSlot> {
  const ref = limitsRef(uid);
  try {
    return await firestore().runTransaction(async (tx) => {
      const snapshot = await tx.get(ref);
      const limits = AccountLimitsDoc.parse(snapshot.data() ?? { uid });
      const decision = decideExportCooldown({ lastExportAt: limits.lastExportAt, nowMs });
      if (!decision.ok) throw exportCooldownError(decision.retryAfterSeconds);
      tx.set(ref, { uid, lastExportAt: nowMs }, { merge: true });
      return { startedAt: nowMs, previous: limits.lastExportAt };
    });
  } catch (error) {
    // Lost the race to another export of this account that started at the same moment.
    if (isContention(error)) throw exportCooldownError(EXPORT_COOLDOWN_SECONDS);
    throw error;
  }
}

/**
 * Gives a slot back after an export that failed on our side, so the person may retry at once:
 * restores the previous export time unless another export has claimed the slot since.
 */
export async function releaseExportSlot(uid: string, slot: ExportSlot): Promise<void> {
  const ref = limitsRef(uid);
  await firestore().runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    const limits = AccountLimitsDoc.safeParse(snapshot.data());
    if (!limits.success || limits.data.lastExportAt !== slot.startedAt) return;
    tx.update(ref, { lastExportAt: slot.previous ?? FieldValue.delete() });
  });
}

/** Removes the account's limits document (account deletion). */
export async function deleteAccountLimits(uid: string): Promise<void> {
  await limitsRef(uid).delete();
}
