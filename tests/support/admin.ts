// Admin-side access to the emulators for assertions and fixtures (bypasses rules).
import { adminRoleDoc, adminRolePath } from "@ideaspark/domain";
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { emulator, PROJECT_ID } from "./emulators.js";

function ensureApp(): void {
  if (getApps().length > 0) return;
  const firestore = emulator("firestore");
  const auth = emulator("auth");
  process.env.FIRESTORE_EMULATOR_HOST ??= `${firestore.host}:${firestore.port}`;
  process.env.FIREBASE_AUTH_EMULATOR_HOST ??= `${auth.host}:${auth.port}`;
  process.env.METADATA_SERVER_DETECTION ??= "none";
  initializeApp({ projectId: PROJECT_ID });
}

export function adminDb(): Firestore {
  ensureApp();
  return getFirestore();
}

export function adminAuth() {
  ensureApp();
  return getAuth();
}

/**
 * Makes `uid` an admin the way the server does: the `admin: true` claim (with `otherClaims`) and
 * the roles/{uid} document, which rules and admin callables require beside the claim. The
 * person's app sees the claim after its next ID token refresh.
 */
export async function makeAdmin(
  uid: string,
  otherClaims: Record<string, unknown> = {},
): Promise<void> {
  await adminAuth().setCustomUserClaims(uid, { ...otherClaims, admin: true });
  await adminDb().doc(adminRolePath(uid)).set(adminRoleDoc("test", Date.now()));
}

/** Replaces config/app (merged over the code defaults by the functions). */
export async function setAppConfig(config: Record<string, unknown>): Promise<void> {
  await adminDb().doc("config/app").set(config);
}

export async function clearAppConfig(): Promise<void> {
  await adminDb().doc("config/app").delete();
}

/**
 * Waits until the sign-up trigger (onSignUp, in the functions emulator) has counted a new
 * profile, so a test's own writes to it never race the trigger's transaction.
 */
export async function signUpCounted(uid: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const snap = await adminDb().doc(`users/${uid}`).get();
    if (snap.get("growth.signupCounted") === true) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The sign-up of ${uid} was not counted within ${timeoutMs} ms`);
}
