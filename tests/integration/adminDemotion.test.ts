// Instant demotion through the emulators: admin A takes the role from admin B. B's ID token from
// before (not refreshed, still carrying the `admin` claim for up to an hour) can no longer call
// the admin callables, re-grant itself or read admin data through the rules, because both check
// roles/{uid}, which the demotion deleted; and B's refresh tokens are revoked.
import { adminRolePath, DEFAULT_APP_CONFIG, type AppConfig } from "@ideaspark/domain";
import { signInWithEmailAndPassword } from "firebase/auth";
import {
  collection,
  connectFirestoreEmulator,
  doc,
  getDoc,
  getDocs,
  getFirestore,
  limit,
  query,
  type Firestore,
} from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAuth, adminDb, makeAdmin } from "../support/admin.js";
import { emulator } from "../support/emulators.js";
import { sparkError } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

/** signUpTestUser's password. */
const PASSWORD = "a-long-password-1";

let adminA: TestUser;
let adminB: TestUser;
let member: TestUser;
/** B's web SDK Firestore, made while B was an admin (it keeps using B's cached ID token). */
let dbB: Firestore;
/** B's ID token from before the demotion. */
let tokenB: string;
let validAfterBefore: number;
let demotedAtSecond: number;

const call = (caller: TestUser, name: string, data: unknown) =>
  httpsCallable(caller.functions, name)(data);
const claimsOf = async (uid: string) => (await adminAuth().getUser(uid)).customClaims ?? {};
const roleDocExists = async (uid: string) => (await adminDb().doc(adminRolePath(uid)).get()).exists;
const validAfterMs = async (uid: string) =>
  Date.parse((await adminAuth().getUser(uid)).tokensValidAfterTime ?? "");

function firestoreOf(user: TestUser): Firestore {
  const db = getFirestore(user.app);
  const { host, port } = emulator("firestore");
  connectFirestoreEmulator(db, host, port);
  return db;
}

async function createProfile(user: TestUser): Promise<void> {
  await adminDb().doc(`users/${user.uid}`).set({
    email: user.email,
    displayName: "Test",
    createdAt: Date.now(),
    attribution: null,
    aiDataUseConsent: false,
  });
}

/** The reads of the admin area, each refused to anyone the rules do not take for an admin. */
const ADMIN_READS: [string, (db: Firestore) => Promise<unknown>][] = [
  ["list users", (db) => getDocs(query(collection(db, "users"), limit(1)))],
  ["get another person's profile", (db) => getDoc(doc(db, `users/${member.uid}`))],
  ["get a day rollup", (db) => getDoc(doc(db, "rollups/2026-11-25"))],
  ["list the week rollups", (db) => getDocs(query(collection(db, "rollupWeeks"), limit(1)))],
  ["list campaigns", (db) => getDocs(query(collection(db, "campaigns"), limit(1)))],
  ["list events", (db) => getDocs(query(collection(db, "events"), limit(1)))],
  ["list the config change log", (db) => getDocs(query(collection(db, "configChanges"), limit(1)))],
  ["get A's roles document", (db) => getDoc(doc(db, adminRolePath(adminA.uid)))],
];

beforeAll(async () => {
  [adminA, adminB, member] = await Promise.all([
    signUpTestUser("demote-a"),
    signUpTestUser("demote-b"),
    signUpTestUser("demote-member"),
  ]);
  await Promise.all([createProfile(adminB), createProfile(member)]);
  await makeAdmin(adminA.uid);
  await adminA.auth.currentUser!.getIdToken(true);

  // A makes B an admin the way the app does; B's app refreshes its token once to see it.
  await call(adminA, "adminSetRole", { uid: adminB.uid, admin: true });
  const granted = await adminB.auth.currentUser!.getIdTokenResult(true);
  expect(granted.claims.admin).toBe(true);
  tokenB = granted.token;
  dbB = firestoreOf(adminB);

  // Before the demotion B is a full admin, so each refusal below is the demotion's doing.
  for (const [, read] of ADMIN_READS) await read(dbB);
  await call(adminB, "adminSetRole", { uid: member.uid, admin: false });

  // Revocation has one-second precision and compares with the sign-in time: demote B in a
  // later second than B signed in, as it would be in real life.
  const signedInAt = Date.parse(granted.authTime);
  const wait = signedInAt + 1_100 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  validAfterBefore = await validAfterMs(adminB.uid);
  demotedAtSecond = Math.floor(Date.now() / 1000) * 1000;
  await call(adminA, "adminSetRole", { uid: adminB.uid, admin: false });
});

