// `adminSetPlan` through the emulator: only admins may call it, bad input names the field,
// and the new plan's limit applies to the user's next spark.
import { periodKey } from "@ideaspark/domain";
import { httpsCallable } from "firebase/functions";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb, clearAppConfig, makeAdmin } from "../support/admin.js";
import { callSpark, newRequest, sparkError } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

let admin: TestUser;
let member: TestUser;
const setPlan = (caller: TestUser, data: unknown) =>
  httpsCallable(caller.functions, "adminSetPlan")(data);

beforeAll(async () => {
  await clearAppConfig();
  admin = await signUpTestUser("admin");
  member = await signUpTestUser("member");
  await makeAdmin(admin.uid);
  // The profile each person creates at sign-up (plans are only set on existing profiles).
  for (const who of [admin, member]) {
    await adminDb().doc(`users/${who.uid}`).set({
      email: who.email,
      displayName: "Test",
      createdAt: Date.now(),
      attribution: null,
      aiDataUseConsent: false,
    });
  }
  await admin.auth.currentUser?.getIdToken(true);
});

afterAll(async () => {
  await Promise.all([admin.close(), member.close()]);
});

describe("adminSetPlan", () => {
  it("lets an admin move a user to pro, whose larger limit then applies", async () => {
    const period = periodKey(Date.now());
    await adminDb()
      .doc(`quotas/${member.uid}_${period}`)
      .set({ uid: member.uid, period, used: 60_000, holds: {}, recent: [] });
    const refused = await sparkError(
      callSpark(member, newRequest({ topic: `Menu ideas ${randomUUID()}`, count: 1 })),
    );
    expect(refused.code).toBe("functions/resource-exhausted");

    const result = await setPlan(admin, { uid: member.uid, plan: "pro" });
    expect(result.data).toEqual({ uid: member.uid, plan: "pro" });
    expect((await adminDb().doc(`users/${member.uid}`).get()).get("plan")).toBe("pro");
    const ok = await callSpark(
      member,
      newRequest({ topic: `Menu ideas ${randomUUID()}`, count: 1 }),
    );
    expect(ok.ideas).toHaveLength(1);
  });

  it("refuses a non-admin with permission-denied and changes nothing", async () => {
    const before = (await adminDb().doc(`users/${admin.uid}`).get()).get("plan");
    await expect(setPlan(member, { uid: admin.uid, plan: "free" })).rejects.toMatchObject({
      code: "functions/permission-denied",
    });
    expect((await adminDb().doc(`users/${admin.uid}`).get()).get("plan")).toBe(before);
  });

  it.each([
    ["an unknown plan", { uid: "someone", plan: "gold" }, /plan must be one of/],
    ["a missing uid", { plan: "pro" }, /uid/],
    ["an extra field", { uid: "someone", plan: "pro", limit: 9 }, /limit/],
  ])("answers invalid-argument for %s", async (_name, data, message) => {
    const error = await setPlan(admin, data).catch(
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error).toMatchObject({ code: "functions/invalid-argument" });
    expect((error as { message: string }).message).toMatch(message);
  });

  it("answers not-found for a user who has no profile yet, creating none", async () => {
    const newcomer = await signUpTestUser("newcomer");
    await expect(setPlan(admin, { uid: newcomer.uid, plan: "pro" })).rejects.toMatchObject({
      code: "functions/not-found",
    });
    expect((await adminDb().doc(`users/${newcomer.uid}`).get()).exists).toBe(false);
    await newcomer.close();
  });

  it("answers not-found for a uid nobody has", async () => {
    await expect(
      setPlan(admin, { uid: `ghost-${randomUUID()}`, plan: "pro" }),
    ).rejects.toMatchObject({ code: "functions/not-found" });
  });
});
