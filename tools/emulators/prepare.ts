// The emulator bootstrap: finds Java ≥ 21, decides how the Firestore emulator runs, checks
// ports, and returns the environment `firebase emulators:*` must be started with.
// Run directly (`npm run emulators:prepare`) it prints what it found or what is missing.
import { DEMO_PROJECT_ID } from "@ideaspark/domain";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findJava, type JavaRuntime } from "./java.js";
import {
  firebaseCacheDir,
  firebaseToolsEmulatorInfo,
  planFirestoreEmulator,
  type FirestoreEmulatorPlan,
} from "./firestoreEmulator.js";
import { assertPortsFree, emulatorPorts, type PortSpec } from "./ports.js";
import { ToolchainError } from "./toolchainError.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const PROJECT_ID = DEMO_PROJECT_ID;

export interface EmulatorToolchain {
  java: JavaRuntime;
  firestore: FirestoreEmulatorPlan;
  /** True when the Emulator UI bundle is cached locally and can be served offline. */
  uiAvailable: boolean;
  /** Environment for the `firebase` process: PATH with Java first, jar override if needed. */
  env: NodeJS.ProcessEnv;
}

/** The UI is served only when firebase-tools already unpacked its bundle (it cannot be fetched offline). */
function uiCached(env: NodeJS.ProcessEnv): boolean {
  const { version } = firebaseToolsEmulatorInfo().ui.main;
  return existsSync(path.join(firebaseCacheDir(env), `ui-v${version}`, "server", "server.mjs"));
}

/** Functions emulator workers: enough to overlap a few calls, few enough for 2 cores. */
export const FUNCTIONS_WORKERS = "4";

export async function prepareEmulators(
  env: NodeJS.ProcessEnv = process.env,
  options: { extraPorts?: PortSpec[]; checkPorts?: boolean } = {},
): Promise<EmulatorToolchain> {
  const java = findJava(env);
  const firestore = await planFirestoreEmulator({
    env,
    java,
    launcherPath: path.join(
      env.IDEASPARK_CACHE_DIR ?? path.join(REPO_ROOT, ".cache"),
      "emulators",
      "firestore-launcher.jar",
    ),
  });
  const uiAvailable = uiCached(env);
  if (options.checkPorts !== false) {
    await assertPortsFree([
      ...emulatorPorts(REPO_ROOT, uiAvailable),
      ...(options.extraPorts ?? []),
    ]);
  }
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    JAVA_HOME: path.dirname(java.binDir),
    PATH: [java.binDir, env.PATH ?? ""].join(path.delimiter),
    // The Functions emulator runs one request per worker process and by default starts up to
    // 50 at once: on 2 cores a burst of 40 calls then misses the 10 s code-load deadline and
    // hangs. A few workers make a burst queue instead (override with the same variable).
    FUNCTIONS_EMULATOR_PARALLEL: env.FUNCTIONS_EMULATOR_PARALLEL ?? FUNCTIONS_WORKERS,
  };
  if (firestore.kind === "gcloud-launcher" || firestore.kind === "override") {
    childEnv.FIRESTORE_EMULATOR_BINARY_PATH = firestore.binaryPath;
  }
  return { java, firestore, uiAvailable, env: childEnv };
}

export function describeToolchain(t: EmulatorToolchain): string {
  const firestore = {
    override: () => `override ${"binaryPath" in t.firestore ? t.firestore.binaryPath : ""}`,
    "firebase-cache": () =>
      `firebase-tools cache (${"jarPath" in t.firestore ? t.firestore.jarPath : ""})`,
    "gcloud-launcher": () =>
      `Google Cloud SDK jar via launcher (${"gcloudJar" in t.firestore ? t.firestore.gcloudJar : ""})`,
    download: () => "firebase-tools will download it",
  }[t.firestore.kind]();
  return [
    `Java ${t.java.version} (${t.java.source}: ${t.java.bin})`,
    `Firestore emulator: ${firestore}`,
    `Emulator UI: ${t.uiAvailable ? "on" : "off (its bundle is not cached and cannot be fetched offline)"}`,
    `Functions emulator workers: ${t.env.FUNCTIONS_EMULATOR_PARALLEL} (bursts queue; set FUNCTIONS_EMULATOR_PARALLEL to change)`,
  ].join("\n");
}

/** Prints a ToolchainError's message and exits 1; rethrows anything else. */
export function exitOnToolchainError(error: unknown): never {
  if (error instanceof ToolchainError) {
    console.error(`\n✖ ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  prepareEmulators(process.env, { checkPorts: !process.argv.includes("--no-port-check") })
    .then((toolchain) => console.log(describeToolchain(toolchain)))
    .catch(exitOnToolchainError);
}
