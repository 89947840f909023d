// `npm run bench:admin`: runs adminLoad.ts inside the emulators (the demo business seeded; the
// admin overview's reads for 7/30/90 days; the analytics writes per spark) and prints its numbers.
import { runBenchInEmulators } from "./emulatorBench.js";

process.exit(await runBenchInEmulators("adminLoad.ts", process.argv.slice(2)));
