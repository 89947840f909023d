// Firestore probe used by the `health` callable.
import { firestore } from "./firestore.js";

/** True when Firestore answers a single-document read within the timeout. */
export async function pingFirestore(timeoutMs = 3_000): Promise<boolean> {
  const read = firestore()
    .doc("config/app")
    .get()
    .then(() => true);
  const timeout = new Promise<boolean>((resolve) =>
    setTimeout(() => resolve(false), timeoutMs).unref(),
  );
  return Promise.race([read, timeout]).catch(() => false);
}
