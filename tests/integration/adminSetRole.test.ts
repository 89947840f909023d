// `adminSetRole` through the emulator: only admins may call it, the target's claims change
// (other claims kept) and show up in their refreshed token, roles/{uid} is written on a grant
// and deleted on a revoke (which also ends the person's sessions), and an admin cannot demote
// themselves. adminDemotion.test.ts checks what a demoted admin's old token can no longer do.
import { adminRolePath } from "@ideaspark/domain";
import { signInWithEmailAndPassword } from "firebase/auth";
import { httpsCallable } from "firebase/functions";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAuth, adminDb, makeAdmin } from "../support/admin.js";
import { sparkError } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";
import { webClient, type WebClient } from "../support/webClient.js";

let admin: TestUser;
let member: TestUser;
let guest: WebClient;
const setRole = (caller: WebClient, data: unknown) =>
  httpsCallable(caller.functions, "adminSetRole")(data);
const claimsOf = async (uid: string) => (await adminAuth().getUser(uid)).customClaims ?? {};
const roleDocOf = async (uid: string) => (await adminDb().doc(adminRolePath(uid)).get()).data();

beforeAll(async () => {
  admin = await signUpTestUser("role-admin");
  member = await signUpTestUser("role-member");
  guest = webClient();
  await adminDb()
    .doc(`users/${member.uid}`)
    .set({ email: member.email, displayName: "Member", createdAt: Date.now() });
  await makeAdmin(admin.uid);
  await admin.auth.currentUser?.getIdToken(true);
});

afterAll(async () => {
  await Promise.all([admin.close(), member.close(), guest.close()]);
});

describe("adminSetRole", () => {
  it("lets an admin make a user an admin, keeping their other claims", async () => {
    await adminAuth().setCustomUserClaims(member.uid, { tier: "beta" });

    const result = await setRole(admin, { uid: member.uid, admin: true });

    expect(result.data).toEqual({ uid: member.uid, admin: true });
    expect(await claimsOf(member.uid)).toEqual({ tier: "beta", admin: true });
    const token = await member.auth.currentUser!.getIdTokenResult(true);
    expect(token.claims.admin).toBe(true);
    const profile = (await adminDb().doc(`users/${member.uid}`).get()).data();
    expect(profile).toMatchObject({ role: "admin", roleUpdatedBy: admin.uid });
    expect(profile?.roleUpdatedAt).toBeGreaterThan(Date.now() - 60_000);
    const role = await roleDocOf(member.uid);
    expect(role).toMatchObject({ admin: true, grantedBy: admin.uid });
    expect(role?.grantedAt).toBeGreaterThan(Date.now() - 60_000);
  });

  it("lets an admin take the role away again, ending their sessions; signed in again, they have no admin claim", async () => {
    await setRole(admin, { uid: member.uid, admin: true });
    const revokedFrom = Math.floor(Date.now() / 1000) * 1000;

    await setRole(admin, { uid: member.uid, admin: false });

    expect(await claimsOf(member.uid)).toEqual({ tier: "beta" });
    expect(await roleDocOf(member.uid)).toBeUndefined();
    const validAfter = (await adminAuth().getUser(member.uid)).tokensValidAfterTime ?? "";
    expect(Date.parse(validAfter)).toBeGreaterThanOrEqual(revokedFrom);
    // Their refresh token is revoked (the Auth emulator still honours it; production does
    // not), so they sign in again.
    await signInWithEmailAndPassword(member.auth, member.email, "a-long-password-1");
    const token = await member.auth.currentUser!.getIdTokenResult();
    expect(token.claims.admin).toBeUndefined();
    expect((await adminDb().doc(`users/${member.uid}`).get()).get("role")).toBe("member");
  });

  it("records nothing on a profile that does not exist yet, so the sign-up can still create it", async () => {
    const newcomer = await signUpTestUser("role-newcomer");
    try {
      await setRole(admin, { uid: newcomer.uid, admin: true });
      expect(await claimsOf(newcomer.uid)).toEqual({ admin: true });
      expect(await roleDocOf(newcomer.uid)).toMatchObject({ admin: true });
      expect((await adminDb().doc(`users/${newcomer.uid}`).get()).exists).toBe(false);
    } finally {
      await newcomer.close();
    }
  });

  it("refuses a non-admin with permission-denied and changes nothing", async () => {
    const outsider = await signUpTestUser("role-outsider");
    try {
      await expect(setRole(outsider, { uid: outsider.uid, admin: true })).rejects.toMatchObject({
        code: "functions/permission-denied",
      });
      expect(await claimsOf(outsider.uid)).toEqual({});
      expect(await roleDocOf(outsider.uid)).toBeUndefined();
    } finally {
      await outsider.close();
    }
  });

  it("asks a signed-out caller to sign in", async () => {
    await expect(setRole(guest, { uid: member.uid, admin: true })).rejects.toMatchObject({
      code: "functions/unauthenticated",
    });
  });

  it.each([
    ["a string flag", { uid: "someone", admin: "yes" }, /admin must be true or false/],
    ["a missing uid", { admin: true }, /uid/],
    ["an extra field", { uid: "someone", admin: true, plan: "pro" }, /plan/],
  ])("answers invalid-argument naming the field for %s", async (_name, data, message) => {
    const error = await sparkError(setRole(admin, data));
    expect(error).toMatchObject({ code: "functions/invalid-argument" });
    expect(error.message).toMatch(message);
  });

  it("answers not-found for a uid nobody has", async () => {
    await expect(
      setRole(admin, { uid: `ghost-${randomUUID()}`, admin: true }),
    ).rejects.toMatchObject({ code: "functions/not-found" });
  });

  it("refuses to let an admin remove their own admin role", async () => {
    const error = await sparkError(setRole(admin, { uid: admin.uid, admin: false }));
    expect(error).toMatchObject({ code: "functions/failed-precondition" });
    expect(error.message).toMatch(/ask another admin/i);
    expect(await claimsOf(admin.uid)).toEqual({ admin: true });
    expect(await roleDocOf(admin.uid)).toMatchObject({ admin: true });
  });
});
