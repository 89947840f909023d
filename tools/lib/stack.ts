// Shared steps of `npm start` and `npm test`: build what the emulators serve, start the
// Firebase Emulator Suite in its own process group, and wait until every emulator answers.
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT, PROJECT_ID } from "../emulators/prepare.js";
import { emulatorPort, OPENAI_SERVER_PORT } from "../emulators/ports.js";
import { writeEmulatorConfig } from "./emulatorConfig.js";
import { firebaseCliArgs } from "./firebaseCli.js";
import { httpOk, runProcess, startProcess, waitFor, type ManagedProcess } from "./processes.js";

const require = createRequire(import.meta.url);

export const EMULATORS = ["auth", "firestore", "functions", "hosting"] as const;

/**
 * Runs a TypeScript script with tsx loaded into Node itself (`node --import tsx`), not through
 * the tsx CLI: the CLI relays signals and SIGKILLs a child that is slow to acknowledge them,
 * which on a busy machine cut graceful shutdowns short.
 */
export function tsxCommand(
  script: string,
  args: string[] = [],
): { command: string; args: string[] } {
  const tsxRoot = path.dirname(require.resolve("tsx/package.json"));
  const loader = pathToFileURL(path.join(tsxRoot, "dist", "loader.mjs")).href;
  return { command: process.execPath, args: ["--import", loader, script, ...args] };
}

export function viteCommand(args: string[]): { command: string; args: string[] } {
  const bin = path.join(path.dirname(require.resolve("vite/package.json")), "bin", "vite.js");
  return { command: process.execPath, args: [bin, ...args] };
}

async function step(
  name: string,
  run: { command: string; args: string[] },
  cwd = REPO_ROOT,
): Promise<void> {
  const code = await runProcess(name, run.command, run.args, { cwd, env: process.env });
  if (code !== 0) throw new Error(`${name} failed (exit code ${code})`);
}

/**
 * Bundles functions into functions/dist and builds the PWA the hosting emulator serves.
 * `IDEASPARK_REUSE_WEB_BUILD=1` keeps an existing web/dist (quick local loops on backend suites).
 */
export async function buildForEmulators(): Promise<void> {
  await step("build:functions", tsxCommand(path.join(REPO_ROOT, "functions", "build.ts")));
  const reuse = process.env.IDEASPARK_REUSE_WEB_BUILD === "1";
  if (reuse && existsSync(path.join(REPO_ROOT, "web", "dist", "index.html"))) return;
  await step(
    "build:web",
    viteCommand(["build", "--mode", "emulator", "--logLevel", "warn"]),
    path.join(REPO_ROOT, "web"),
  );
}

export function emulatorUrls(): Record<string, string> {
  const url = (key: string) => `http://127.0.0.1:${emulatorPort(REPO_ROOT, key)}`;
  return {
    hub: url("hub"),
    auth: url("auth"),
    firestore: url("firestore"),
    functions: url("functions"),
    hosting: url("hosting"),
  };
}

/** Environment that points firebase-admin and the web SDK tools at the running emulators. */
export function emulatorClientEnv(): NodeJS.ProcessEnv {
  return {
    GCLOUD_PROJECT: PROJECT_ID,
    // No metadata server exists off Google Cloud; without this the Admin SDK probes for one.
    METADATA_SERVER_DETECTION: "none",
    FIRESTORE_EMULATOR_HOST: `127.0.0.1:${emulatorPort(REPO_ROOT, "firestore")}`,
    FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${emulatorPort(REPO_ROOT, "auth")}`,
    FUNCTIONS_EMULATOR_ORIGIN: `http://127.0.0.1:${emulatorPort(REPO_ROOT, "functions")}`,
    HOSTING_EMULATOR_ORIGIN: `http://127.0.0.1:${emulatorPort(REPO_ROOT, "hosting")}`,
  };
}

/** Resolves when the hub lists every emulator and the health callable answers. */
export async function waitForEmulators(timeoutMs = 120_000): Promise<void> {
  const urls = emulatorUrls();
  await waitFor(
    "the emulator hub to list every emulator",
    async () => {
      const response = await fetch(`${urls.hub}/emulators`, { signal: AbortSignal.timeout(2_000) });
      if (!response.ok) return false;
      const listed = Object.keys((await response.json()) as Record<string, unknown>);
      return EMULATORS.every((name) => listed.includes(name));
    },
    timeoutMs,
  );
  await waitFor(
    "the health function",
    () =>
      httpOk(`${urls.functions}/${PROJECT_ID}/us-central1/health`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ data: {} }),
      }),
    timeoutMs,
  );
}

export interface EmulatorStartOptions {
  env: NodeJS.ProcessEnv;
  /** Keep data across restarts in this folder (import on start, export on exit). */
  dataDir?: string;
  /** Use this config file instead of the emulators' own (tools/lib/emulatorConfig.ts). */
  configPath?: string;
  echo?: boolean;
}

export function startEmulators(options: EmulatorStartOptions): ManagedProcess {
  const args = ["emulators:start", "--project", PROJECT_ID, "--only", EMULATORS.join(",")];
  args.unshift("--config", options.configPath ?? writeEmulatorConfig(REPO_ROOT));
  if (options.dataDir) {
    if (existsSync(options.dataDir)) args.push("--import", options.dataDir);
    args.push("--export-on-exit", options.dataDir);
  }
  const cli = firebaseCliArgs(args);
  return startProcess("emulators", cli.command, cli.args, {
    cwd: REPO_ROOT,
    env: options.env,
    echo: options.echo ?? true,
  });
}

export const LOCAL_OPENAI_BASE_URL = `http://127.0.0.1:${OPENAI_SERVER_PORT}/v1`;

/** Starts tools/openai-server on its fixed port; resolves once it answers. */
export async function startLocalOpenAI(pacingArgs: string[] = []): Promise<ManagedProcess> {
  const run = tsxCommand(path.join(REPO_ROOT, "tools", "openai-server", "main.ts"), [
    "--port",
    String(OPENAI_SERVER_PORT),
    ...pacingArgs,
  ]);
  const server = startProcess("openai", run.command, run.args, {
    cwd: REPO_ROOT,
    env: process.env,
  });
  await waitFor("the local OpenAI-compatible server", () =>
    httpOk(`http://127.0.0.1:${OPENAI_SERVER_PORT}/__control/health`),
  );
  return server;
}

/**
 * Emulator-only settings for the bundled functions (functions/dist is their source folder):
 * where the model API is and the key to send. A real key stays in this git-ignored file.
 * Written after `buildForEmulators`, never by the build: the Functions emulator reads
 * `.env.local`/`.secret.local` only from the source folder firebase.json names, while every
 * production build (`npm run build`, the deploy's predeploy) empties that folder and copies no
 * `*.local` file, so what is written here cannot ship (tools/lib/functionsBuild.test.ts).
 */
export function writeFunctionsEmulatorEnv(model: { baseUrl: string; apiKey: string }): void {
  const dist = path.join(REPO_ROOT, "functions", "dist");
  const header = "# Written by tools/lib/stack.ts for the Functions emulator; not deployed.\n";
  writeFileSync(path.join(dist, ".env.local"), `${header}OPENAI_BASE_URL=${model.baseUrl}\n`);
  writeFileSync(path.join(dist, ".secret.local"), `${header}OPENAI_API_KEY=${model.apiKey}\n`, {
    mode: 0o600,
  });
}
