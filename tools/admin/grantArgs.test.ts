import { describe, expect, it } from "vitest";
import { parseGrantArgs, UsageError, type GrantEnvironment } from "./grantArgs.js";

const ports = () => ({ auth: 9099, firestore: 8080 });
const on = (env: NodeJS.ProcessEnv, gcloudCredentials?: string): GrantEnvironment => ({
  env,
  emulatorPorts: ports,
  gcloudCredentials,
});

describe("parseGrantArgs", () => {
  it("targets the emulators from firebase.json's ports with --emulators", () => {
    expect(parseGrantArgs(["ada@example.test", "--emulators"], on({}))).toEqual({
      email: "ada@example.test",
      revoke: false,
      force: false,
      target: {
        kind: "emulators",
        projectId: "demo-ideaspark",
        authHost: "127.0.0.1:9099",
        firestoreHost: "127.0.0.1:8080",
      },
    });
  });

  it("targets the emulators the environment names when FIREBASE_AUTH_EMULATOR_HOST is set", () => {
    const env = {
      FIREBASE_AUTH_EMULATOR_HOST: "localhost:9199",
      FIRESTORE_EMULATOR_HOST: "localhost:8180",
      GCLOUD_PROJECT: "demo-other",
    };
    expect(parseGrantArgs(["ada@example.test", "--revoke"], on(env))).toMatchObject({
      revoke: true,
      target: {
        kind: "emulators",
        projectId: "demo-other",
        authHost: "localhost:9199",
        firestoreHost: "localhost:8180",
      },
    });
  });

  it("targets a real project with --project and Application Default Credentials", () => {
    const env = { GOOGLE_APPLICATION_CREDENTIALS: "/keys/sa.json" };
    expect(
      parseGrantArgs(["ada@example.test", "--project", "ideaspark-prod"], on(env)),
    ).toMatchObject({
      target: { kind: "project", projectId: "ideaspark-prod", credentials: "/keys/sa.json" },
    });
    expect(
      parseGrantArgs(["ada@example.test"], on({ GCLOUD_PROJECT: "p1" }, "/home/a/adc.json")),
    ).toMatchObject({
      target: { kind: "project", projectId: "p1", credentials: "/home/a/adc.json" },
    });
  });

  it("refuses a real project without credentials, saying what to set", () => {
    expect(() => parseGrantArgs(["ada@example.test", "--project=p1"], on({}))).toThrow(
      /GOOGLE_APPLICATION_CREDENTIALS/,
    );
  });

  it("refuses when neither an emulator nor a project is given", () => {
    const env = { GOOGLE_APPLICATION_CREDENTIALS: "/keys/sa.json" };
    expect(() => parseGrantArgs(["ada@example.test"], on(env))).toThrow(/--project <id>/);
  });

  it("refuses to mix the Firestore emulator with a real Auth", () => {
    const env = { FIRESTORE_EMULATOR_HOST: "127.0.0.1:8080", GCLOUD_PROJECT: "p1" };
    expect(() => parseGrantArgs(["ada@example.test"], on(env))).toThrow(/--emulators/);
  });

  it.each([
    ["no email", [], /Pass its email/],
    ["two emails", ["a@x.test", "b@x.test"], /one email/],
    ["a non-email", ["ada"], /not an email address/],
    ["an unknown option", ["a@x.test", "--forced"], /Unknown option --forced/],
    ["--project without a value", ["a@x.test", "--project"], /needs a project id/],
  ])("explains a command line with %s", (_name, argv, message) => {
    expect(() => parseGrantArgs(argv, on({}))).toThrow(UsageError);
    expect(() => parseGrantArgs(argv, on({}))).toThrow(message);
  });

  it("takes --force (grant to an address not verified yet)", () => {
    expect(parseGrantArgs(["a@x.test", "--force", "--emulators"], on({}))).toMatchObject({
      force: true,
    });
  });

  it("answers help for --help", () => {
    expect(parseGrantArgs(["--help"], on({}))).toBe("help");
  });
});
