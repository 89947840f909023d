// `npm test`: quality gates, unit suites, then the emulator suites (rules, integration,
// browser) inside `firebase emulators:exec`. Ends with one plain `N passed, N failed` line.
// `--only=check|unit|emulator` runs one stage and `--files=a,b` narrows the test files (for
// quick local loops).
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  exitOnToolchainError,
  prepareEmulators,
  PROJECT_ID,
  REPO_ROOT,
} from "../emulators/prepare.js";
import { emulatorPort, OPENAI_SERVER_PORT } from "../emulators/ports.js";
import { writeEmulatorConfig } from "../lib/emulatorConfig.js";
import { firebaseCliArgs } from "../lib/firebaseCli.js";
import { runProcess, stopAllProcesses } from "../lib/processes.js";
import {
  buildForEmulators,
  EMULATORS,
  LOCAL_OPENAI_BASE_URL,
  startLocalOpenAI,
  writeFunctionsEmulatorEnv,
} from "../lib/stack.js";
import {
  addTally,
  emptyTally,
  failureLines,
  summaryLine,
  tallyFromVitest,
  type Tally,
} from "./report.js";

const require = createRequire(import.meta.url);
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
/** `--files=a,b`: pass test-file filters to Vitest (for quick local loops). */
const fileFilters =
  process.argv
    .find((arg) => arg.startsWith("--files="))
    ?.slice("--files=".length)
    .split(",") ?? [];
const reportsDir = path.join(REPO_ROOT, ".cache", "test-reports");
const bin = (pkg: string, rel: string) =>
  path.join(path.dirname(require.resolve(`${pkg}/package.json`)), rel);

const CHECKS: { name: string; command: string; args: string[] }[] = [
  ...["packages/domain", "functions", "web", "tsconfig.tools.json"].map((project) => ({
    name: `typecheck ${project}`,
    command: process.execPath,
    args: [bin("typescript", "bin/tsc"), "--noEmit", "-p", project],
  })),
  {
    name: "eslint (zero warnings)",
    command: process.execPath,
    args: [bin("eslint", "bin/eslint.js"), ".", "--max-warnings=0"],
  },
  {
    name: "prettier --check",
    command: process.execPath,
    args: [bin("prettier", "bin/prettier.cjs"), "--check", "."],
  },
];

/** Each check is one single-threaded process: two at a time keep both cores busy. */
const CHECKS_AT_ONCE = 2;

async function runChecks(): Promise<Tally> {
  const tally = emptyTally();
  const queue = [...CHECKS];
  const runNext = async (): Promise<void> => {
    for (let check = queue.shift(); check; check = queue.shift()) {
      const code = await runProcess("check", check.command, check.args, {
        cwd: REPO_ROOT,
        env: process.env,
      });
      console.log(`${code === 0 ? "✓" : "✗"} ${check.name}`);
      addTally(
        tally,
        code === 0
          ? { passed: 1, failed: 0, skipped: 0 }
          : { passed: 0, failed: 1, skipped: 0, failures: [`check: ${check.name}`] },
      );
    }
  };
  await Promise.all(Array.from({ length: CHECKS_AT_ONCE }, runNext));
  return tally;
}

function vitestArgs(projects: string[], report: string): string[] {
  return [
    bin("vitest", "vitest.mjs"),
    "run",
    ...projects.flatMap((p) => ["--project", p]),
    // Vitest's default is one worker per core less one: a single worker on 2 cores. Two let
    // the unit projects overlap.
    "--maxWorkers=2",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    // A narrowed run (`--files`) may leave one of the parallel runs below with nothing to do.
    ...(fileFilters.length > 0 ? ["--passWithNoTests"] : []),
    ...fileFilters,
  ];
}

async function runUnit(): Promise<Tally> {
  const report = path.join(reportsDir, "unit.json");
  const code = await runProcess(
    "unit",
    process.execPath,
    vitestArgs(["domain", "functions", "tools", "web"], report),
    {
      cwd: REPO_ROOT,
      env: process.env,
    },
  );
  return tallyFromVitest(report, code);
}

/** firebase-tools' own progress lines and function logs (`i  …`, `>  …`, `✔  …`, `⚠  …`). */
const EMULATOR_CHATTER = /^(i|>|✔|⚠) {2}/;

const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

