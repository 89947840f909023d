// Accounts for browser journeys: unique emails per run, users made directly in the Auth emulator,
// the admin role granted the way an operator would (`npm run admin:grant`), and profile reads.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { adminAuth, adminDb, makeAdmin } from "./admin.js";
import { REPO_ROOT } from "./emulators.js";

export const TEST_PASSWORD = "a-long-password-1";

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

export interface Account {
  uid: string;
  email: string;
  password: string;
}

/** An email/password account made with the Admin SDK (no profile document), verified. */
export async function createAccount(
  label: string,
  options: { admin?: boolean; displayName?: string; verified?: boolean } = {},
): Promise<Account> {
  const email = uniqueEmail(label);
  const user = await adminAuth().createUser({
    email,
    password: TEST_PASSWORD,
    displayName: options.displayName ?? label,
    // Verified unless a journey needs an unverified person (only verified people spark).
    emailVerified: options.verified ?? true,
  });
  if (options.admin) await makeAdmin(user.uid);
  return { uid: user.uid, email, password: TEST_PASSWORD };
}

export async function uidOf(email: string): Promise<string | null> {
  try {
    return (await adminAuth().getUserByEmail(email)).uid;
  } catch (error) {
    if ((error as { code?: string }).code === "auth/user-not-found") return null;
    throw error;
  }
}

const GRANT_SCRIPT = path.join(REPO_ROOT, "tools", "admin", "grant.ts");

/**
 * Gives the account the admin role (claim and roles/{uid}): with `tools/admin/grant.ts` when
 * present, else directly.
 */
export async function grantAdmin(email: string): Promise<void> {
  if (existsSync(GRANT_SCRIPT)) {
    const tsx = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
    await promisify(execFile)(process.execPath, [tsx, GRANT_SCRIPT, "--emulators", email], {
      cwd: REPO_ROOT,
      timeout: 60_000,
    });
    return;
  }
  const uid = await uidOf(email);
  if (!uid) throw new Error(`no account for ${email}`);
  await makeAdmin(uid);
}

/** users/{uid} as stored, or undefined while it does not exist. */
export async function profileDocument(uid: string): Promise<Record<string, unknown> | undefined> {
  return (await adminDb().doc(`users/${uid}`).get()).data();
}
