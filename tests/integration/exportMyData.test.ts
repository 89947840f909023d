// `exportMyData` through the emulator: the caller gets their own profile, sparks, usage and
// quota documents — made by real `spark` calls — and nothing that belongs to anyone else; one
// export per account every 10 minutes (limits/{uid}), so each account exports once per case.
import { EXPORT_COOLDOWN_SECONDS, ExportMyDataResult, periodKey } from "@ideaspark/domain";
import { httpsCallable } from "firebase/functions";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb, clearAppConfig } from "../support/admin.js";
import { callSpark, newRequest, sparkError } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";
import { webClient, type WebClient } from "../support/webClient.js";

let owner: TestUser;
let other: TestUser;
let guest: WebClient;
const ownerSparks: string[] = [];
let otherSpark: string;

const exportData = (caller: WebClient, data?: unknown) =>
  httpsCallable(caller.functions, "exportMyData", { timeout: 60_000 })(data);

/** The owner's one export within the cooldown, shared by the cases that read it. */
let ownerExport: Promise<unknown> | undefined;
const exportOwnerOnce = () => (ownerExport ??= exportData(owner).then((r) => r.data));

const limitsOf = async (uid: string) => (await adminDb().doc(`limits/${uid}`).get()).data();

async function spark(user: TestUser): Promise<string> {
  const request = newRequest({ topic: `Export ideas ${randomUUID()}`, count: 1 });
  await callSpark(user, request);
  return request.requestId;
}

beforeAll(async () => {
  await clearAppConfig();
  [owner, other] = await Promise.all([signUpTestUser("export"), signUpTestUser("bystander")]);
  guest = webClient();
  await adminDb().doc(`users/${owner.uid}`).set({
    email: owner.email,
    displayName: "Export Owner",
    createdAt: Date.now(),
    attribution: null,
    aiDataUseConsent: true,
    plan: "free",
    role: "member",
  });
  await adminDb()
    .doc(`users/${other.uid}`)
    .set({ email: other.email, displayName: "Someone Else", createdAt: Date.now() });
  ownerSparks.push(await spark(owner));
  otherSpark = await spark(other);
  ownerSparks.push(await spark(owner));
});

afterAll(async () => {
  await Promise.all([owner.close(), other.close(), guest.close()]);
});

