// Account deletion while a spark is streaming: the deletion (revoke, tombstone, erase, Auth)
// completes mid-stream, the spark settles afterwards, and nothing comes back under the uid —
// no profile, spark, quota or growth; its usage record anonymised; its provider cost still in
// the budget and the day's rollup. The uid's next spark is refused, its still-valid ID token
// cannot re-create the profile (rules, through the web SDK), and the deleted-account sweep finds
// nothing left. The sweep's own cases: stragglers under a recent tombstone are erased, an old
// tombstone is left alone, and an abandoned claim of a deleted account settles under nobody.
// The spark and the deletion run in-process (real Firestore and Auth emulators, the real
// `openai` SDK against a slow local model server), so the race is the test's to time.
import {
  adminRoleDoc,
  adminRolePath,
  DEFAULT_APP_CONFIG,
  DELETED_USER_UID,
  periodKey,
  quotaDocId,
  rollupDay,
  UsageRecord,
  type AppConfig,
  type SparkChunk,
} from "@ideaspark/domain";
import { connectFirestoreEmulator, doc, getFirestore, setDoc } from "firebase/firestore";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAuth, adminDb, signUpCounted } from "../support/admin.js";
import { emulator } from "../support/emulators.js";
import {
  ownModelServer,
  SETTINGS_WITHOUT_REASONING,
  type OwnModelServer,
} from "../support/ownModelServer.js";
import { newRequest } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";
// Types only: the modules themselves load once the admin app points at the emulators.
import type * as DeleteMyAccount from "../../functions/src/account/deleteMyAccount.js";
import type * as SweepAbandoned from "../../functions/src/maintenance/sweepAbandoned.js";
import type * as SweepDeleted from "../../functions/src/maintenance/sweepDeleted.js";

// A month of this suite's own: the budget shards and day rollups it reads are its alone.
const MONTH_START = Date.UTC(2034, 6, 1);
const PERIOD = periodKey(MONTH_START);
const DAY_MS = 86_400_000;

const CONFIG: AppConfig = {
  ...DEFAULT_APP_CONFIG,
  modelSettings: SETTINGS_WITHOUT_REASONING,
  requestsPerMinute: 1_000,
  cacheEnabled: false,
  retry: { maxAttempts: 1, baseMs: 10, maxMs: 100 },
  timeouts: { moderationMs: 5_000, idleMs: 5_000, deadlineMs: 60_000 },
};

type DeleteModule = typeof DeleteMyAccount;
type SweepModule = typeof SweepDeleted;
type AbandonedModule = typeof SweepAbandoned;

let model: OwnModelServer;
let deletion: DeleteModule;
let sweep: SweepModule;
let abandoned: AbandonedModule;

beforeAll(async () => {
  adminDb(); // the default admin app, on the emulators, before functions code asks for one
  deletion = await import("../../functions/src/account/deleteMyAccount.js");
  sweep = await import("../../functions/src/maintenance/sweepDeleted.js");
  abandoned = await import("../../functions/src/maintenance/sweepAbandoned.js");
  // Slow enough that a deletion fits between the first idea and the last.
  model = await ownModelServer({
    config: CONFIG,
    monthStart: MONTH_START,
    pacing: { firstTokenMs: 200, chunkMs: 60 },
  });
}, 60_000);

afterAll(async () => {
  await model?.close();
});

/** The caller's request as the deleteMyAccount callable receives it, signed in just now. */
function deleteRequest(uid: string) {
  return {
    auth: { uid, token: { auth_time: Math.floor(Date.now() / 1000) }, rawToken: "" },
    data: { confirm: "DELETE" },
  };
}

async function sumShards(path: string, field: string): Promise<number> {
  const shards = await adminDb().collection(path).get();
  return shards.docs.reduce((sum, shard) => sum + (Number(shard.get(field)) || 0), 0);
}

async function nothingUnder(uid: string): Promise<void> {
  const db = adminDb();
  expect((await db.doc(`users/${uid}`).get()).exists).toBe(false);
  expect((await db.collection(`users/${uid}/sparks`).get()).empty).toBe(true);
  expect((await db.collection("quotas").where("uid", "==", uid).get()).empty).toBe(true);
  expect((await db.doc(`quotas/${quotaDocId(uid, PERIOD)}`).get()).exists).toBe(false);
  expect((await db.collection("usage").where("uid", "==", uid).get()).empty).toBe(true);
  expect((await db.collection("events").where("uid", "==", uid).get()).empty).toBe(true);
  expect((await db.doc(`limits/${uid}`).get()).exists).toBe(false);
  expect((await db.doc(`roles/${uid}`).get()).exists).toBe(false);
}

