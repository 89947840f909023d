// `exportMyData` through the emulator: the caller gets their own profile, sparks, usage and
// quota documents — made by real `spark` calls — and nothing that belongs to anyone else.
import { ExportMyDataResult, periodKey } from "@ideaspark/domain";
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
    const result = ExportMyDataResult.parse((await exportData(owner)).data);

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
    const text = JSON.stringify((await exportData(owner)).data);
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
