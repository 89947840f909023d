// `npm run admin:grant` as a developer runs it: a separate process that finds the account by
// email in the Auth emulator and sets or clears its `admin` claim, keeping the others, writes or
// deletes roles/{uid}, and on a revoke ends the person's sessions.
import { adminRolePath } from "@ideaspark/domain";
import { spawn } from "node:child_process";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tsxCommand } from "../../tools/lib/stack.js";
import { adminAuth, adminDb, makeAdmin } from "../support/admin.js";
import { REPO_ROOT } from "../support/emulators.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the script; `env` replaces the emulator variables the test runner exports. */
function runGrant(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  const { command, args: cliArgs } = tsxCommand(path.join(REPO_ROOT, "tools/admin/grant.ts"), args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, cliArgs, { cwd: REPO_ROOT, env, stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The environment of a developer's shell: no emulator variables, no cloud credentials. */
function plainShellEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of [
    "FIREBASE_AUTH_EMULATOR_HOST",
    "FIRESTORE_EMULATOR_HOST",
    "GCLOUD_PROJECT",
    "GOOGLE_CLOUD_PROJECT",
    "GOOGLE_APPLICATION_CREDENTIALS",
  ]) {
    delete env[key];
  }
  return { ...env, CLOUDSDK_CONFIG: path.join(REPO_ROOT, ".cache", "no-gcloud-config") };
}

const claimsOf = async (uid: string) => (await adminAuth().getUser(uid)).customClaims ?? {};
const roleDocOf = async (uid: string) => (await adminDb().doc(adminRolePath(uid)).get()).data();

let user: TestUser;

beforeAll(async () => {
  user = await signUpTestUser("grant");
  await adminDb()
    .doc(`users/${user.uid}`)
    .set({ email: user.email, displayName: "Grantee", createdAt: Date.now() });
  await adminAuth().setCustomUserClaims(user.uid, { tier: "beta" });
});

afterAll(async () => {
  await user.close();
});

describe("npm run admin:grant", () => {
  it("grants the admin role by email with --emulators, keeping other claims", async () => {
    const run = await runGrant([user.email, "--emulators"], plainShellEnv());

    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Granted the admin role to ${user.email} (uid ${user.uid})`);
    expect(await claimsOf(user.uid)).toEqual({ tier: "beta", admin: true });
    expect((await adminDb().doc(`users/${user.uid}`).get()).data()).toMatchObject({
      role: "admin",
      roleUpdatedBy: "admin:grant",
    });
    expect(await roleDocOf(user.uid)).toMatchObject({ admin: true, grantedBy: "admin:grant" });
    const token = await user.auth.currentUser!.getIdTokenResult(true);
    expect(token.claims.admin).toBe(true);
  });

  it("says so and changes nothing when the user already is an admin", async () => {
    await makeAdmin(user.uid, { tier: "beta" });
    const before = await roleDocOf(user.uid);
    const run = await runGrant([user.email]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("is already an admin");
    expect(await claimsOf(user.uid)).toEqual({ tier: "beta", admin: true });
    expect(await roleDocOf(user.uid)).toEqual(before);
  });

  it("completes a role that has the claim but no roles document", async () => {
    await adminAuth().setCustomUserClaims(user.uid, { tier: "beta", admin: true });
    await adminDb().doc(adminRolePath(user.uid)).delete();
    const run = await runGrant([user.email]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Granted the admin role");
    expect(await roleDocOf(user.uid)).toMatchObject({ admin: true, grantedBy: "admin:grant" });
  });

  it("revokes the role with --revoke against the emulators named in the environment", async () => {
    await makeAdmin(user.uid, { tier: "beta" });
    const revokedFrom = Math.floor(Date.now() / 1000) * 1000;

    const run = await runGrant([user.email, "--revoke"]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Revoked the admin role from ${user.email}`);
    expect(run.stdout).toContain("they must sign in again");
    expect(await claimsOf(user.uid)).toEqual({ tier: "beta" });
    expect(await roleDocOf(user.uid)).toBeUndefined();
    expect((await adminDb().doc(`users/${user.uid}`).get()).get("role")).toBe("member");
    const validAfter = (await adminAuth().getUser(user.uid)).tokensValidAfterTime ?? "";
    expect(Date.parse(validAfter)).toBeGreaterThanOrEqual(revokedFrom);
  });

  it("grants a user who has no profile yet without creating one", async () => {
    const newcomer = await signUpTestUser("grant-newcomer");
    try {
      const run = await runGrant([newcomer.email, "--emulators"], plainShellEnv());
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("They have no profile yet");
      expect(await claimsOf(newcomer.uid)).toEqual({ admin: true });
      expect(await roleDocOf(newcomer.uid)).toMatchObject({ admin: true });
      expect((await adminDb().doc(`users/${newcomer.uid}`).get()).exists).toBe(false);
    } finally {
      await newcomer.close();
    }
  });

  it("refuses an address that is not verified unless --force is given", async () => {
    const stranger = await signUpTestUser("grant-unverified", { verified: false });
    try {
      const refused = await runGrant([stranger.email, "--emulators"], plainShellEnv());
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("has not verified the address");
      expect(await claimsOf(stranger.uid)).toEqual({});
      expect(await roleDocOf(stranger.uid)).toBeUndefined();
      const forced = await runGrant([stranger.email, "--emulators", "--force"], plainShellEnv());
      expect(forced.code).toBe(0);
      expect(await claimsOf(stranger.uid)).toEqual({ admin: true });
    } finally {
      await stranger.close();
    }
  });

  it("exits 1 naming the email when no user has it", async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@example.test`;
    const run = await runGrant([email, "--emulators"], plainShellEnv());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`No user with email ${email}`);
  });

  it("exits 1 without touching anything when neither emulators nor a project are given", async () => {
    const run = await runGrant([user.email], plainShellEnv());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--project <id>/);
    expect(run.stderr).toMatch(/GOOGLE_APPLICATION_CREDENTIALS/);
  });
});