describe("deleting an account while its spark streams", () => {
  let user: TestUser;
  let requestId: string;
  let deletedAtWall: number | undefined;
  let ideasAfterDeletion = 0;
  let sparkError: { kind?: string; message?: string } | null = null;

  beforeAll(async () => {
    user = await signUpTestUser("race");
    await adminDb()
      .doc(`users/${user.uid}`)
      .set({
        email: user.email,
        displayName: "Race",
        createdAt: Date.now() - 3 * DAY_MS,
        attribution: null,
        aiDataUseConsent: true,
      });
    await signUpCounted(user.uid);

    const request = newRequest({ topic: `Team offsite ideas ${randomUUID()}`, count: 4 });
    requestId = request.requestId;
    let firstIdea: () => void = () => undefined;
    const firstIdeaSeen = new Promise<void>((resolve) => (firstIdea = resolve));
    const running = model.spark({
      uid: user.uid,
      data: request,
      emit: (chunk: SparkChunk) => {
        if (chunk.type !== "idea") return;
        firstIdea();
        if (deletedAtWall !== undefined) ideasAfterDeletion++;
      },
    });
    // The spark's outcome is read after the deletion; a rejection is not unhandled meanwhile.
    const settled = running.then(
      () => null,
      (error: unknown) => error as { kind?: string; message?: string },
    );

    await firstIdeaSeen;
    await deletion.handleDeleteMyAccount(deleteRequest(user.uid) as never);
    deletedAtWall = Date.now();
    sparkError = await settled;
  }, 120_000);

  afterAll(async () => {
    await user?.close();
  });

  it("really raced: ideas were still streaming after the deletion had finished", () => {
    expect(ideasAfterDeletion).toBeGreaterThan(0);
  });

  it("tells the streaming caller the account is gone", () => {
    expect(sparkError).toMatchObject({
      kind: "unauthenticated",
      message: "This account has been deleted.",
    });
  });

  it("leaves the tombstone and no Auth account", async () => {
    const tombstone = await adminDb().doc(`deletedAccounts/${user.uid}`).get();
    expect(tombstone.exists).toBe(true);
    expect(tombstone.get("deletedAt")).toBeLessThanOrEqual(deletedAtWall ?? 0);
    await expect(adminAuth().getUser(user.uid)).rejects.toMatchObject({
      code: "auth/user-not-found",
    });
  });

  it("leaves nothing under the uid: no profile, spark, quota or usage carrying it", async () => {
    await nothingUnder(user.uid);
    expect((await adminDb().doc(`users/${user.uid}/sparks/${requestId}`).get()).exists).toBe(false);
  });

  it("keeps the request's usage record, settled and anonymised, with its provider cost", async () => {
    const usage = UsageRecord.parse((await adminDb().doc(`usage/${requestId}`).get()).data());
    expect(usage.uid).toBe(DELETED_USER_UID);
    expect(usage.status).not.toBe("pending");
    expect(usage.campaignId).toBeNull();
    expect(usage.signedUpAt).toBeNull();
    expect(usage.providerUsage.costUsd).toBeGreaterThan(0);
    const raw = (await adminDb().doc(`usage/${requestId}`).get()).data() ?? {};
    expect(typeof raw.anonymisedAt).toBe("number");
    expect(JSON.stringify(raw)).not.toContain(user.uid);
  });

  it("still counts the provider's cost in the month's budget and the day's rollup", async () => {
    const usage = UsageRecord.parse((await adminDb().doc(`usage/${requestId}`).get()).data());
    const spent = await sumShards(`budgets/${PERIOD}/shards`, "usd");
    expect(spent).toBeCloseTo(usage.providerUsage.costUsd, 9);
    const day = `rollups/${rollupDay(usage.createdAt)}/shards`;
    expect(await sumShards(day, "requests")).toBe(1);
    expect(await sumShards(day, "providerCostMicros")).toBe(
      Math.round(usage.providerUsage.costUsd * 1e6),
    );
  });

  it("refuses a new spark by the deleted uid, writing nothing under it", async () => {
    const retry = newRequest({ topic: `One more try ${randomUUID()}`, count: 1 });
    await expect(model.spark({ uid: user.uid, data: retry })).rejects.toMatchObject({
      kind: "unauthenticated",
      message: "This account has been deleted.",
    });
    expect((await adminDb().doc(`usage/${retry.requestId}`).get()).exists).toBe(false);
    await nothingUnder(user.uid);
  });

  it("refuses a profile re-created with the deleted account's still-valid ID token", async () => {
    // The web SDK still holds the ID token it had before the deletion (valid for an hour).
    expect(user.auth.currentUser?.uid).toBe(user.uid);
    const db = getFirestore(user.app);
    const { host, port } = emulator("firestore");
    connectFirestoreEmulator(db, host, port);
    await expect(
      setDoc(doc(db, `users/${user.uid}`), {
        email: user.email,
        displayName: "Back again",
        createdAt: Date.now(),
        attribution: null,
        aiDataUseConsent: false,
      }),
    ).rejects.toMatchObject({ code: "permission-denied" });
    expect((await adminDb().doc(`users/${user.uid}`).get()).exists).toBe(false);
  });

  it("the deleted-account sweep finds nothing left under the uid", async () => {
    const nowMs = Date.now();
    const found = await sweep.sweepDeletedAccount(user.uid, nowMs);
    expect(found).toEqual({ documentsDeleted: 0, usageAnonymised: 0, eventsAnonymised: 0 });
    const listed = await sweep.sweepDeletedAccounts({ nowMs });
    expect(listed.accounts).toBeGreaterThanOrEqual(1);
    await nothingUnder(user.uid);
  });
});