afterAll(async () => {
  await Promise.all([adminA.close(), adminB.close(), member.close()]);
});

describe("a demoted admin", () => {
  it("loses the roles document and the claim at once, and the profile records it", async () => {
    expect(await roleDocExists(adminB.uid)).toBe(false);
    expect(await claimsOf(adminB.uid)).toEqual({});
    expect((await adminDb().doc(`users/${adminB.uid}`).get()).get("role")).toBe("member");
  });

  it("still holds the unrefreshed ID token with the admin claim (the case guarded here)", async () => {
    const held = await adminB.auth.currentUser!.getIdTokenResult();
    expect(held.token).toBe(tokenB);
    expect(held.claims.admin).toBe(true);
  });

  it("cannot call adminSetPlan with that token", async () => {
    const error = await sparkError(call(adminB, "adminSetPlan", { uid: member.uid, plan: "pro" }));
    expect(error.code).toBe("functions/permission-denied");
    expect(error.message).toMatch(/admin role has been removed/);
    expect((await adminDb().doc(`users/${member.uid}`).get()).get("plan")).not.toBe("pro");
  });

  it("cannot re-grant itself, nor take the role from the admin who demoted it", async () => {
    const regrant = await sparkError(
      call(adminB, "adminSetRole", { uid: adminB.uid, admin: true }),
    );
    expect(regrant.code).toBe("functions/permission-denied");
    expect(await roleDocExists(adminB.uid)).toBe(false);
    expect(await claimsOf(adminB.uid)).toEqual({});

    const revenge = await sparkError(
      call(adminB, "adminSetRole", { uid: adminA.uid, admin: false }),
    );
    expect(revenge.code).toBe("functions/permission-denied");
    expect(await roleDocExists(adminA.uid)).toBe(true);
    expect(await claimsOf(adminA.uid)).toEqual({ admin: true });
  });

  it("cannot call adminUpdateConfig with that token", async () => {
    const config: AppConfig = { ...DEFAULT_APP_CONFIG, aiPaused: true };
    const error = await sparkError(
      call(adminB, "adminUpdateConfig", { config, expectedUpdatedAt: null }),
    );
    expect(error.code).toBe("functions/permission-denied");
    const changes = await adminDb().collection("configChanges").where("by", "==", adminB.uid).get();
    expect(changes.size).toBe(0);
  });

  it.each(ADMIN_READS)(
    "cannot %s through the rules with the same Firestore client",
    async (_what, read) => {
      await expect(read(dbB)).rejects.toMatchObject({ code: "permission-denied" });
    },
  );

  it("still reads its own profile like any signed-in person", async () => {
    const own = await getDoc(doc(dbB, `users/${adminB.uid}`));
    expect(own.get("role")).toBe("member");
  });

  it("has had its refresh tokens revoked: the old ID token counts as revoked", async () => {
    const validAfter = await validAfterMs(adminB.uid);
    expect(validAfter).toBeGreaterThan(validAfterBefore);
    expect(validAfter).toBeGreaterThanOrEqual(demotedAtSecond);
    await expect(adminAuth().verifyIdToken(tokenB, true)).rejects.toMatchObject({
      code: "auth/id-token-revoked",
    });
  });

  it("becomes an admin again when A restores the role, once signed in again", async () => {
    await call(adminA, "adminSetRole", { uid: adminB.uid, admin: true });
    expect(await roleDocExists(adminB.uid)).toBe(true);

    await signInWithEmailAndPassword(adminB.auth, adminB.email, PASSWORD);
    expect((await adminB.auth.currentUser!.getIdTokenResult()).claims.admin).toBe(true);
    const users = await getDocs(query(collection(dbB, "users"), limit(1)));
    expect(users.size).toBe(1);
  });
});
