// The bootstrap as a developer meets it: the CLI, in an environment missing things.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { firebaseToolsEmulatorInfo } from "./firestoreEmulator.js";
import { REPO_ROOT } from "./prepare.js";
import { fakeGcloudSdk, fakeJdk, isolatedEnv, tempDir } from "./testSupport.js";

const tsxCli = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const prepareScript = path.join(REPO_ROOT, "tools", "emulators", "prepare.ts");

/** An isolated environment with a Java 21 and the gcloud Firestore jar: everything found. */
function workingEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const root = tempDir();
  const jvms = path.join(root, "jvm");
  fakeJdk(jvms, "temurin-21", "21.0.5", { jarTool: true });
  return isolatedEnv(root, {
    IDEASPARK_JVM_DIRS: jvms,
    IDEASPARK_GCLOUD_SDK_ROOTS: fakeGcloudSdk(root),
    ...extra,
  });
}

function runPrepare(env: NodeJS.ProcessEnv, args: string[] = []) {
  return spawnSync(process.execPath, [tsxCli, prepareScript, ...args], {
    encoding: "utf8",
    env,
    cwd: REPO_ROOT,
  });
}

const servers: net.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

describe("npm run emulators:prepare", () => {
  it("exits 1 with an actionable message when no Java 21+ exists", () => {
    const root = tempDir();
    const run = runPrepare(isolatedEnv(root));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/No Java 21 or newer was found/);
    expect(run.stderr).toMatch(/install a JDK 21\+/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("exits 1 naming the missing jar tool when the Cloud SDK's jar needs a launcher", () => {
    const root = tempDir();
    const jvms = path.join(root, "jvm");
    fakeJdk(jvms, "jre-21", "21.0.5");
    const env = isolatedEnv(root, {
      IDEASPARK_JVM_DIRS: jvms,
      IDEASPARK_GCLOUD_SDK_ROOTS: fakeGcloudSdk(root),
    });
    const run = runPrepare(env, ["--no-port-check"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/The JDK's jar tool is not next to .*jre-21/);
    expect(run.stderr).toMatch(/install a full JDK/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("reports the Java and Firestore emulator it will use", () => {
    const run = runPrepare(workingEnv(), ["--no-port-check"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/Java 21\.0\.5/);
    expect(run.stdout).toMatch(/Google Cloud SDK jar via launcher/);
    expect(run.stdout).toMatch(/Emulator UI: off/);
    expect(run.stdout).toMatch(/Functions emulator workers: 4 /);
  });

  it("lets FUNCTIONS_EMULATOR_PARALLEL override the bounded worker count", () => {
    const env = workingEnv({ FUNCTIONS_EMULATOR_PARALLEL: "2" });
    expect(runPrepare(env, ["--no-port-check"]).stdout).toMatch(/Functions emulator workers: 2 /);
  });

  it("turns the Emulator UI on when its bundle is already cached", () => {
    const root = tempDir();
    const jvms = path.join(root, "jvm");
    fakeJdk(jvms, "temurin-21", "21.0.5", { jarTool: true });
    const env = isolatedEnv(root, {
      IDEASPARK_JVM_DIRS: jvms,
      IDEASPARK_GCLOUD_SDK_ROOTS: fakeGcloudSdk(root),
    });
    const { version } = firebaseToolsEmulatorInfo().ui.main;
    const server = path.join(env.FIREBASE_EMULATORS_PATH ?? "", `ui-v${version}`, "server");
    mkdirSync(server, { recursive: true });
    writeFileSync(path.join(server, "server.mjs"), "");
    const run = runPrepare(env, ["--no-port-check"]);
    expect(run.stdout).toMatch(/Emulator UI: on/);
  });

  it("exits 1 naming the busy port when an emulator port is taken", async () => {
    const root = tempDir();
    const jvms = path.join(root, "jvm");
    fakeJdk(jvms, "temurin-21", "21.0.5", { jarTool: true });
    const env = isolatedEnv(root, {
      IDEASPARK_JVM_DIRS: jvms,
      IDEASPARK_GCLOUD_SDK_ROOTS: fakeGcloudSdk(root),
    });
    // The hub port from firebase.json, held here (or already held by a running stack).
    const server = net.createServer();
    servers.push(server);
    await new Promise<void>((resolve) => {
      server.once("error", () => resolve());
      server.listen(4400, "127.0.0.1", () => resolve());
    });
    const run = runPrepare(env);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/127\.0\.0\.1:4400 \(Emulator hub\)/);
  });
});
