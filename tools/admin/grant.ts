// `npm run admin:grant -- <email> [--revoke]`: makes the first admin (or takes the role away)
// by setting the `admin` custom claim on the account with that email, keeping its other
// claims, writing (or deleting) the server's roles/{uid} document that rules and admin
// callables require beside the claim, and recording the role on their profile (users/{uid})
// when they have one. A revoke also ends the person's sessions (refresh tokens revoked).
// Exit code 0 when done, 1 otherwise.
import {
  adminRoleDoc,
  adminRolePath,
  roleAlreadyIs,
  roleOf,
  withAdminClaim,
} from "@ideaspark/domain";
import { applicationDefault, deleteApp, initializeApp, type App } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { emulatorPort } from "../emulators/ports.js";
import { REPO_ROOT } from "../emulators/prepare.js";
import {
  findGcloudCredentials,
  parseGrantArgs,
  USAGE,
  UsageError,
  type GrantOptions,
  type GrantTarget,
} from "./grantArgs.js";

const GRPC_NOT_FOUND = 5;

function connect(target: GrantTarget): App {
  if (target.kind === "project") {
    return initializeApp(
      { credential: applicationDefault(), projectId: target.projectId },
      "grant",
    );
  }
  process.env.FIREBASE_AUTH_EMULATOR_HOST = target.authHost;
  process.env.FIRESTORE_EMULATOR_HOST = target.firestoreHost;
  // No metadata server exists off Google Cloud; without this the Admin SDK probes for one.
  process.env.METADATA_SERVER_DETECTION ??= "none";
  return initializeApp({ projectId: target.projectId }, "grant");
}

function describeTarget(target: GrantTarget): string {
  return target.kind === "emulators"
    ? `the emulators (project ${target.projectId}, Auth at ${target.authHost})`
    : `project ${target.projectId}`;
}

/** Records the role on an existing profile only (creating one would block the sign-up's own). */
async function recordRole(app: App, uid: string, admin: boolean, nowMs: number): Promise<boolean> {
  const change = { role: roleOf(admin), roleUpdatedAt: nowMs, roleUpdatedBy: "admin:grant" };
  try {
    await getFirestore(app).doc(`users/${uid}`).update(change);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === GRPC_NOT_FOUND) return false;
    throw error;
  }
}

/**
 * Gives or takes the role (claim and roles document); returns the lines to print. Throws with a
 * message on failure.
 */
export async function grant(app: App, options: GrantOptions, nowMs = Date.now()): Promise<string> {
  const { email, revoke, target } = options;
  const admin = !revoke;
  const user = await getAuth(app)
    .getUserByEmail(email)
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === "auth/user-not-found") {
        throw new UsageError(`No user with email ${email} in ${describeTarget(target)}.`);
      }
      throw error;
    });
  const who = `${email} (uid ${user.uid})`;
  // Whoever controls an unverified address may not be its owner: no admin role for it unless
  // the operator insists.
  if (admin && !user.emailVerified && !options.force) {
    throw new UsageError(
      `${who} has not verified the address in ${describeTarget(target)}; not granting. ` +
        "Ask them to open the verification link first, or pass --force.",
    );
  }
  const roleRef = getFirestore(app).doc(adminRolePath(user.uid));
  const state = { claims: user.customClaims, roleDocExists: (await roleRef.get()).exists };
  if (roleAlreadyIs(state, admin)) {
    const already = admin ? "is already an admin" : "is not an admin";
    return `${who} ${already} in ${describeTarget(target)}; nothing changed.`;
  }
  if (admin) {
    await getAuth(app).setCustomUserClaims(user.uid, withAdminClaim(user.customClaims, true));
    await roleRef.set(adminRoleDoc("admin:grant", nowMs));
  } else {
    // The document first: rules and admin callables refuse the person from that moment on,
    // while a claim already in their ID token would last up to an hour.
    await roleRef.delete();
    await getAuth(app).setCustomUserClaims(user.uid, withAdminClaim(user.customClaims, false));
    await getAuth(app).revokeRefreshTokens(user.uid);
  }
  const recorded = await recordRole(app, user.uid, admin, nowMs);
  const done = admin ? "Granted the admin role to" : "Revoked the admin role from";
  return [
    `${done} ${who} in ${describeTarget(target)}.`,
    ...(recorded
      ? []
      : ["They have no profile yet; the role is in their claims and roles document only."]),
    admin
      ? "It applies when their app next refreshes its ID token (within the hour), or at once after they sign in again."
      : "It applies at once; their sessions were ended, so they must sign in again.",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const options = parseGrantArgs(argv, {
    env: process.env,
    emulatorPorts: () => ({
      auth: emulatorPort(REPO_ROOT, "auth"),
      firestore: emulatorPort(REPO_ROOT, "firestore"),
    }),
    gcloudCredentials: findGcloudCredentials(process.env),
  });
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  const app = connect(options.target);
  try {
    console.log(await grant(app, options));
    return 0;
  } finally {
    await deleteApp(app);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(error instanceof UsageError ? message : `admin:grant failed: ${message}`);
      process.exit(1);
    });
}
