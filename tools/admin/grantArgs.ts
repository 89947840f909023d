// Command line of `npm run admin:grant`: which email, grant or revoke, and which Firebase to
// talk to (the emulators, or a real project with Application Default Credentials).
import { DEMO_PROJECT_ID } from "@ideaspark/domain";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const EMULATOR_PROJECT_ID = DEMO_PROJECT_ID;

export const USAGE = [
  "Usage: npm run admin:grant -- <email> [--revoke] [--force] [--emulators | --project <id>]",
  "",
  "  Gives the account with this email the admin role (custom claim admin: true, other",
  "  claims kept, and its roles/{uid} document); --revoke takes it away at once and",
  "  signs them out everywhere (refresh tokens revoked).",
  "  --force         grant even though the address is not verified (refused otherwise)",
  "  --emulators     the local Emulator Suite (ports from firebase.json); also implied",
  "                  when FIREBASE_AUTH_EMULATOR_HOST is set",
  "  --project <id>  a real project (or GCLOUD_PROJECT), with Application Default",
  "                  Credentials: GOOGLE_APPLICATION_CREDENTIALS=<service account key>",
  "                  or `gcloud auth application-default login`",
].join("\n");

export type GrantTarget =
  | { kind: "emulators"; projectId: string; authHost: string; firestoreHost: string }
  | { kind: "project"; projectId: string; credentials: string };

export interface GrantOptions {
  email: string;
  revoke: boolean;
  /** Grant to an address that is not verified. */
  force?: boolean;
  target: GrantTarget;
}

/** A mistake in how the script was called; its message says how to call it instead. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export interface GrantEnvironment {
  env: NodeJS.ProcessEnv;
  /** Loopback ports of the Auth and Firestore emulators (from firebase.json). */
  emulatorPorts: () => { auth: number; firestore: number };
  /** The gcloud Application Default Credentials file, when one exists on this machine. */
  gcloudCredentials?: string | undefined;
}

/** Where `gcloud auth application-default login` leaves credentials, if it has. */
export function findGcloudCredentials(env: NodeJS.ProcessEnv): string | undefined {
  const dir =
    process.platform === "win32" && env.APPDATA
      ? path.join(env.APPDATA, "gcloud")
      : (env.CLOUDSDK_CONFIG ?? path.join(os.homedir(), ".config", "gcloud"));
  const file = path.join(dir, "application_default_credentials.json");
  return existsSync(file) ? file : undefined;
}

function readFlags(argv: string[]) {
  const flags = {
    emulators: false,
    revoke: false,
    force: false,
    help: false,
    project: undefined as string | undefined,
  };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--emulators") flags.emulators = true;
    else if (arg === "--revoke") flags.revoke = true;
    else if (arg === "--force") flags.force = true;
    else if (arg === "--help" || arg === "-h") flags.help = true;
    else if (arg === "--project") {
      const value = argv[++i];
      if (!value || value.startsWith("-")) throw new UsageError("--project needs a project id.");
      flags.project = value;
    } else if (arg.startsWith("--project=")) flags.project = arg.slice("--project=".length);
    else if (arg.startsWith("-")) throw new UsageError(`Unknown option ${arg}.`);
    else positional.push(arg);
  }
  return { flags, positional };
}

function resolveTarget(
  flags: { emulators: boolean; project: string | undefined },
  { env, emulatorPorts, gcloudCredentials }: GrantEnvironment,
): GrantTarget {
  if (flags.emulators) {
    const ports = emulatorPorts();
    return {
      kind: "emulators",
      projectId: flags.project ?? EMULATOR_PROJECT_ID,
      authHost: `127.0.0.1:${ports.auth}`,
      firestoreHost: `127.0.0.1:${ports.firestore}`,
    };
  }
  if (env.FIREBASE_AUTH_EMULATOR_HOST) {
    return {
      kind: "emulators",
      projectId: flags.project ?? env.GCLOUD_PROJECT ?? EMULATOR_PROJECT_ID,
      authHost: env.FIREBASE_AUTH_EMULATOR_HOST,
      firestoreHost: env.FIRESTORE_EMULATOR_HOST ?? `127.0.0.1:${emulatorPorts().firestore}`,
    };
  }
  if (env.FIRESTORE_EMULATOR_HOST) {
    throw new UsageError(
      "FIRESTORE_EMULATOR_HOST is set but FIREBASE_AUTH_EMULATOR_HOST is not: pass --emulators " +
        "for the emulators, or unset FIRESTORE_EMULATOR_HOST for a real project.",
    );
  }
  const projectId = flags.project ?? env.GCLOUD_PROJECT ?? env.GOOGLE_CLOUD_PROJECT;
  const credentials = env.GOOGLE_APPLICATION_CREDENTIALS || gcloudCredentials;
  const missing = [
    ...(projectId ? [] : ["a project: pass --project <id> (or set GCLOUD_PROJECT)"]),
    ...(credentials
      ? []
      : [
          "credentials: set GOOGLE_APPLICATION_CREDENTIALS to a service account key file, " +
            "or run `gcloud auth application-default login`",
        ]),
  ];
  if (!projectId || !credentials) {
    throw new UsageError(
      [
        "Not granting anything: no emulator is targeted and a real project needs",
        ...missing.map((line) => `  - ${line}`),
        "For the local emulators pass --emulators.",
      ].join("\n"),
    );
  }
  return { kind: "project", projectId, credentials };
}

/** Parses the command line; throws UsageError (with what to do) when it cannot run. */
export function parseGrantArgs(
  argv: string[],
  environment: GrantEnvironment,
): GrantOptions | "help" {
  const { flags, positional } = readFlags(argv);
  if (flags.help) return "help";
  const [email, ...extra] = positional;
  if (!email) throw new UsageError(`Which account? Pass its email.\n\n${USAGE}`);
  if (extra.length > 0) throw new UsageError(`Unexpected argument ${extra[0]}; pass one email.`);
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new UsageError(`"${email}" is not an email address.`);
  return {
    email,
    revoke: flags.revoke,
    force: flags.force,
    target: resolveTarget(flags, environment),
  };
}
