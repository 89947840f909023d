// `npm run bench:web`: builds the PWA and functions, runs webLoad.ts inside the whole emulator
// stack (Hosting included) with the local model server paced like a real model, and prints the
// landing page's and signed-in home's Lighthouse scores, the JS downloaded before the signed-in
// shell, and the spark's submit-to-request and chunk-to-card times.
import { runBenchInEmulators } from "./emulatorBench.js";

process.exit(
  await runBenchInEmulators("webLoad.ts", process.argv.slice(2), {
    wholeStack: true,
    openaiArgs: ["--first-token-ms", "400", "--chunk-ms", "15"],
  }),
);
