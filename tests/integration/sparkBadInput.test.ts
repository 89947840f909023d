// Malformed spark requests through the real callable: each is invalid-argument with a message
// naming what is wrong, and none writes anything.
import { badSparkRequests } from "@ideaspark/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "../support/admin.js";
import { rawCallSpark } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

let mallory: TestUser;
beforeAll(async () => {
  mallory = await signUpTestUser("bad-input");
});
afterAll(async () => {
  await mallory.close();
});

describe("spark: bad input", () => {
  it("has at least 40 malformed requests to try", () => {
    expect(badSparkRequests.length).toBeGreaterThanOrEqual(40);
  });

  it.each(badSparkRequests.map((c) => [c.name, c.data] as const))(
    "rejects %s",
    async (_name, data) => {
      const idToken = (await mallory.auth.currentUser?.getIdToken()) ?? "";
      const answer = await rawCallSpark(idToken, data);
      expect(answer).toMatchObject({ httpStatus: 400, status: "INVALID_ARGUMENT" });
      expect(answer.message).toMatch(/^Invalid request: \S/);
    },
  );

  it("wrote nothing for any of them", async () => {
    const db = adminDb();
    const quotas = await db.collection("quotas").where("uid", "==", mallory.uid).get();
    expect(quotas.size).toBe(0);
    const usage = await db.collection("usage").where("uid", "==", mallory.uid).get();
    expect(usage.size).toBe(0);
    const sparks = await db.collection(`users/${mallory.uid}/sparks`).get();
    expect(sparks.size).toBe(0);
  });
});
