// The Firestore handle for every data module; the only place firebase-admin is initialised.
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";

export function firestore(): Firestore {
  // firebase-functions creates an app of its own ("__admin__") to decode Firestore trigger
  // events, so "some app exists" does not mean the default one does.
  if (!getApps().some((app) => app.name === "[DEFAULT]")) initializeApp();
  return getFirestore();
}

/** gRPC ABORTED: a transaction lost a race for a document (Firestore retried it already). */
const ABORTED = 10;

export function isContention(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === ABORTED;
}

/**
 * Runs an idempotent transaction again when it keeps losing races (the SDK's own retries are
 * quick and few): settling a request must not fail because the person's other requests were
 * settling at the same moment.
 */
export async function withContentionRetries<T>(work: () => Promise<T>, rounds = 4): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await work();
    } catch (error) {
      if (!isContention(error) || round >= rounds) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** round * Math.random()));
    }
  }
}
