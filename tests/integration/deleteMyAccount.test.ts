// `deleteMyAccount` through the emulator: only with a recent sign-in and an explicit
// confirmation; the caller's documents (an admin role included) go, their usage records stay
// but anonymised, a tombstone stays, the Auth account goes last, a repeated call is harmless,
// and no other user is touched. The race with a streaming spark: deleteRace.test.ts.
import {
  adminRoleDoc,
  adminRolePath,
  DELETED_USER_UID,
  periodKey,
  type UsageRecord,
} from "@ideaspark/domain";
import { signInWithEmailAndPassword } from "firebase/auth";
import { httpsCallable } from "firebase/functions";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAuth, adminDb, clearAppConfig } from "../support/admin.js";
import { emulator, PROJECT_ID, REGION } from "../support/emulators.js";
import { callSpark, newRequest, sparkError } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";
import { webClient, type WebClient } from "../support/webClient.js";

const PASSWORD = "a-long-password-1";
/** More than one read page / write batch (400) so the paging is exercised. */
const EXTRA_USAGE = 450;

let bystander: TestUser;
let bystanderSpark: string;
const bystanderEvent = randomUUID();
let guest: WebClient;

const deleteAccount = (caller: WebClient, data: unknown) =>
  httpsCallable(caller.functions, "deleteMyAccount", { timeout: 120_000 })(data);

async function spark(user: TestUser): Promise<string> {
  const request = newRequest({ topic: `Account ideas ${randomUUID()}`, count: 1 });
  await callSpark(user, request);
  return request.requestId;
}

function usageRecord(uid: string, createdAt: number): UsageRecord {
  const requestId = randomUUID();
  return {
    uid,
    requestId,
    sparkId: requestId,
    providerUsage: { inputTokens: 10, outputTokens: 20, cachedInputTokens: 0, costUsd: 0.0001 },
    attemptLog: [],
    ideasRequested: 1,
    ideasDelivered: 1,
    model: "gpt-test",
    inputTokens: 10,
    outputTokens: 20,
    cachedInputTokens: 0,
    costUsd: 0.0001,
    cached: false,
    estimated: false,
    campaignId: null,
    signedUpAt: null,
    firstInMonth: false,
    returning: false,
    latencyMs: 5,
    attempts: 1,
    status: "ok",
    period: periodKey(createdAt),
    createdAt,
  };
}

function event(uid: string) {
  return { name: "spark_submitted", at: Date.now(), uid, props: {} };
}

/** A user with a profile, a real spark (spark + usage + quota docs) and many more records. */
async function userWithData(label: string) {
  const user = await signUpTestUser(label);
  const db = adminDb();
  await db.doc(`users/${user.uid}`).set({ email: user.email, displayName: label, createdAt: 1 });
  const sparkId = await spark(user);
  const extraUsage: string[] = [];
  const batch = db.batch();
  for (let i = 0; i < EXTRA_USAGE; i++) {
    const ref = db.collection("usage").doc();
    batch.set(ref, usageRecord(user.uid, Date.now() - i));
    extraUsage.push(ref.id);
  }
  await db.doc(`users/${user.uid}/sparks/${randomUUID()}/notes/n1`).set({ text: "nested" });
  await db.doc(`quotas/${user.uid}_2025-01`).set({ uid: user.uid, period: "2025-01", used: 5 });
  const eventIds = [randomUUID(), randomUUID()];
  for (const id of eventIds) batch.set(db.doc(`events/${id}`), event(user.uid));
  await batch.commit();
  return { user, sparkId, usageIds: [sparkId, ...extraUsage], eventIds };
}

/** The caller's real ID token with `auth_time` moved back: the emulator accepts unsigned tokens. */
function withAuthTime(idToken: string, authTimeSeconds: number): string {
  const [header, payload] = idToken.split(".");
  const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as object;
  const changed = Buffer.from(JSON.stringify({ ...claims, auth_time: authTimeSeconds }));
  return `${header}.${changed.toString("base64url")}.`;
}

