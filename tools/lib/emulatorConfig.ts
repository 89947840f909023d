// The firebase.json the Emulator Suite runs with: the committed one, plus (in the hosting CSP)
// the loopback emulators the emulator build of the app talks to. firebase.json's own policy
// names only production endpoints; Hosting headers cannot depend on where they are served.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formatCsp, parseCsp } from "./csp.js";

/** Written beside firebase.json (so its relative paths hold) and git-ignored. */
export const EMULATOR_CONFIG_FILE = "firebase.emulators.local.json";

interface HeaderRule {
  source?: string;
  regex?: string;
  headers: { key: string; value: string }[];
}

export interface FirebaseJson {
  hosting: { headers?: HeaderRule[]; [key: string]: unknown };
  emulators: Record<string, { host?: string; port?: number; enabled?: boolean } | boolean>;
  [key: string]: unknown;
}

/** Where the emulator build connects (Auth, Firestore, Functions) and frames (Auth's iframe). */
export function emulatorAppOrigins(config: FirebaseJson): { connect: string[]; frame: string[] } {
  const origin = (name: string) => {
    const entry = config.emulators[name];
    if (typeof entry !== "object" || entry.port === undefined) {
      throw new Error(`firebase.json has no port for the ${name} emulator`);
    }
    return `http://${entry.host ?? "127.0.0.1"}:${entry.port}`;
  };
  return {
    connect: [origin("auth"), origin("firestore"), origin("functions")],
    frame: [origin("auth")],
  };
}

/** A copy of `config` whose Content-Security-Policy headers also allow the emulators. */
export function withEmulatorOrigins(config: FirebaseJson): FirebaseJson {
  const copy = structuredClone(config);
  const { connect, frame } = emulatorAppOrigins(config);
  let policies = 0;
  for (const rule of copy.hosting.headers ?? []) {
    for (const header of rule.headers) {
      if (header.key.toLowerCase() !== "content-security-policy") continue;
      const csp = parseCsp(header.value);
      csp.set("connect-src", [...(csp.get("connect-src") ?? ["'self'"]), ...connect]);
      csp.set("frame-src", [...(csp.get("frame-src") ?? []), ...frame]);
      header.value = formatCsp(csp);
      policies += 1;
    }
  }
  if (policies === 0)
    throw new Error("firebase.json hosting.headers sets no Content-Security-Policy");
  return copy;
}

/**
 * Writes the emulators' config next to firebase.json and returns its path, for
 * `firebase --config`. `ui` turns the Emulator UI on (only when its bundle is cached).
 */
export function writeEmulatorConfig(repoRoot: string, options: { ui?: boolean } = {}): string {
  const config = JSON.parse(
    readFileSync(path.join(repoRoot, "firebase.json"), "utf8"),
  ) as FirebaseJson;
  const emulatorConfig = withEmulatorOrigins(config);
  const ui = emulatorConfig.emulators.ui;
  if (options.ui && typeof ui === "object") ui.enabled = true;
  const target = path.join(repoRoot, EMULATOR_CONFIG_FILE);
  writeFileSync(target, `${JSON.stringify(emulatorConfig, null, 2)}\n`);
  return target;
}
