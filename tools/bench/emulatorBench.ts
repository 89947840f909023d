// Runs a load script inside the Firestore and Auth emulators with the local model server (no
// pacing) beside them, and prints what the script prints: the shared runner of the `bench:*`
// commands. The emulator is one JVM on this machine, so the figures measure the design's
// per-request cost and freedom from contention, not production throughput.
import path from "node:path";
import {
  exitOnToolchainError,
  prepareEmulators,
  PROJECT_ID,
  REPO_ROOT,
} from "../emulators/prepare.js";
import { emulatorPort, OPENAI_SERVER_PORT } from "../emulators/ports.js";
import { firebaseCliArgs } from "../lib/firebaseCli.js";
import { writeEmulatorConfig } from "../lib/emulatorConfig.js";
import { runProcess } from "../lib/processes.js";
import {
  buildForEmulators,
  EMULATORS,
  LOCAL_OPENAI_BASE_URL,
  startLocalOpenAI,
  tsxCommand,
  writeFunctionsEmulatorEnv,
} from "../lib/stack.js";

export interface BenchOptions {
  /**
   * The whole stack (functions and the built PWA on the Hosting emulator, as `npm test` runs
   * it) instead of Auth and Firestore alone; the script gets E2E_BASE_URL.
   */
  wholeStack?: boolean;
  /** Pacing of the local model server (default: none). */
  openaiArgs?: string[];
}

/** Runs tools/bench/`loadScript` with `args` inside the emulators; resolves to its exit code. */
export async function runBenchInEmulators(
  loadScript: string,
  args: string[],
  options: BenchOptions = {},
): Promise<number> {
  const toolchain = await prepareEmulators(process.env, {
    extraPorts: [
      { name: "local OpenAI-compatible server", host: "127.0.0.1", port: OPENAI_SERVER_PORT },
    ],
  }).catch(exitOnToolchainError);
  if (options.wholeStack) {
    await buildForEmulators();
    writeFunctionsEmulatorEnv({ baseUrl: LOCAL_OPENAI_BASE_URL, apiKey: "local-bench-key" });
  }
  const openai = await startLocalOpenAI(options.openaiArgs ?? ["--fast"]);
  const load = tsxCommand(path.join(REPO_ROOT, "tools", "bench", loadScript), args);
  const script = [load.command, ...load.args]
    .map((a) => `'${a.replaceAll("'", `'\\''`)}'`)
    .join(" ");
  const cli = firebaseCliArgs([
    "emulators:exec",
    ...(options.wholeStack ? ["--config", writeEmulatorConfig(REPO_ROOT)] : []),
    "--project",
    PROJECT_ID,
    "--only",
    options.wholeStack ? EMULATORS.join(",") : "auth,firestore",
    script,
  ]);
  const code = await runProcess("bench", cli.command, cli.args, {
    cwd: REPO_ROOT,
    env: {
      ...toolchain.env,
      METADATA_SERVER_DETECTION: "none",
      ...(options.wholeStack
        ? { E2E_BASE_URL: `http://127.0.0.1:${emulatorPort(REPO_ROOT, "hosting")}` }
        : {}),
    },
    echo: false,
    onLine: (line) => {
      // Skip firebase-tools progress lines and the handler's structured JSON logs.
      if (!/^(i|>|✔|⚠) {2}/.test(line) && !line.startsWith("{")) console.log(line);
    },
  });
  await openai.stop();
  return code;
}
