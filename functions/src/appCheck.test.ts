import { readdirSync, readFileSync } from "node:fs";
import type { CallableRequest } from "firebase-functions/https";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { requireAppCheck } from "./appCheck.js";

type AppCheck = CallableRequest<unknown>["app"];

const verified: AppCheck = { appId: "1:123:web:abc", token: {} as never };
const request = (app: AppCheck) => ({ app });

describe("requireAppCheck", () => {
  it("lets every call through when enforcement is off, with or without a token", () => {
    expect(() => requireAppCheck(request(undefined), false)).not.toThrow();
    expect(() =>
      requireAppCheck(request({ ...verified, alreadyConsumed: true }), false),
    ).not.toThrow();
  });

  it("lets a call with a verified token through when enforcement is on", () => {
    expect(() => requireAppCheck(request(verified), true)).not.toThrow();
    expect(() =>
      requireAppCheck(request({ ...verified, alreadyConsumed: false }), true),
    ).not.toThrow();
  });

  it("refuses a call without a token when enforcement is on, saying to update the app", () => {
    expect(() => requireAppCheck(request(undefined), true)).toThrow(
      expect.objectContaining({
        kind: "unauthenticated",
        message: expect.stringMatching(/could not be verified \(App Check\)/),
      }),
    );
  });

  it("refuses a token that an earlier call already consumed", () => {
    expect(() => requireAppCheck(request({ ...verified, alreadyConsumed: true }), true)).toThrow(
      expect.objectContaining({
        kind: "unauthenticated",
        message: expect.stringMatching(/already spent/),
      }),
    );
  });

  describe("reading ENFORCE_APP_CHECK at call time", () => {
    const saved = process.env.ENFORCE_APP_CHECK;
    afterEach(() => {
      if (saved === undefined) delete process.env.ENFORCE_APP_CHECK;
      else process.env.ENFORCE_APP_CHECK = saved;
    });

    it("follows the param as it is when the call arrives", () => {
      process.env.ENFORCE_APP_CHECK = "false";
      expect(() => requireAppCheck(request(undefined))).not.toThrow();
      process.env.ENFORCE_APP_CHECK = "true";
      expect(() => requireAppCheck(request(undefined))).toThrow(
        expect.objectContaining({ kind: "unauthenticated" }),
      );
    });
  });
});

describe("every callable", () => {
  const src = new URL("./", import.meta.url);
  const read = (file: string) => readFileSync(new URL(file, src), "utf8");
  const callables = readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .filter((file) => /\bonCall\s*[<(]/.test(read(file)));

  it("passes its request through requireAppCheck", () => {
    expect(callables.length).toBeGreaterThanOrEqual(8);
    for (const file of callables) {
      const code = read(file);
      expect(code.match(/\brequireAppCheck\(request\);/g)?.length, file).toBe(
        code.match(/\bonCall\s*[<(]/g)?.length,
      );
      // One gate: no callable decides App Check by itself or through onCall's deploy-time option.
      expect(code, file).not.toMatch(/ENFORCE_APP_CHECK|enforceAppCheck/);
    }
  });

  it("spark alone consumes its token, the others keep theirs for the next call", () => {
    const consuming = callables.filter((file) => /consumeAppCheckToken:\s*true/.test(read(file)));
    expect(consuming).toEqual([expect.stringMatching(/spark[\\/]spark\.ts$/)]);
  });
});

describe("the deployed callables with ENFORCE_APP_CHECK on", () => {
  const saved = process.env.ENFORCE_APP_CHECK;
  beforeEach(() => {
    process.env.ENFORCE_APP_CHECK = "true";
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.ENFORCE_APP_CHECK;
    else process.env.ENFORCE_APP_CHECK = saved;
  });

  // What the platform hands the handler for a signed-in call that carried no App Check token.
  const unverifiedCall = {
    data: {},
    auth: { uid: "alice", token: { email_verified: true, admin: true }, rawToken: "" },
    rawRequest: { body: { data: {} }, ip: "203.0.113.7", header: () => undefined },
    acceptsStreaming: false,
  } as unknown as CallableRequest<unknown>;

  it("refuses each of them with unauthenticated before any work", async () => {
    const index = await import("./index.js");
    const triggers = {
      health: index.health,
      spark: index.spark,
      track: index.track,
      adminSetPlan: index.adminSetPlan,
      adminSetRole: index.adminSetRole,
      adminUpdateConfig: index.adminUpdateConfig,
      exportMyData: index.exportMyData,
      deleteMyAccount: index.deleteMyAccount,
    };
    for (const [name, trigger] of Object.entries(triggers)) {
      const run = trigger.run as (request: CallableRequest<unknown>) => Promise<unknown>;
      await expect(run(unverifiedCall), name).rejects.toMatchObject({
        code: "unauthenticated",
        message: expect.stringMatching(/App Check/),
      });
    }
  });

  it("lets health and track past the gate when off (they refuse the bad input instead)", async () => {
    process.env.ENFORCE_APP_CHECK = "false";
    const { health, track } = await import("./index.js");
    const bad = { ...unverifiedCall, data: { unexpected: true } } as CallableRequest<unknown>;
    await expect(health.run(bad)).rejects.toMatchObject({ code: "invalid-argument" });
    await expect(track.run(bad as never)).rejects.toMatchObject({ code: "invalid-argument" });
  });
});
