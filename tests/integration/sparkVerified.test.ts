// Only verified people spend AI: a spark from an account whose address is not verified is
// refused with a typed error before anything is reserved or called, and works once the person
// has opened the verification link sent at sign-up and their ID token says so.
import { randomUUID } from "node:crypto";
import { sendEmailVerification } from "firebase/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "../support/admin.js";
import { oobCodesFor, openVerificationLink } from "../support/oobCodes.js";
import { callSpark, newRequest, sparkError } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

let eve: TestUser;

beforeAll(async () => {
  eve = await signUpTestUser("unverified", { verified: false });
  // What the app's sign-up does right after creating the account.
  const user = eve.auth.currentUser;
  if (!user) throw new Error("not signed in");
  await sendEmailVerification(user);
});

afterAll(async () => {
  await eve.close();
});

describe("spark needs a verified email address", () => {
  it("refuses an unverified account with email-unverified, reserving and charging nothing", async () => {
    const request = newRequest({ topic: `Verified only ${randomUUID().slice(0, 4)}`, count: 1 });
    const error = await sparkError(callSpark(eve, request));
    expect(error.code).toBe("functions/failed-precondition");
    expect(error.details).toMatchObject({ kind: "email-unverified" });
    expect((await adminDb().doc(`usage/${request.requestId}`).get()).exists).toBe(false);
    const quotas = await adminDb().collection("quotas").where("uid", "==", eve.uid).get();
    expect(quotas.size).toBe(0);
  });

  it("sent a verification email at sign-up; once its link is opened, the spark goes through", async () => {
    expect(await oobCodesFor(eve.email)).not.toHaveLength(0);
    await openVerificationLink(eve.email);
    // The token the app holds still says unverified until it is renewed.
    const stale = newRequest({ topic: `Still stale ${randomUUID().slice(0, 4)}`, count: 1 });
    expect((await sparkError(callSpark(eve, stale))).details).toMatchObject({
      kind: "email-unverified",
    });
    await eve.auth.currentUser?.reload();
    await eve.auth.currentUser?.getIdToken(true);
    const result = await callSpark(eve, newRequest({ topic: "Verified at last", count: 1 }));
    expect(result.ideas).toHaveLength(1);
  });
});
