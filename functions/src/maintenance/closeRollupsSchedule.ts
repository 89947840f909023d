// Runs the rollup close every 15 minutes in production (past days in the admin overview are at
// most that far behind; today is always read live from its shards). On the emulators scheduled
// functions never fire by themselves: `npm run rollups:close` runs the same function.
import { onSchedule } from "firebase-functions/scheduler";
import { closeRollups as closeChangedDays } from "./closeRollups.js";

export const closeRollups = onSchedule(
  { schedule: "every 15 minutes", timeoutSeconds: 540 },
  async () => {
    await closeChangedDays({ nowMs: Date.now() });
  },
);
