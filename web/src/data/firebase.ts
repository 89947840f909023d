// The one place the Firebase web SDK is started. Services are created lazily and once, so the app
// shell paints before any Firebase code runs, and every service is pointed at the Emulator Suite
// when (and only when) the configuration says so. At sign-out the Firestore instance is ended and
// its persistent cache deleted (`resetFirestore`), so the next person starts from an empty one.
import { initializeApp, type FirebaseApp } from "firebase/app";
import {
  CustomProvider,
  ReCaptchaEnterpriseProvider,
  initializeAppCheck,
} from "firebase/app-check";
import { connectAuthEmulator, getAuth, type Auth } from "firebase/auth";
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
import { connectFunctionsEmulator, getFunctions, type Functions } from "firebase/functions";
import { parseWebConfig, type WebConfig } from "../lib/env";

let config: WebConfig | undefined;
let app: FirebaseApp | undefined;
let auth: Auth | undefined;
let firestore: Firestore | undefined;
let functions: Functions | undefined;
/** Set while a signed-out person's Firestore instance is ended and its cache deleted. */
let clearing: Promise<void> | null = null;

/** The validated configuration this bundle was built with. */
export function webConfig(): WebConfig {
  config ??= parseWebConfig(import.meta.env);
  return config;
}

export function firebaseApp(): FirebaseApp {
  if (!app) {
    app = initializeApp(webConfig().firebase);
    // App Check must exist before the first callable so its token rides along.
    startAppCheck(app, webConfig());
  }
  return app;
}

const EMULATOR_TOKEN_SECONDS = 3600;

/**
 * An App Check token for the Emulator Suite: unsigned, naming this app. The Functions emulator
 * decodes App Check tokens without verifying them (there is no App Check backend for a demo
 * project), so it sets `request.app` exactly as production does for an attested token.
 */
export function emulatorAppCheckToken(appId: string, nowMs: number): string {
  const encode = (part: object) =>
    btoa(JSON.stringify(part)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  const issuedAt = Math.floor(nowMs / 1000);
  const claims = { sub: appId, iat: issuedAt, exp: issuedAt + EMULATOR_TOKEN_SECONDS };
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
}

/**
 * reCAPTCHA Enterprise with a site key (plus the debug provider when a debug token is
 * configured, for local and CI builds against a real project); on the emulators, the emulator
 * token when VITE_APPCHECK_EMULATOR asks for it; otherwise no App Check.
 */
function startAppCheck(
  app: FirebaseApp,
  { firebase, appCheckSiteKey, appCheckDebugToken, appCheckEmulator, emulators }: WebConfig,
): void {
  if (emulators) {
    if (!appCheckEmulator) return;
    initializeAppCheck(app, {
      provider: new CustomProvider({
        getToken: async () => ({
          token: emulatorAppCheckToken(firebase.appId, Date.now()),
          expireTimeMillis: Date.now() + EMULATOR_TOKEN_SECONDS * 1000,
        }),
      }),
      isTokenAutoRefreshEnabled: true,
    });
    return;
  }
  if (!appCheckSiteKey) return;
  // Read by initializeAppCheck: the debug provider then exchanges this token (registered in the
  // console under App Check → Manage debug tokens) instead of asking reCAPTCHA.
  if (appCheckDebugToken) {
    (globalThis as { FIREBASE_APPCHECK_DEBUG_TOKEN?: string }).FIREBASE_APPCHECK_DEBUG_TOKEN =
      appCheckDebugToken;
  }
  initializeAppCheck(app, {
    provider: new ReCaptchaEnterpriseProvider(appCheckSiteKey),
    isTokenAutoRefreshEnabled: true,
  });
}

export function authClient(): Auth {
  if (!auth) {
    auth = getAuth(firebaseApp());
    const emulator = webConfig().emulators?.auth;
    if (emulator) {
      connectAuthEmulator(auth, `http://${emulator.host}:${emulator.port}`, {
        disableWarnings: true,
      });
    }
  }
  return auth;
}

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

export function functionsClient(): Functions {
  if (!functions) {
    functions = getFunctions(firebaseApp(), webConfig().functionsRegion);
    const emulator = webConfig().emulators?.functions;
    if (emulator) connectFunctionsEmulator(functions, emulator.host, emulator.port);
  }
  return functions;
}
