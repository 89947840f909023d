// Runs the deleted-account sweep once a day in production. On the emulators scheduled functions
// never fire by themselves: `npm run sweep:deleted` runs the same function.
import { onSchedule } from "firebase-functions/scheduler";
import { sweepDeletedAccounts } from "./sweepDeleted.js";

export const sweepDeleted = onSchedule(
  { schedule: "every 24 hours", timeoutSeconds: 540 },
  async () => {
    await sweepDeletedAccounts({ nowMs: Date.now() });
  },
);
