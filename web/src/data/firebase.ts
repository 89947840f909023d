// The one place the Firebase web SDK is started: the app, App Check, Auth and Functions. Services
// are created lazily and once, and every service is pointed at the Emulator Suite when (and only
// when) the configuration says so. Firestore, the biggest part of the SDK, lives in ./firestore:
// only lazily loaded data modules import it, so the signed-in shell paints before it downloads.
import { initializeApp, type FirebaseApp } from "firebase/app";
import {
  CustomProvider,
  ReCaptchaEnterpriseProvider,
  initializeAppCheck,
} from "firebase/app-check";
import {
  browserLocalPersistence,
  browserSessionPersistence,
  connectAuthEmulator,
  indexedDBLocalPersistence,
  initializeAuth,
  type Auth,
} from "firebase/auth";
import { connectFunctionsEmulator, getFunctions, type Functions } from "firebase/functions";
import type { WebConfig } from "../lib/env";

let config: WebConfig | undefined;
let app: FirebaseApp | undefined;
let auth: Auth | undefined;
let functions: Functions | undefined;

/** Set by the build (web/vite.config.ts) from the VITE_* variables it validated; null in tests. */
declare const __IDEASPARK_WEB_CONFIG__: WebConfig | null;

/** The validated configuration this bundle was built with. */
export function webConfig(): WebConfig {
  const built = typeof __IDEASPARK_WEB_CONFIG__ === "undefined" ? null : __IDEASPARK_WEB_CONFIG__;
  if (!built) throw new Error("No web configuration: this code runs only in a Vite build");
  config ??= built;
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
    // getAuth() would also load the popup/redirect resolver, which opens a hidden iframe to the
    // auth domain at start-up; the app needs it only for Google sign-in (data/auth.ts passes it
    // to the popup calls), so the shell starts without it. Persistence is getAuth's own.
    auth = initializeAuth(firebaseApp(), {
      persistence: [indexedDBLocalPersistence, browserLocalPersistence, browserSessionPersistence],
    });
    const emulator = webConfig().emulators?.auth;
    if (emulator) {
      connectAuthEmulator(auth, `http://${emulator.host}:${emulator.port}`, {
        disableWarnings: true,
      });
    }
  }
  return auth;
}

export function functionsClient(): Functions {
  if (!functions) {
    functions = getFunctions(firebaseApp(), webConfig().functionsRegion);
    const emulator = webConfig().emulators?.functions;
    if (emulator) connectFunctionsEmulator(functions, emulator.host, emulator.port);
  }
  return functions;
}
