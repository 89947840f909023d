// Runs the abandoned-request sweep every 15 minutes in production. On the emulators scheduled
// functions never fire by themselves: `npm run sweep:abandoned` triggers this one.
import { onSchedule } from "firebase-functions/scheduler";
import { getAppConfig } from "../data/appConfig.js";
import { sweepAbandonedRequests } from "./sweepAbandoned.js";

export const sweepAbandoned = onSchedule(
  { schedule: "every 15 minutes", timeoutSeconds: 300 },
  async () => {
    const config = await getAppConfig(0);
    await sweepAbandonedRequests({ nowMs: Date.now(), config });
  },
);
