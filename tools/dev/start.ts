// `npm start`: the whole IdeaSpark stack on the Firebase Emulator Suite with demo data and
// hot reload. Ctrl-C exports emulator data and stops every process group it started.
import path from "node:path";
import {
  describeToolchain,
  exitOnToolchainError,
  prepareEmulators,
  REPO_ROOT,
} from "../emulators/prepare.js";
import { emulatorPort, OPENAI_SERVER_PORT, WEB_DEV_PORT } from "../emulators/ports.js";
import { writeEmulatorConfig } from "../lib/emulatorConfig.js";
import { killTree, type ManagedProcess, startProcess, waitFor, httpOk } from "../lib/processes.js";
import {
  buildForEmulators,
  emulatorClientEnv,
  emulatorUrls,
  LOCAL_OPENAI_BASE_URL,
  startEmulators,
  startLocalOpenAI,
  tsxCommand,
  writeFunctionsEmulatorEnv,
  viteCommand,
  waitForEmulators,
} from "../lib/stack.js";
import { seedDemoData } from "../seed/seed.js";
import { DEMO_USERS } from "../seed/demoData.js";

const DATA_DIR = path.join(REPO_ROOT, ".emulator-data");
const running: ManagedProcess[] = [];
let stopping = 0;

/** Last resort: kill every process group at once (no export), so nothing is left behind. */
function killAll(code: number): never {
  for (const managed of running) if (managed.child.pid) killTree(managed.child.pid);
  process.exit(code);
}

async function shutdown(code: number): Promise<never> {
  // Ctrl-C reaches this process twice (from the terminal and relayed by npm/tsx): only a
  // second press a few seconds later means "stop now".
  if (stopping) {
    if (Date.now() - stopping > 3_000) {
      console.log("Stopping immediately (emulator data is not exported this time).");
      killAll(code);
    }
    return new Promise<never>(() => {});
  }
  stopping = Date.now();
  console.log("\nStopping IdeaSpark (exporting emulator data)…");
  const emulators = running.find((p) => p.name === "emulators");
  const others = running.filter((p) => p !== emulators);
  await Promise.all(others.map((p) => p.stop({ graceMs: 5_000 })));
  // SIGINT to the CLI alone lets it export data and stop its JVM; the group is killed after.
  await emulators?.stop({ signal: "SIGINT", leaderOnly: true, graceMs: 60_000 });
  console.log("All IdeaSpark processes stopped.");
  process.exit(code);
}

function banner(uiOn: boolean, model: string): string {
  const urls = emulatorUrls();
  const rows = [
    ["Web app (Vite, hot reload)", `http://127.0.0.1:${WEB_DEV_PORT}`],
    ["Web app (built PWA on Hosting)", urls.hosting],
    ["Auth emulator", urls.auth],
    ["Firestore emulator", urls.firestore],
    ["Functions emulator", urls.functions],
    ["Emulator hub", urls.hub],
    ["Model API", model],
    [
      "Emulator UI",
      uiOn
        ? `http://127.0.0.1:${emulatorPort(REPO_ROOT, "ui")}`
        : "off (bundle not available offline)",
    ],
  ];
  const width = Math.max(...rows.map(([label]) => (label ?? "").length));
  const users = DEMO_USERS.map((u) => `  ${u.email} / ${u.password}${u.admin ? "  (admin)" : ""}`);
  return [
    "",
    "IdeaSpark is running on the Firebase Emulator Suite (project demo-ideaspark):",
    ...rows.map(([label, url]) => `  ${(label ?? "").padEnd(width)}  ${url}`),
    "Demo sign-ins:",
    ...users,
    `Emulator data persists in ${DATA_DIR} (exported on exit).`,
    "Press Ctrl-C to stop everything.",
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.on(signal, () => void shutdown(0));

  const toolchain = await prepareEmulators(process.env, {
    extraPorts: [
      { name: "Vite dev server", host: "127.0.0.1", port: WEB_DEV_PORT },
      { name: "local OpenAI-compatible server", host: "127.0.0.1", port: OPENAI_SERVER_PORT },
    ],
  }).catch(exitOnToolchainError);
  console.log(describeToolchain(toolchain));

  console.log("Building functions and the web app…");
  await buildForEmulators();
  const realKey = process.env.OPENAI_API_KEY;
  if (realKey) {
    writeFunctionsEmulatorEnv({ baseUrl: process.env.OPENAI_BASE_URL ?? "", apiKey: realKey });
  } else {
    writeFunctionsEmulatorEnv({ baseUrl: LOCAL_OPENAI_BASE_URL, apiKey: "local-dev-key" });
    running.push(await startLocalOpenAI());
  }

  const emulators = startEmulators({
    env: toolchain.env,
    dataDir: DATA_DIR,
    // The UI is turned on only when its bundle is cached.
    configPath: writeEmulatorConfig(REPO_ROOT, { ui: toolchain.uiAvailable }),
  });
  running.push(emulators);
  void emulators.exited.then((code) => {
    if (!stopping) {
      console.error(`The emulators exited unexpectedly (code ${code}).`);
      void shutdown(1);
    }
  });
  await waitForEmulators();

  Object.assign(process.env, emulatorClientEnv());
  for (const line of await seedDemoData(process.env)) console.log(`[seed] ${line}`);

  const watch = tsxCommand(path.join(REPO_ROOT, "functions", "build.ts"), ["--watch"]);
  running.push(
    startProcess("functions", watch.command, watch.args, { cwd: REPO_ROOT, env: process.env }),
  );
  const vite = viteCommand(["--port", String(WEB_DEV_PORT), "--strictPort", "--host", "127.0.0.1"]);
  running.push(
    startProcess("web", vite.command, vite.args, {
      cwd: path.join(REPO_ROOT, "web"),
      env: process.env,
    }),
  );
  await waitFor("the Vite dev server", () => httpOk(`http://127.0.0.1:${WEB_DEV_PORT}/`));

  const model = realKey
    ? "OpenAI (OPENAI_API_KEY from your environment)"
    : `local OpenAI-compatible server ${LOCAL_OPENAI_BASE_URL}`;
  console.log(banner(toolchain.uiAvailable, model));
}

main().catch(async (error: unknown) => {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
