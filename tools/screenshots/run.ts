// `npm run screenshots`: builds the PWA and functions and runs capture.ts inside the whole
// emulator stack, which writes the manifest's screenshots of the signed-in app.
import { runBenchInEmulators } from "../bench/emulatorBench.js";

process.exit(await runBenchInEmulators("../screenshots/capture.ts", [], { wholeStack: true }));