describe("exportMyData", () => {
  it("returns exactly the caller's profile, sparks, usage and quotas", async () => {
    const result = ExportMyDataResult.parse(await exportOwnerOnce());

    expect(result.uid).toBe(owner.uid);
    expect(Date.parse(result.exportedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(result.profile).toMatchObject({
      email: owner.email,
      displayName: "Export Owner",
      role: "member",
    });
    expect(result.sparks.map((s) => s.id)).toEqual([...ownerSparks].reverse());
    expect(result.sparks[0]?.ideas).toHaveLength(1);
    expect(result.usage.map((u) => u.id)).toEqual(ownerSparks);
    expect(result.usage.every((u) => u.uid === owner.uid)).toBe(true);
    expect(result.quotas.map((q) => q.id)).toEqual([`${owner.uid}_${periodKey(Date.now())}`]);
    expect(result.quotas[0]?.used).toBeGreaterThan(0);
    expect(result.truncated).toBe(false);
  });

  it("contains nothing of another user", async () => {
    const text = JSON.stringify(await exportOwnerOnce());
    expect(text).not.toContain(other.uid);
    expect(text).not.toContain(other.email);
    expect(text).not.toContain(otherSpark);
  });

  it("answers with an empty export for a user who has stored nothing yet", async () => {
    const fresh = await signUpTestUser("export-fresh");
    try {
      const result = ExportMyDataResult.parse((await exportData(fresh)).data);
      expect(result).toMatchObject({ profile: null, sparks: [], usage: [], quotas: [] });
    } finally {
      await fresh.close();
    }
  });

  it("refuses an argument it does not take, naming it", async () => {
    const error = await sparkError(exportData(owner, { uid: other.uid }));
    expect(error).toMatchObject({ code: "functions/invalid-argument" });
    expect(error.message).toMatch(/uid/);
  });

  it("asks a signed-out caller to sign in", async () => {
    await expect(exportData(guest)).rejects.toMatchObject({ code: "functions/unauthenticated" });
  });
});

describe("exportMyData cooldown", () => {
  it("refuses a second export within 10 minutes with resource-exhausted saying when", async () => {
    const user = await signUpTestUser("export-again");
    try {
      const startedAt = Date.now();
      await exportData(user);
      const error = await sparkError(exportData(user));
      expect(error.code).toBe("functions/resource-exhausted");
      // The web SDK appends the HTTP status to the function's message.
      expect(error.message).toBe(
        "You can download your data once every 10 minutes. Please try again in 10 minutes. [429]",
      );
      const details = error.details as { kind: string; retryAfterSeconds: number };
      expect(details).toMatchObject({ kind: "rate-limited", retryable: true });
      expect(details.retryAfterSeconds).toBeGreaterThan(EXPORT_COOLDOWN_SECONDS - 60);
      expect(details.retryAfterSeconds).toBeLessThanOrEqual(EXPORT_COOLDOWN_SECONDS);
      const limits = await limitsOf(user.uid);
      expect(limits?.uid).toBe(user.uid);
      expect(limits?.lastExportAt).toBeGreaterThanOrEqual(startedAt - 5_000);
      expect(limits?.lastExportAt).toBeLessThanOrEqual(Date.now() + 5_000);
    } finally {
      await user.close();
    }
  });

  it("exports again once the cooldown has passed", async () => {
    const user = await signUpTestUser("export-later");
    try {
      await exportData(user);
      const elevenMinutesAgo = Date.now() - (EXPORT_COOLDOWN_SECONDS + 60) * 1000;
      await adminDb().doc(`limits/${user.uid}`).update({ lastExportAt: elevenMinutesAgo });
      const result = ExportMyDataResult.parse((await exportData(user)).data);
      expect(result.uid).toBe(user.uid);
      expect((await limitsOf(user.uid))?.lastExportAt).toBeGreaterThan(elevenMinutesAgo);
    } finally {
      await user.close();
    }
  });

  it("lets only one of two exports started at the same moment run", async () => {
    const user = await signUpTestUser("export-twice");
    try {
      const outcomes = await Promise.allSettled([exportData(user), exportData(user)]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const [refused] = outcomes.filter((o) => o.status === "rejected");
      expect(refused?.reason).toMatchObject({ code: "functions/resource-exhausted" });
    } finally {
      await user.close();
    }
  });

  it("counts each account on its own", async () => {
    const [first, second] = await Promise.all([
      signUpTestUser("export-first"),
      signUpTestUser("export-second"),
    ]);
    try {
      await exportData(first);
      const result = ExportMyDataResult.parse((await exportData(second)).data);
      expect(result.uid).toBe(second.uid);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it("spends no export on a refused argument", async () => {
    const user = await signUpTestUser("export-bad-arg");
    try {
      const error = await sparkError(exportData(user, { since: 0 }));
      expect(error.code).toBe("functions/invalid-argument");
      expect(await limitsOf(user.uid)).toBeUndefined();
      await expect(exportData(user)).resolves.toBeDefined();
    } finally {
      await user.close();
    }
  });

  it("is removed with the account", async () => {
    const user = await signUpTestUser("export-then-delete");
    try {
      await exportData(user);
      expect(await limitsOf(user.uid)).toBeDefined();
      await httpsCallable(user.functions, "deleteMyAccount", { timeout: 120_000 })({
        confirm: "DELETE",
      });
      expect(await limitsOf(user.uid)).toBeUndefined();
    } finally {
      await user.close();
    }
  });
});
