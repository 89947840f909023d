// `npm run sweep:abandoned`: runs the abandoned-request sweep once against the running
// emulators (scheduled functions never fire by themselves there). The same plain function the
// `sweepAbandoned` schedule runs in production.
import { emulatorClientEnv } from "../lib/stack.js";

Object.assign(process.env, { ...emulatorClientEnv(), ...process.env });
const { sweepAbandonedRequests } =
  await import("../../functions/src/maintenance/sweepAbandoned.js");
const result = await sweepAbandonedRequests({ nowMs: Date.now() });
console.log(`abandoned requests: ${result.found} found, ${result.settled} settled`);
process.exit(0);
