// Evaluates the alerts every 10 minutes in production. On the emulators scheduled functions
// never fire by themselves: `npm run alerts:evaluate` runs the same evaluation once.
import { onSchedule } from "firebase-functions/scheduler";
import { evaluateAlerts } from "./evaluateAlerts.js";

export const evaluateAlertsSchedule = onSchedule(
  { schedule: "every 10 minutes", timeoutSeconds: 120 },
  async () => {
    await evaluateAlerts({ now: Date.now() });
  },
);
