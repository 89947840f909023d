// `npm run bench:spark [-- --users 50 --sparks 300 --concurrency 50]`: runs sparkLoad.ts (the
// spark handler under load) inside the emulators and prints its numbers.
import { runBenchInEmulators } from "./emulatorBench.js";

process.exit(await runBenchInEmulators("sparkLoad.ts", process.argv.slice(2)));
