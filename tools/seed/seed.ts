// Idempotent demo data for the emulators: demo accounts (one admin) and their profiles.
// Refuses to run unless both the Auth and Firestore emulators are the target.
import { initializeApp, getApps } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_USERS, type DemoUser } from "./demoData.js";

export const DEMO_PROJECT_ID = "demo-ideaspark";

function assertEmulators(env: NodeJS.ProcessEnv): void {
  const missing = ["FIRESTORE_EMULATOR_HOST", "FIREBASE_AUTH_EMULATOR_HOST"].filter(
    (key) => !env[key],
  );
  if (missing.length > 0) {
    throw new Error(`Seeding only runs against the emulators; set ${missing.join(" and ")} first.`);
  }
}

async function upsertUser(user: DemoUser): Promise<"created" | "updated"> {
  const auth = getAuth();
  const fields = {
    email: user.email,
    password: user.password,
    displayName: user.displayName,
    emailVerified: true,
  };
  let outcome: "created" | "updated" = "updated";
  try {
    await auth.updateUser(user.uid, fields);
  } catch (error) {
    if ((error as { code?: string }).code !== "auth/user-not-found") throw error;
    await auth.createUser({ uid: user.uid, ...fields });
    outcome = "created";
  }
  await auth.setCustomUserClaims(user.uid, user.admin ? { admin: true } : null);
  const profile = getFirestore().doc(`users/${user.uid}`);
  const existing = await profile.get();
  await profile.set(
    {
      email: user.email,
      displayName: user.displayName,
      plan: user.plan,
      ...(existing.exists ? {} : { createdAt: Date.now(), attribution: user.attribution }),
    },
    { merge: true },
  );
  return outcome;
}

export async function seedDemoData(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  assertEmulators(env);
  if (getApps().length === 0) initializeApp({ projectId: env.GCLOUD_PROJECT ?? DEMO_PROJECT_ID });
  const lines: string[] = [];
  for (const user of DEMO_USERS) {
    const outcome = await upsertUser(user);
    lines.push(`${outcome} ${user.email}${user.admin ? " (admin)" : ""}`);
  }
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  seedDemoData()
    .then((lines) => console.log(lines.join("\n")))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
