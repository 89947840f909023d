// App Check, off and on. Through the Functions emulator (ENFORCE_APP_CHECK=false, as in
// functions/.env.demo-ideaspark): calls without a token work, and a call carrying one works too
// (the emulator decodes App Check tokens without verifying them). The emulator's params cannot be
// switched per test, so "on" runs in-process: the deployed callables themselves, with
// ENFORCE_APP_CHECK=true in this process (params read process.env on every call) and the real
// Firestore emulator behind them. Unit tests (functions/src/appCheck.test.ts) cover the gate's
// rules and that every callable uses it.
import { HealthResponse } from "@ideaspark/domain";
import type { CallableRequest } from "firebase-functions/https";
import { httpsCallable } from "firebase/functions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Callables from "../../functions/src/index.js";
import { emulator, PROJECT_ID, REGION } from "../support/emulators.js";
import { webClient, type WebClient } from "../support/webClient.js";

/** An unsigned App Check token naming a web app, as the web app sends on the emulators. */
function emulatorToken(appId: string): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: "none", typ: "JWT" })}.${encode({ sub: appId, iat: now, exp: now + 3600 })}.`;
}

describe("App Check off (the emulators' ENFORCE_APP_CHECK=false)", () => {
  let client: WebClient;
  beforeAll(() => {
    client = webClient();
  });
  afterAll(async () => {
    await client.close();
  });

  it("answers a call that carries no App Check token", async () => {
    const result = await httpsCallable(client.functions, "health")({ echo: "no-token" });
    expect(HealthResponse.parse(result.data)).toMatchObject({ status: "ok", echo: "no-token" });
  });

  it("answers a call that carries an App Check token", async () => {
    const { host, port } = emulator("functions");
    const response = await fetch(`http://${host}:${port}/${PROJECT_ID}/${REGION}/health`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-firebase-appcheck": emulatorToken("1:000000000000:web:demo"),
      },
      body: JSON.stringify({ data: { echo: "token" } }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: unknown };
    expect(HealthResponse.parse(body.result)).toMatchObject({ status: "ok", echo: "token" });
  });
});

describe("App Check on (in-process, ENFORCE_APP_CHECK=true)", () => {
  const saved = process.env.ENFORCE_APP_CHECK;
  let callables: typeof Callables;
  const app = { appId: "1:000000000000:web:demo", token: {} as never };
  const call = (overrides: Partial<CallableRequest<unknown>>) =>
    ({
      data: {},
      rawRequest: { body: { data: {} }, ip: null, header: () => undefined },
      acceptsStreaming: false,
      ...overrides,
    }) as unknown as CallableRequest<unknown>;

  beforeAll(async () => {
    process.env.ENFORCE_APP_CHECK = "true";
    callables = await import("../../functions/src/index.js");
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.ENFORCE_APP_CHECK;
    else process.env.ENFORCE_APP_CHECK = saved;
  });

  it("refuses health, track and spark without a token, as unauthenticated naming App Check", async () => {
    const auth = { uid: "app-check-alice", token: { email_verified: true }, rawToken: "" };
    for (const [name, run] of [
      ["health", callables.health.run],
      ["track", callables.track.run],
      ["spark", callables.spark.run],
    ] as const) {
      await expect(
        (run as (request: CallableRequest<unknown>) => Promise<unknown>)(call({ auth } as never)),
        name,
      ).rejects.toMatchObject({
        code: "unauthenticated",
        message: expect.stringMatching(/App Check/),
      });
    }
  });

  it("answers health with a verified token, reaching Firestore", async () => {
    const result = await callables.health.run(call({ app, data: { echo: "on" } }));
    expect(HealthResponse.parse(result)).toMatchObject({ firestore: "ok", echo: "on" });
  });

  it("refuses a spark whose token an earlier call already consumed", async () => {
    const replay = call({
      app: { ...app, alreadyConsumed: true },
      auth: { uid: "app-check-alice", token: { email_verified: true } as never, rawToken: "" },
    });
    await expect(callables.spark.run(replay as never)).rejects.toMatchObject({
      code: "unauthenticated",
      message: expect.stringMatching(/already spent/),
    });
  });
});
