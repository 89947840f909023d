// The only reader of deploy-time configuration (Firebase params and secrets).
import { defineString } from "firebase-functions/params";

/** Region every function runs in; the web app calls this region. */
export const REGION = "us-central1";

/** Build identifier shown by `health`; set by the bundler, "dev" when unbundled. */
export const APP_VERSION = process.env.IDEASPARK_VERSION ?? "dev";

/** Whether App Check tokens are required on callables (off on the emulators). */
export const ENFORCE_APP_CHECK = defineString("ENFORCE_APP_CHECK", {
  default: "false",
  description: "Require a valid App Check token on every callable (true/false).",
});