async function rawDeleteAccount(idToken: string, data: unknown) {
  const { host, port } = emulator("functions");
  const response = await fetch(`http://${host}:${port}/${PROJECT_ID}/${REGION}/deleteMyAccount`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
    body: JSON.stringify({ data }),
  });
  return (await response.json()) as {
    result?: unknown;
    error?: { status: string; message: string };
  };
}

async function userStillThere(user: TestUser): Promise<void> {
  await expect(adminAuth().getUser(user.uid)).resolves.toMatchObject({ uid: user.uid });
  expect((await adminDb().doc(`users/${user.uid}`).get()).exists).toBe(true);
}

beforeAll(async () => {
  await clearAppConfig();
  guest = webClient();
  bystander = await signUpTestUser("bystander");
  await adminDb()
    .doc(`users/${bystander.uid}`)
    .set({ email: bystander.email, displayName: "Bystander", createdAt: 1 });
  bystanderSpark = await spark(bystander);
  await adminDb().doc(`events/${bystanderEvent}`).set(event(bystander.uid));
});

afterAll(async () => {
  await Promise.all([bystander.close(), guest.close()]);
});

describe("deleteMyAccount", () => {
  it("erases the caller's documents, anonymises their usage and deletes their sign-in", async () => {
    const { user, sparkId, usageIds, eventIds } = await userWithData("leaver");
    const db = adminDb();

    const result = await deleteAccount(user, { confirm: "DELETE" });

    expect(result.data).toEqual({
      uid: user.uid,
      deleted: true,
      documentsDeleted: 5, // profile, spark, a nested document, 2 quotas
      usageAnonymised: usageIds.length,
      eventsAnonymised: eventIds.length,
    });
    expect((await db.doc(`users/${user.uid}`).get()).exists).toBe(false);
    expect((await db.collection(`users/${user.uid}/sparks`).get()).empty).toBe(true);
    expect((await db.collection("quotas").where("uid", "==", user.uid).get()).empty).toBe(true);
    expect((await db.collection("usage").where("uid", "==", user.uid).get()).empty).toBe(true);
    const usage = await db.getAll(...usageIds.map((id) => db.doc(`usage/${id}`)));
    expect(usage.every((doc) => doc.exists && doc.get("uid") === DELETED_USER_UID)).toBe(true);
    expect(usage.every((doc) => typeof doc.get("anonymisedAt") === "number")).toBe(true);
    expect((await db.doc(`usage/${sparkId}`).get()).get("costUsd")).toBeGreaterThanOrEqual(0);
    const events = await db.getAll(...eventIds.map((id) => db.doc(`events/${id}`)));
    expect(events.map((doc) => doc.get("uid"))).toEqual([DELETED_USER_UID, DELETED_USER_UID]);
    await expect(adminAuth().getUser(user.uid)).rejects.toMatchObject({
      code: "auth/user-not-found",
    });
    // The tombstone outlives the account: spark, settlement and the rules refuse the uid.
    const tombstone = await db.doc(`deletedAccounts/${user.uid}`).get();
    expect(tombstone.exists).toBe(true);
    expect(tombstone.get("deletedAt")).toBeGreaterThan(Date.now() - 120_000);
    const again = webClient();
    try {
      await expect(signInWithEmailAndPassword(again.auth, user.email, PASSWORD)).rejects.toThrow();
    } finally {
      await again.close();
    }
    await user.close();
  });

  it("leaves every other user's profile, sparks, quotas and usage untouched", async () => {
    const { user } = await userWithData("leaver-2");
    await deleteAccount(user, { confirm: "DELETE" });
    await user.close();

    const db = adminDb();
    await userStillThere(bystander);
    expect((await db.doc(`users/${bystander.uid}/sparks/${bystanderSpark}`).get()).exists).toBe(
      true,
    );
    expect((await db.doc(`usage/${bystanderSpark}`).get()).get("uid")).toBe(bystander.uid);
    expect((await db.doc(`usage/${bystanderSpark}`).get()).get("anonymisedAt")).toBeUndefined();
    expect((await db.doc(`events/${bystanderEvent}`).get()).get("uid")).toBe(bystander.uid);
    const quota = await db.doc(`quotas/${bystander.uid}_${periodKey(Date.now())}`).get();
    expect(quota.get("used")).toBeGreaterThan(0);
  });

  it("removes a former admin's roles document with the account", async () => {
    const user = await signUpTestUser("admin-leaver");
    const db = adminDb();
    await db.doc(`users/${user.uid}`).set({ email: user.email, displayName: "A", createdAt: 1 });
    await db.doc(adminRolePath(user.uid)).set(adminRoleDoc("seed", Date.now()));

    await deleteAccount(user, { confirm: "DELETE" });

    expect((await db.doc(adminRolePath(user.uid)).get()).exists).toBe(false);
    expect((await db.doc(`deletedAccounts/${user.uid}`).get()).exists).toBe(true);
    await user.close();
  });

  it("keeps the first deletion's tombstone time when called again", async () => {
    const user = await signUpTestUser("twice");
    const db = adminDb();
    await db.doc(`users/${user.uid}`).set({ email: user.email, displayName: "T", createdAt: 1 });
    await deleteAccount(user, { confirm: "DELETE" });
    const first = (await db.doc(`deletedAccounts/${user.uid}`).get()).get("deletedAt") as number;

    await deleteAccount(user, { confirm: "DELETE" });

    expect((await db.doc(`deletedAccounts/${user.uid}`).get()).get("deletedAt")).toBe(first);
    await user.close();
  });

  it("finishes harmlessly when called again after the account is already gone", async () => {
    const user = await signUpTestUser("retrier");
    await adminDb()
      .doc(`users/${user.uid}`)
      .set({ email: user.email, displayName: "R", createdAt: 1 });
    await deleteAccount(user, { confirm: "DELETE" });

    const retry = await deleteAccount(user, { confirm: "DELETE" });

    expect(retry.data).toEqual({
      uid: user.uid,
      deleted: true,
      documentsDeleted: 0,
      usageAnonymised: 0,
      eventsAnonymised: 0,
    });
    await user.close();
  });

  it("asks for a fresh sign-in when the last one is older than five minutes", async () => {
    const user = await signUpTestUser("stale");
    await adminDb()
      .doc(`users/${user.uid}`)
      .set({ email: user.email, displayName: "S", createdAt: 1 });
    try {
      const token = await user.auth.currentUser!.getIdToken();
      const stale = withAuthTime(token, Math.floor(Date.now() / 1000) - 10 * 60);

      const answer = await rawDeleteAccount(stale, { confirm: "DELETE" });

      expect(answer.error).toEqual({
        status: "FAILED_PRECONDITION",
        message: "Please sign in again to delete your account.",
      });
      await userStillThere(user);
      const fresh = await rawDeleteAccount(withAuthTime(token, Math.floor(Date.now() / 1000)), {
        confirm: "WRONG",
      });
      expect(fresh.error?.status).toBe("INVALID_ARGUMENT");
    } finally {
      await user.close();
    }
  });

  it.each([
    ["a missing confirm", {}],
    ["a lower-case confirm", { confirm: "delete" }],
    ["no request at all", undefined],
  ])("answers invalid-argument naming confirm for %s, deleting nothing", async (_name, data) => {
    const user = await signUpTestUser("unsure");
    await adminDb()
      .doc(`users/${user.uid}`)
      .set({ email: user.email, displayName: "U", createdAt: 1 });
    try {
      const error = await sparkError(deleteAccount(user, data));
      expect(error).toMatchObject({ code: "functions/invalid-argument" });
      expect(error.message).toMatch(/confirm must be "DELETE"/);
      await userStillThere(user);
    } finally {
      await user.close();
    }
  });

  it("asks a signed-out caller to sign in", async () => {
    await expect(deleteAccount(guest, { confirm: "DELETE" })).rejects.toMatchObject({
      code: "functions/unauthenticated",
    });
  });
});
