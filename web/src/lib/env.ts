// Firebase web configuration from `VITE_*` variables, validated once with zod. Used at build time
// by vite.config.ts (so a production build without config fails fast) and at runtime by
// src/data/firebase.ts. Emulators are used only when `VITE_USE_EMULATORS` is exactly "true".
import { z } from "zod";

const required = z.string({ error: "is missing" }).trim().min(1, "is missing");
const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

/** `host:port` of one emulator, e.g. `127.0.0.1:8080`. */
const emulatorAddress = (fallback: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value || fallback)
    .pipe(z.string().regex(/^[\w.-]+:\d{2,5}$/, "must look like host:port"))
    .transform((value) => {
      const separator = value.lastIndexOf(":");
      return { host: value.slice(0, separator), port: Number(value.slice(separator + 1)) };
    });

const WebEnv = z
  .object({
    VITE_FIREBASE_API_KEY: required,
    VITE_FIREBASE_AUTH_DOMAIN: required,
    VITE_FIREBASE_PROJECT_ID: required,
    VITE_FIREBASE_APP_ID: required,
    VITE_FIREBASE_MEASUREMENT_ID: optional,
    VITE_FIREBASE_APPCHECK_SITE_KEY: optional,
    VITE_APPCHECK_DEBUG_TOKEN: optional,
    VITE_APPCHECK_EMULATOR: z
      .enum(["true", "false", ""], { error: 'must be "true" or "false"' })
      .optional()
      .transform((value) => value === "true"),
    // FUNCTIONS_REGION (domain deployment.ts): written out here because vite.config.ts loads
    // this file before any package can be resolved; env.test.ts holds the two together.
    VITE_FUNCTIONS_REGION: optional.transform((value) => value ?? "us-central1"),
    VITE_USE_EMULATORS: z
      .enum(["true", "false", ""], { error: 'must be "true" or "false"' })
      .optional()
      .transform((value) => value === "true"),
    VITE_AUTH_GOOGLE: z
      .enum(["true", "false", ""], { error: 'must be "true" or "false"' })
      .optional(),
    VITE_AUTH_EMULATOR_HOST: emulatorAddress("127.0.0.1:9099"),
    VITE_FIRESTORE_EMULATOR_HOST: emulatorAddress("127.0.0.1:8080"),
    VITE_FUNCTIONS_EMULATOR_HOST: emulatorAddress("127.0.0.1:5001"),
  })
  .superRefine((env, ctx) => {
    // `demo-*` projects exist only on the Emulator Suite; talking to production with one is a
    // misconfiguration that would otherwise surface as opaque 403s.
    if (!env.VITE_USE_EMULATORS && env.VITE_FIREBASE_PROJECT_ID.startsWith("demo-")) {
      ctx.addIssue({
        code: "custom",
        path: ["VITE_FIREBASE_PROJECT_ID"],
        message: `is a demo project ("${env.VITE_FIREBASE_PROJECT_ID}"), which only works with VITE_USE_EMULATORS=true`,
      });
    }
    // A debug token is exchanged by App Check's backend for a real project's token; the
    // emulators have no such backend (VITE_APPCHECK_EMULATOR stands in for it there).
    if (env.VITE_APPCHECK_DEBUG_TOKEN && env.VITE_USE_EMULATORS) {
      ctx.addIssue({
        code: "custom",
        path: ["VITE_APPCHECK_DEBUG_TOKEN"],
        message:
          "has no App Check backend to exchange it on the emulators: use VITE_APPCHECK_EMULATOR=true",
      });
    }
    if (env.VITE_APPCHECK_EMULATOR && !env.VITE_USE_EMULATORS) {
      ctx.addIssue({
        code: "custom",
        path: ["VITE_APPCHECK_EMULATOR"],
        message: "only works with VITE_USE_EMULATORS=true (a real project needs a site key)",
      });
    }
    if (env.VITE_APPCHECK_DEBUG_TOKEN && !env.VITE_FIREBASE_APPCHECK_SITE_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["VITE_APPCHECK_DEBUG_TOKEN"],
        message: "needs VITE_FIREBASE_APPCHECK_SITE_KEY (App Check starts only with a site key)",
      });
    }
  });

/** Emulator addresses, present only when the app must talk to the Emulator Suite. */
export interface EmulatorConfig {
  auth: { host: string; port: number };
  firestore: { host: string; port: number };
  functions: { host: string; port: number };
}

/** Everything src/data needs to start Firebase. */
export interface WebConfig {
  firebase: {
    apiKey: string;
    authDomain: string;
    projectId: string;
    appId: string;
    measurementId?: string;
  };
  appCheckSiteKey?: string;
  /**
   * App Check debug token registered in the Firebase console, for a local or CI build against a
   * real project (never in a production build: it lets any browser pass App Check).
   */
  appCheckDebugToken?: string;
  /** Send an emulator-only App Check token, which the Functions emulator accepts unverified. */
  appCheckEmulator?: true;
  functionsRegion: string;
  emulators?: EmulatorConfig;
}

/** Thrown when configuration is missing or malformed; the message names every bad variable. */
export class WebConfigError extends Error {
  override name = "WebConfigError";
  constructor(readonly problems: string[]) {
    super(
      `IdeaSpark web configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
        "Set them in the environment or a web/.env.<mode>.local file " +
        "(see web/.env.example), or build with --mode emulator for the Emulator Suite.",
    );
  }
}

/**
 * Whether the "Continue with Google" button is offered (`VITE_AUTH_GOOGLE=true`; the provider
 * must also be enabled in the Firebase console, or be the Auth emulator's fake Google flow).
 */
export function googleSignInEnabled(env: Record<string, unknown> = import.meta.env): boolean {
  return env.VITE_AUTH_GOOGLE === "true";
}

/** Parses `import.meta.env` (or Vite's `loadEnv` result) into a {@link WebConfig}. */
export function parseWebConfig(raw: Record<string, unknown>): WebConfig {
  const result = WebEnv.safeParse(raw);
  if (!result.success) {
    throw new WebConfigError(
      result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`),
    );
  }
  const env = result.data;
  return {
    firebase: {
      apiKey: env.VITE_FIREBASE_API_KEY,
      authDomain: env.VITE_FIREBASE_AUTH_DOMAIN,
      projectId: env.VITE_FIREBASE_PROJECT_ID,
      appId: env.VITE_FIREBASE_APP_ID,
      ...(env.VITE_FIREBASE_MEASUREMENT_ID && { measurementId: env.VITE_FIREBASE_MEASUREMENT_ID }),
    },
    ...(env.VITE_FIREBASE_APPCHECK_SITE_KEY && {
      appCheckSiteKey: env.VITE_FIREBASE_APPCHECK_SITE_KEY,
    }),
    ...(env.VITE_APPCHECK_DEBUG_TOKEN && { appCheckDebugToken: env.VITE_APPCHECK_DEBUG_TOKEN }),
    ...(env.VITE_APPCHECK_EMULATOR && { appCheckEmulator: true as const }),
    functionsRegion: env.VITE_FUNCTIONS_REGION,
    ...(env.VITE_USE_EMULATORS && {
      emulators: {
        auth: env.VITE_AUTH_EMULATOR_HOST,
        firestore: env.VITE_FIRESTORE_EMULATOR_HOST,
        functions: env.VITE_FUNCTIONS_EMULATOR_HOST,
      },
    }),
  };
}
