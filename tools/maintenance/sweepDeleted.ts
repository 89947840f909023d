// `npm run sweep:deleted`: runs the deleted-account sweep once against the running emulators
// (scheduled functions never fire by themselves there). The same plain function the
// `sweepDeleted` schedule runs in production.
import { emulatorClientEnv } from "../lib/stack.js";

Object.assign(process.env, { ...emulatorClientEnv(), ...process.env });
const { sweepDeletedAccounts } = await import("../../functions/src/maintenance/sweepDeleted.js");
const result = await sweepDeletedAccounts({ nowMs: Date.now() });
console.log(
  `deleted accounts: ${result.accounts} swept, ${result.documentsDeleted} documents deleted, ` +
    `${result.usageAnonymised} usage records and ${result.eventsAnonymised} events anonymised`,
);
process.exit(0);
