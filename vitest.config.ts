// One Vitest entry for every suite. `tools/test/run.ts` picks projects by name:
// unit suites need nothing running; "emulator", "e2e", "rules", "rules-matrix" and
// "emulator-config" run inside
// `firebase emulators:exec`.
import { defineConfig } from "vitest/config";

/**
 * The functions' structured logs from handlers run in tests (one "spark settled" line per
 * request, the out-of-credit alert the fault tests provoke on purpose) are kept out of the
 * test output; anything else still prints.
 */
const quietFunctionLogs = (log: string) =>
  /"severity":"(INFO|DEBUG|WARNING)"|OPENAI_INSUFFICIENT_QUOTA/.test(log) ? false : undefined;

/**
 * Emulator suites that write config/app, which every function call of every suite reads, or
 * change state the whole app shares (alerts: evaluating them resolves any open alert that no
 * longer holds, the admin banner's included).
 */
const CONFIG_WRITERS = [
  "tests/integration/adminUpdateConfig.test.ts",
  "tests/integration/alerts.test.ts",
  "tests/integration/sparkBurst.test.ts",
  "tests/integration/sparkFaults.test.ts",
  "tests/integration/sparkHappyPath.test.ts",
  "tests/integration/sparkQuota.test.ts",
  "tests/integration/sparkRequestIds.test.ts",
];

const ACCESS_MATRIX = "tests/rules/accessMatrix.test.ts";

export default defineConfig({
  test: {
    onConsoleLog: quietFunctionLogs,
    projects: [
      {
        test: {
          name: "domain",
          root: "packages/domain",
          include: ["src/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "functions",
          root: "functions",
          include: ["src/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "tools",
          include: ["tools/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      "web",
      {
        test: {
          name: "emulator",
          include: ["tests/integration/**/*.test.ts"],
          exclude: CONFIG_WRITERS,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // One process for all the files, one after another: a fresh process per file cost
          // ~2.5 s each (the Admin and web SDKs loaded again) on a busy 2-core machine.
          isolate: false,
        },
      },
      {
        // The security rules under a project id of their own: no function call reads their
        // data, so they run beside anything. The access matrix (the longest) follows the
        // browser journeys, the rest run beside the config writers (tools/test/run.ts).
        test: {
          name: "rules",
          include: ["tests/rules/**/*.test.ts"],
          exclude: [ACCESS_MATRIX],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "rules-matrix",
          include: [ACCESS_MATRIX],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Suites that change config/app (shared by every function call): they run after the
        // browser journeys, never beside them.
        test: {
          name: "emulator-config",
          include: CONFIG_WRITERS,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          isolate: false,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          isolate: false,
        },
      },
    ],
  },
});
