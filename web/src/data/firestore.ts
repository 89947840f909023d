// Firestore, started lazily and once (after the app shell has painted: only lazily loaded data
// modules import this file), with the persistent multi-tab cache and, when configured, the
// emulator. At sign-out the instance is ended and its persistent cache deleted
// (`resetFirestore`), so the next person starts from an empty one.
import {
  clearIndexedDbPersistence,
  connectFirestoreEmulator,
  initializeFirestore,
  persistentLocalCache,
  persistentMultipleTabManager,
  terminate,
  waitForPendingWrites,
  type Firestore,
} from "firebase/firestore";
import { firebaseApp, webConfig } from "./firebase";

let firestore: Firestore | undefined;
/** Set while a signed-out person's Firestore instance is ended and its cache deleted. */
let clearing: Promise<void> | null = null;

/**
 * Hands the app's data modules a Firestore instance made elsewhere: for Node tools that run the
 * app's own readers against the emulators (`npm run bench:admin`), where no Vite env exists.
 */
export function provideFirestore(instance: Firestore): void {
  firestore = instance;
}

export function db(): Firestore {
  if (clearing) {
    throw new Error("Firestore is unavailable while the signed-out person's cache is cleared");
  }
  if (!firestore) {
    // Persistent multi-tab cache: home and history read offline, and several open tabs share it.
    firestore = initializeFirestore(firebaseApp(), {
      localCache: persistentLocalCache({ tabManager: persistentMultipleTabManager() }),
    });
    const emulator = webConfig().emulators?.firestore;
    if (emulator) connectFirestoreEmulator(firestore, emulator.host, emulator.port);
  }
  return firestore;
}

/** Snapshot listeners now running, so a sign-out can stop them before the session ends. */
const listeners = new Set<() => void>();

/** Registers a snapshot listener's unsubscribe; returns the one to hand out instead. */
export function followListener(unsubscribe: () => void): () => void {
  listeners.add(unsubscribe);
  return () => {
    if (listeners.delete(unsubscribe)) unsubscribe();
  };
}

/** Stops every snapshot listener (their owners' later unsubscribe calls do nothing). */
export function stopListeners(): void {
  const running = [...listeners];
  listeners.clear();
  for (const unsubscribe of running) unsubscribe();
}

const SETTLE_WRITES_MS = 3_000;
const CLEAR_CACHE_MS = 10_000;

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T | void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.warn(`IdeaSpark stopped waiting for ${what} after ${ms} ms`);
      resolve();
    }, ms);
  });
  // A rejection after the wait gave up must not surface as an unhandled one.
  promise.catch(() => undefined);
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Gives writes made while signed in (feedback, stars, profile edits) a moment to reach the server
 * before a sign-out drops them with the cache. Offline they cannot, so nothing waits.
 */
export async function settleWrites(): Promise<void> {
  if (!firestore || (typeof navigator !== "undefined" && !navigator.onLine)) return;
  await within(waitForPendingWrites(firestore), SETTLE_WRITES_MS, "unsent writes").catch(
    (error: unknown) => console.warn("IdeaSpark could not wait for unsent writes", error),
  );
}

/**
 * Ends this tab's Firestore instance after stopping its listeners and, with `clearCache`, deletes
 * the persistent cache it shared with other tabs (they end theirs when it is deleted); the next
 * `db()` starts a fresh instance. The SDK clears only a terminated (or never used) instance, so
 * the order is terminate, then clear, and nothing may start a new instance in between.
 */
export async function resetFirestore({ clearCache }: { clearCache: boolean }): Promise<void> {
  stopListeners();
  if (clearing) return clearing;
  // Clearing needs an instance even if this page never read anything (the cache is on disk).
  const instance = firestore ?? (clearCache ? db() : undefined);
  if (!instance) return;
  clearing = (async () => {
    await terminate(instance);
    if (clearCache) {
      // Deletion waits for every tab to close the database; a tab that never does must not
      // keep the sign-out waiting forever (a fresh instance's open then waits in line instead).
      await within(clearIndexedDbPersistence(instance), CLEAR_CACHE_MS, "the cache deletion");
    }
  })();
  try {
    await clearing;
  } finally {
    firestore = undefined;
    clearing = null;
  }
}

/**
 * Removes the notes Firestore's multi-tab sync keeps in localStorage about `uid`'s unsent writes
 * (`firestore_mutations_<prefix>_<batch>_<uid>`): the cache they describe is gone, and they name
 * the person. Keys of other people and of other Firestore bookkeeping are left alone.
 */
export function removeWriteNotes(
  uid: string,
  storage: Pick<Storage, "length" | "key" | "removeItem">,
): void {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith("firestore_mutations_") && key.endsWith(`_${uid}`)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}
