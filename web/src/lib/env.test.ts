import { FUNCTIONS_REGION } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import { WebConfigError, googleSignInEnabled, parseWebConfig } from "./env";

const production = {
  VITE_FIREBASE_API_KEY: "AIza-test",
  VITE_FIREBASE_AUTH_DOMAIN: "ideaspark.firebaseapp.com",
  VITE_FIREBASE_PROJECT_ID: "ideaspark-prod",
  VITE_FIREBASE_APP_ID: "1:123:web:abc",
};

function problemsOf(raw: Record<string, unknown>): string[] {
  try {
    parseWebConfig(raw);
  } catch (error) {
    if (error instanceof WebConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected the configuration to be rejected");
}

describe("parseWebConfig", () => {
  it("accepts a complete production configuration without emulators", () => {
    const config = parseWebConfig(production);
    expect(config.firebase).toEqual({
      apiKey: "AIza-test",
      authDomain: "ideaspark.firebaseapp.com",
      projectId: "ideaspark-prod",
      appId: "1:123:web:abc",
    });
    expect(config.functionsRegion).toBe(FUNCTIONS_REGION);
    expect(config.emulators).toBeUndefined();
    expect(config.appCheckSiteKey).toBeUndefined();
  });

  it("passes the optional measurement id, App Check key and region through", () => {
    const config = parseWebConfig({
      ...production,
      VITE_FIREBASE_MEASUREMENT_ID: "G-123",
      VITE_FIREBASE_APPCHECK_SITE_KEY: "site-key",
      VITE_FUNCTIONS_REGION: "europe-west1",
    });
    expect(config.firebase.measurementId).toBe("G-123");
    expect(config.appCheckSiteKey).toBe("site-key");
    expect(config.functionsRegion).toBe("europe-west1");
  });

  it("takes an App Check debug token only beside a site key, for a real project", () => {
    const config = parseWebConfig({
      ...production,
      VITE_FIREBASE_APPCHECK_SITE_KEY: "site-key",
      VITE_APPCHECK_DEBUG_TOKEN: "0c3d5c4e-debug",
    });
    expect(config.appCheckDebugToken).toBe("0c3d5c4e-debug");
    expect(problemsOf({ ...production, VITE_APPCHECK_DEBUG_TOKEN: "0c3d5c4e-debug" })).toEqual([
      "VITE_APPCHECK_DEBUG_TOKEN needs VITE_FIREBASE_APPCHECK_SITE_KEY (App Check starts only with a site key)",
    ]);
    const demo = {
      ...production,
      VITE_FIREBASE_PROJECT_ID: "demo-ideaspark",
      VITE_USE_EMULATORS: "true",
    };
    expect(
      problemsOf({ ...demo, VITE_FIREBASE_APPCHECK_SITE_KEY: "k", VITE_APPCHECK_DEBUG_TOKEN: "t" }),
    ).toEqual([
      "VITE_APPCHECK_DEBUG_TOKEN has no App Check backend to exchange it on the emulators: use VITE_APPCHECK_EMULATOR=true",
    ]);
  });

  it("sends the emulator App Check token only on the emulators, and only when asked", () => {
    const demo = {
      ...production,
      VITE_FIREBASE_PROJECT_ID: "demo-ideaspark",
      VITE_USE_EMULATORS: "true",
    };
    expect(parseWebConfig({ ...demo, VITE_APPCHECK_EMULATOR: "true" }).appCheckEmulator).toBe(true);
    expect(parseWebConfig(demo).appCheckEmulator).toBeUndefined();
    expect(problemsOf({ ...production, VITE_APPCHECK_EMULATOR: "true" })).toEqual([
      "VITE_APPCHECK_EMULATOR only works with VITE_USE_EMULATORS=true (a real project needs a site key)",
    ]);
  });

  it("names every missing required variable in one error", () => {
    expect(() => parseWebConfig({})).toThrow(WebConfigError);
    const problems = problemsOf({ VITE_FIREBASE_PROJECT_ID: "ideaspark-prod" });
    expect(problems).toEqual([
      "VITE_FIREBASE_API_KEY is missing",
      "VITE_FIREBASE_AUTH_DOMAIN is missing",
      "VITE_FIREBASE_APP_ID is missing",
    ]);
  });

  it("treats blank values as missing", () => {
    expect(problemsOf({ ...production, VITE_FIREBASE_APP_ID: "  " })).toEqual([
      "VITE_FIREBASE_APP_ID is missing",
    ]);
  });

  it("connects to the emulators only when VITE_USE_EMULATORS is exactly true", () => {
    const demo = { ...production, VITE_FIREBASE_PROJECT_ID: "demo-ideaspark" };
    expect(parseWebConfig({ ...demo, VITE_USE_EMULATORS: "true" }).emulators).toEqual({
      auth: { host: "127.0.0.1", port: 9099 },
      firestore: { host: "127.0.0.1", port: 8080 },
      functions: { host: "127.0.0.1", port: 5001 },
    });
    expect(parseWebConfig({ ...production, VITE_USE_EMULATORS: "false" }).emulators).toBe(
      undefined,
    );
    expect(parseWebConfig({ ...production, VITE_USE_EMULATORS: "" }).emulators).toBeUndefined();
    // Emulator addresses alone never switch emulators on.
    expect(
      parseWebConfig({ ...production, VITE_FIRESTORE_EMULATOR_HOST: "127.0.0.1:8080" }).emulators,
    ).toBeUndefined();
  });

  it("rejects an emulator flag that is neither true nor false", () => {
    expect(problemsOf({ ...production, VITE_USE_EMULATORS: "yes" })).toEqual([
      'VITE_USE_EMULATORS must be "true" or "false"',
    ]);
  });

  it("reads custom emulator addresses", () => {
    const config = parseWebConfig({
      ...production,
      VITE_USE_EMULATORS: "true",
      VITE_FIRESTORE_EMULATOR_HOST: "localhost:9180",
    });
    expect(config.emulators?.firestore).toEqual({ host: "localhost", port: 9180 });
    expect(problemsOf({ ...production, VITE_AUTH_EMULATOR_HOST: "9099" })).toEqual([
      "VITE_AUTH_EMULATOR_HOST must look like host:port",
    ]);
  });

  it("refuses a demo project without the emulators", () => {
    const problems = problemsOf({ ...production, VITE_FIREBASE_PROJECT_ID: "demo-ideaspark" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^VITE_FIREBASE_PROJECT_ID is a demo project/);
  });
});

describe("googleSignInEnabled", () => {
  it("offers Google sign-in only when VITE_AUTH_GOOGLE is exactly true", () => {
    expect(googleSignInEnabled({ VITE_AUTH_GOOGLE: "true" })).toBe(true);
    expect(googleSignInEnabled({ VITE_AUTH_GOOGLE: "false" })).toBe(false);
    expect(googleSignInEnabled({})).toBe(false);
    expect(problemsOf({ ...production, VITE_AUTH_GOOGLE: "yes" })).toEqual([
      'VITE_AUTH_GOOGLE must be "true" or "false"',
    ]);
  });
});
