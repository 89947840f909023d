// One Vitest entry for every suite. `tools/test/run.ts` picks projects by name:
// unit suites need nothing running; "emulator" and "e2e" run inside `firebase emulators:exec`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
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
          include: ["tests/rules/**/*.test.ts", "tests/integration/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
