// `npm run rollups:close`: folds every day whose rollup shards changed since the last close into
// its `rollups/{day}` document, against the running emulators (scheduled functions never fire
// by themselves there). The same plain function the `closeRollups` schedule runs in production.
import { emulatorClientEnv } from "../lib/stack.js";

Object.assign(process.env, { ...emulatorClientEnv(), ...process.env });
const { closeRollups } = await import("../../functions/src/maintenance/closeRollups.js");
const result = await closeRollups({ nowMs: Date.now() });
console.log(`rollups closed: ${result.closed.length} day(s) ${result.closed.join(", ")}`);
process.exit(0);
