// Cloud Functions entry point: global options and the exported triggers, nothing else.
import { setGlobalOptions } from "firebase-functions/options";
import { REGION } from "./config.js";

setGlobalOptions({ region: REGION, maxInstances: 100, concurrency: 80 });

export { health } from "./health/health.js";
export { spark } from "./spark/spark.js";
export { adminSetPlan } from "./admin/adminSetPlan.js";
export { adminSetRole } from "./admin/adminSetRole.js";
export { adminUpdateConfig } from "./admin/adminUpdateConfig.js";
export { exportMyData } from "./account/exportMyData.js";
export { deleteMyAccount } from "./account/deleteMyAccount.js";
export { track } from "./events/track.js";
export { sweepAbandoned } from "./maintenance/sweepAbandonedSchedule.js";
export { sweepDeleted } from "./maintenance/sweepDeletedSchedule.js";
export { evaluateAlertsSchedule } from "./alerts/evaluateAlertsSchedule.js";
export { onSignUp } from "./growth/onSignUp.js";
export { closeRollups } from "./maintenance/closeRollupsSchedule.js";