describe("the deleted-account sweep", () => {
  it("erases stragglers under a recent tombstone and leaves an old tombstone's uid alone", async () => {
    const db = adminDb();
    const { pendingUsage } = await import("../../functions/src/spark/records.js");
    const nowMs = Date.now();
    const recent = `swept-${randomUUID()}`;
    const old = `old-${randomUUID()}`;
    const usageId = randomUUID();
    const eventId = randomUUID();
    await db.doc(`deletedAccounts/${recent}`).set({ deletedAt: nowMs - DAY_MS });
    await db.doc(`deletedAccounts/${old}`).set({ deletedAt: nowMs - 30 * DAY_MS });
    await db.doc(`users/${recent}`).set({ email: "gone@example.test", createdAt: 1 });
    await db.doc(`users/${recent}/sparks/s1`).set({ ideas: [] });
    await db
      .doc(`quotas/${quotaDocId(recent, PERIOD)}`)
      .set({ uid: recent, period: PERIOD, used: 3 });
    await db.doc(`usage/${usageId}`).set({
      ...pendingUsage({
        uid: recent,
        requestId: usageId,
        period: PERIOD,
        startedAt: MONTH_START + DAY_MS,
        model: CONFIG.models.primary,
        brief: { topic: "Straggler", count: 1 },
      } as never),
      status: "ok",
    });
    await db
      .doc(`events/${eventId}`)
      .set({ name: "spark_submitted", at: nowMs, uid: recent, props: {} });
    await db.doc(`limits/${recent}`).set({ uid: recent, lastExportAt: nowMs });
    await db.doc(adminRolePath(recent)).set(adminRoleDoc("seed", nowMs));
    await db.doc(`quotas/${quotaDocId(old, PERIOD)}`).set({ uid: old, period: PERIOD, used: 1 });

    const result = await sweep.sweepDeletedAccounts({ nowMs });

    expect(result.accounts).toBeGreaterThanOrEqual(1);
    // Profile, its spark, the quota and the role at least (other suites' leftovers may add).
    expect(result.documentsDeleted).toBeGreaterThanOrEqual(4);
    expect(result.usageAnonymised).toBeGreaterThanOrEqual(1);
    expect(result.eventsAnonymised).toBeGreaterThanOrEqual(1);
    await nothingUnder(recent);
    expect((await db.doc(`usage/${usageId}`).get()).get("uid")).toBe(DELETED_USER_UID);
    expect((await db.doc(`events/${eventId}`).get()).get("uid")).toBe(DELETED_USER_UID);
    expect((await db.doc(`deletedAccounts/${recent}`).get()).exists).toBe(true);
    expect((await db.doc(`quotas/${quotaDocId(old, PERIOD)}`).get()).exists).toBe(true);
    await expect(sweep.sweepDeletedAccount(recent, nowMs)).resolves.toEqual({
      documentsDeleted: 0,
      usageAnonymised: 0,
      eventsAnonymised: 0,
    });
  });

  it("settles an abandoned claim of a deleted account under nobody, writing no quota back", async () => {
    const db = adminDb();
    const { pendingUsage } = await import("../../functions/src/spark/records.js");
    const uid = `abandoned-${randomUUID()}`;
    const requestId = randomUUID();
    const startedAt = Date.now() - 60 * 60_000;
    const period = periodKey(startedAt);
    await db.doc(`deletedAccounts/${uid}`).set({ deletedAt: startedAt + 1_000 });
    // The erasure anonymised the claim while its run was alive; then the run died.
    await db.doc(`usage/${requestId}`).set({
      ...pendingUsage({
        uid,
        requestId,
        period,
        startedAt,
        model: CONFIG.models.primary,
        brief: { topic: "Abandoned", count: 1 },
      } as never),
      uid: DELETED_USER_UID,
      anonymisedAt: startedAt + 2_000,
    });

    await abandoned.sweepAbandonedRequests({ nowMs: Date.now() });

    const usage = UsageRecord.parse((await db.doc(`usage/${requestId}`).get()).data());
    expect(usage.status).toBe("error");
    expect(usage.uid).toBe(DELETED_USER_UID);
    expect((await db.doc(`quotas/${quotaDocId(DELETED_USER_UID, period)}`).get()).exists).toBe(
      false,
    );
    expect((await db.doc(`quotas/${quotaDocId(uid, period)}`).get()).exists).toBe(false);
  });
});