async function runEmulatorSuites(): Promise<Tally> {
  const toolchain = await prepareEmulators(process.env, {
    extraPorts: [
      { name: "local OpenAI-compatible server", host: "127.0.0.1", port: OPENAI_SERVER_PORT },
    ],
  }).catch(exitOnToolchainError);
  await buildForEmulators();
  // Tests never reach a real provider: the functions always talk to the local server.
  writeFunctionsEmulatorEnv({ baseUrl: LOCAL_OPENAI_BASE_URL, apiKey: "local-test-key" });
  const openai = await startLocalOpenAI(["--first-token-ms", "20", "--chunk-ms", "2"]);
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    console.error(
      `Chromium not found at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  // Two lanes of Vitest processes side by side (each runs its files one at a time; one Vitest
  // would run its projects in turn): first the browser journeys, then the rules' access matrix,
  // beside the integration suites; then the suites that change config/app, which every function
  // call reads, beside the other rules suites, which call no function. Each run writes its
  // report and exit code.
  const run = (project: string) => ({
    project,
    report: path.join(reportsDir, `${project}.json`),
    codeFile: path.join(reportsDir, `${project}.exit`),
  });
  const command = ({ project, report, codeFile }: ReturnType<typeof run>) =>
    `${[process.execPath, ...vitestArgs([project], report)].map(quote).join(" ")}; echo $? > ${quote(codeFile)}`;
  const lanes = (...projects: string[][]) =>
    `${projects.map((lane) => `(${lane.map((p) => command(run(p))).join("; ")})`).join(" & ")} & wait`;
  const phases = [
    [["emulator"], ["e2e", "rules-matrix"]],
    [["emulator-config"], ["rules"]],
  ];
  const runs = phases.flat(2).map(run);
  const script = phases.map((phase) => lanes(...phase)).join("; ");
  const cli = firebaseCliArgs([
    "emulators:exec",
    // firebase.json plus the emulators' origins in the hosting CSP (tools/lib/emulatorConfig.ts).
    "--config",
    writeEmulatorConfig(REPO_ROOT),
    "--project",
    PROJECT_ID,
    "--only",
    EMULATORS.join(","),
    script,
  ]);
  // The emulators log every function call; keep that in a file and show the test output.
  const logPath = path.join(reportsDir, "emulators.log");
  const log = createWriteStream(logPath);
  const code = await runProcess("emulators", cli.command, cli.args, {
    cwd: REPO_ROOT,
    echo: false,
    onLine: (line) => {
      log.write(`${line}\n`);
      if (!EMULATOR_CHATTER.test(line)) console.log(line);
    },
    env: {
      ...toolchain.env,
      CHROMIUM_PATH: chromium,
      E2E_BASE_URL: `http://127.0.0.1:${emulatorPort(REPO_ROOT, "hosting")}`,
      FUNCTIONS_EMULATOR_ORIGIN: `http://127.0.0.1:${emulatorPort(REPO_ROOT, "functions")}`,
    },
  });
  await openai.stop();
  log.end();
  console.log(`Emulator log: ${logPath}`);
  const total = emptyTally();
  for (const run of runs) {
    // A missing or empty exit file (a run that never finished) counts as a failure.
    const written = existsSync(run.codeFile) ? readFileSync(run.codeFile, "utf8").trim() : "";
    const exit = written === "" || Number.isNaN(Number(written)) ? 1 : Number(written);
    addTally(total, tallyFromVitest(run.report, exit));
  }
  // The emulators themselves failing (a port, a crash) fails the stage even if tests passed.
  if (code !== 0 && total.failed === 0) {
    total.failed = 1;
    total.failures = [`emulators:exec exited ${code} (see ${logPath})`];
  }
  return total;
}

async function main(): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      console.log(`\n${signal}: stopping every test process…`);
      void stopAllProcesses().then(() => process.exit(130));
    });
  }
  rmSync(reportsDir, { recursive: true, force: true });
  mkdirSync(reportsDir, { recursive: true });
  const started = Date.now();
  const total = emptyTally();
  if (!only || only === "check") addTally(total, await runChecks());
  if (!only || only === "unit") addTally(total, await runUnit());
  if (!only || only === "emulator") addTally(total, await runEmulatorSuites());
  console.log(`\nnpm test finished in ${Math.round((Date.now() - started) / 1000)} s`);
  for (const line of failureLines(total)) console.log(line);
  console.log(summaryLine(total));
  process.exit(total.failed > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  console.log(summaryLine({ passed: 0, failed: 1, skipped: 0 }));
  process.exit(1);
});
