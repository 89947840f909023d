// `npm run alerts:evaluate`: evaluates the alerts once against the running emulators
// (scheduled functions never fire by themselves there). The same plain function the
// `evaluateAlertsSchedule` schedule runs in production, with config/app as stored.
import { emulatorClientEnv } from "../lib/stack.js";

Object.assign(process.env, { ...emulatorClientEnv(), ...process.env });
const { evaluateAlerts } = await import("../../functions/src/alerts/evaluateAlerts.js");
const result = await evaluateAlerts({ now: Date.now() });
const list = (ids: string[]) => (ids.length > 0 ? ids.join(", ") : "none");
console.log(`alerts raised: ${list(result.raised)}`);
console.log(`alerts reopened: ${list(result.reopened)}`);
console.log(`alerts resolved: ${list(result.resolved)}`);
console.log(`alert e-mails queued (mail collection): ${result.mailed}`);
process.exit(0);
