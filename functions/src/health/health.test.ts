import { HttpsError } from "firebase-functions/https";
import { describe, expect, it } from "vitest";
import { handleHealth } from "./health.js";

describe("handleHealth", () => {
  it("reports Firestore unreachable when the probe fails", async () => {
    const body = await handleHealth({ auth: undefined, data: {} }, async () => false);
    expect(body).toMatchObject({
      status: "ok",
      firestore: "unreachable",
      uid: null,
      region: "us-central1",
    });
  });

  it("returns the caller's uid and echo", async () => {
    const auth = { uid: "alice", token: {} as never, rawToken: "" };
    const body = await handleHealth({ auth, data: { echo: "hi" } }, async () => true);
    expect(body).toMatchObject({ firestore: "ok", uid: "alice", echo: "hi" });
  });

  it("rejects an over-long echo with invalid-argument naming the field", async () => {
    const attempt = handleHealth(
      { auth: undefined, data: { echo: "x".repeat(201) } },
      async () => true,
    );
    await expect(attempt).rejects.toBeInstanceOf(HttpsError);
    await expect(attempt).rejects.toMatchObject({
      code: "invalid-argument",
      message: expect.stringMatching(/^Invalid request: echo/),
    });
  });
});
