// The only reader of deploy-time configuration (Firebase params and secrets). Business
// settings that change without a deploy live in config/app instead (see data/appConfig.ts).
import { FUNCTIONS_REGION } from "@ideaspark/domain";
import { defineBoolean, defineInt, defineSecret, defineString } from "firebase-functions/params";

/** Region every function runs in; the web app calls this region. */
export const REGION = FUNCTIONS_REGION;

/** Build identifier shown by `health`; set by the bundler, "dev" when unbundled. */
export const APP_VERSION = process.env.IDEASPARK_VERSION ?? "dev";

/** The OpenAI API key: a Secret Manager secret, never in code, env files or logs. */
export const OPENAI_API_KEY = defineSecret("OPENAI_API_KEY");

/** OpenAI-compatible base URL; empty means OpenAI itself. The emulator points it at tools/openai-server. */
export const OPENAI_BASE_URL = defineString("OPENAI_BASE_URL", {
  default: "",
  description: "Base URL of the OpenAI-compatible API (empty for api.openai.com).",
});

/** Whether callables require a valid App Check token (off on the emulators). */
export const ENFORCE_APP_CHECK = defineBoolean("ENFORCE_APP_CHECK", {
  default: false,
  description: "Require a valid App Check token on every callable.",
});

/**
 * Browser origins allowed to call the callables (CORS), comma-separated, e.g.
 * `https://<project>.web.app,https://<project>.firebaseapp.com`; `*` allows any origin and is
 * meant for the emulators. No default: a deploy without it asks for it (or fails in CI).
 */
export const ALLOWED_ORIGINS = defineString("ALLOWED_ORIGINS", {
  description:
    "Origins that may call the callables from a browser, comma-separated (the app's own " +
    "https://<project>.web.app, https://<project>.firebaseapp.com and any custom domain).",
  input: {
    text: {
      example: "https://my-project.web.app,https://my-project.firebaseapp.com",
      validationRegex: "^(\\*|https?://[^/,\\s]+(\\s*,\\s*https?://[^/,\\s]+)*)$",
      validationErrorMessage:
        "List origins like https://my-project.web.app separated by commas (no paths), or *.",
    },
  },
});

/** How long config/app and the budget total are cached in each instance's memory. */
export const CONFIG_CACHE_SECONDS = defineInt("CONFIG_CACHE_SECONDS", {
  default: 30,
  description: "Seconds config/app and budget totals are cached per instance.",
});
