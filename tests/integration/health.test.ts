// The `health` callable through the Functions emulator with the web SDK, as the app calls it.
import { HealthResponse } from "@ideaspark/domain";
import { createUserWithEmailAndPassword } from "firebase/auth";
import { httpsCallable, type FunctionsError } from "firebase/functions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webClient, type WebClient } from "../support/webClient.js";

let client: WebClient;

beforeAll(() => {
  client = webClient();
});

afterAll(async () => {
  await client.close();
});

describe("health callable", () => {
  it("answers a signed-out caller with Firestore reachable and no uid", async () => {
    const result = await httpsCallable(client.functions, "health")({ echo: "ping" });
    const body = HealthResponse.parse(result.data);
    expect(body).toMatchObject({
      status: "ok",
      firestore: "ok",
      uid: null,
      echo: "ping",
      region: "us-central1",
    });
    expect(Date.now() - Date.parse(body.time)).toBeLessThan(60_000);
  });

  it("sees the signed-in caller's uid", async () => {
    const email = `health-${Date.now()}@example.test`;
    const credential = await createUserWithEmailAndPassword(client.auth, email, "a-long-password");
    const result = await httpsCallable(client.functions, "health")({});
    expect(HealthResponse.parse(result.data).uid).toBe(credential.user.uid);
  });

  it("rejects unexpected fields with invalid-argument naming them", async () => {
    const call = httpsCallable(client.functions, "health")({ echo: "x", admin: true });
    await expect(call).rejects.toMatchObject({ code: "functions/invalid-argument" });
    const error = (await call.catch((e: unknown) => e)) as FunctionsError;
    expect(error.message).toMatch(/admin/);
  });
});
