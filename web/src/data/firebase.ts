// The one place the Firebase web SDK is started. Services are created lazily and once, so the app
// shell paints before any Firebase code runs, and every service is pointed at the Emulator Suite
// when (and only when) the configuration says so.
import { initializeApp, type FirebaseApp } from "firebase/app";
import { ReCaptchaEnterpriseProvider, initializeAppCheck } from "firebase/app-check";
import { connectAuthEmulator, getAuth, type Auth } from "firebase/auth";
import {
  connectFirestoreEmulator,
  initializeFirestore,
  persistentLocalCache,
  persistentMultipleTabManager,
  type Firestore,
} from "firebase/firestore";
import { connectFunctionsEmulator, getFunctions, type Functions } from "firebase/functions";
import { parseWebConfig, type WebConfig } from "../lib/env";

let config: WebConfig | undefined;
let app: FirebaseApp | undefined;
let auth: Auth | undefined;
let firestore: Firestore | undefined;
let functions: Functions | undefined;

/** The validated configuration this bundle was built with. */
export function webConfig(): WebConfig {
  config ??= parseWebConfig(import.meta.env);
  return config;
}

export function firebaseApp(): FirebaseApp {
  if (!app) {
    const { firebase, appCheckSiteKey, emulators } = webConfig();
    app = initializeApp(firebase);
    // App Check must exist before the first callable so its token rides along; the emulators
    // do not enforce it.
    if (appCheckSiteKey && !emulators) {
      initializeAppCheck(app, {
        provider: new ReCaptchaEnterpriseProvider(appCheckSiteKey),
        isTokenAutoRefreshEnabled: true,
      });
    }
  }
  return app;
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

export function functionsClient(): Functions {
  if (!functions) {
    functions = getFunctions(firebaseApp(), webConfig().functionsRegion);
    const emulator = webConfig().emulators?.functions;
    if (emulator) connectFunctionsEmulator(functions, emulator.host, emulator.port);
  }
  return functions;
}
