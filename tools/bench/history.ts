// `npm run bench:history`: builds the PWA, runs historyLoad.ts inside the whole emulator stack
// (Hosting included) and prints how history behaves with 2,000 sparks: first rows cold, warm and
// offline, search latency, and scroll smoothness.
import { runBenchInEmulators } from "./emulatorBench.js";

process.exit(
  await runBenchInEmulators("historyLoad.ts", process.argv.slice(2), { wholeStack: true }),
);
