// Admin-side access to the emulators for assertions and fixtures (bypasses rules).
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

/** Replaces config/app (merged over the code defaults by the functions). */
export async function setAppConfig(config: Record<string, unknown>): Promise<void> {
  await adminDb().doc("config/app").set(config);
}

export async function clearAppConfig(): Promise<void> {
  await adminDb().doc("config/app").delete();
}
