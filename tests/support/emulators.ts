// Addresses of the running emulators for test suites, read from firebase.json like every tool.
import { DEMO_PROJECT_ID, FUNCTIONS_REGION } from "@ideaspark/domain";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ID = DEMO_PROJECT_ID;
export const REGION = FUNCTIONS_REGION;
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const config = JSON.parse(readFileSync(path.join(REPO_ROOT, "firebase.json"), "utf8")) as {
  emulators: Record<string, { host: string; port: number }>;
};

export function emulator(name: "auth" | "firestore" | "functions" | "hosting"): {
  host: string;
  port: number;
} {
  const entry = config.emulators[name];
  if (!entry) throw new Error(`firebase.json has no ${name} emulator`);
  return { host: entry.host, port: entry.port };
}

export function firestoreRules(): string {
  return readFileSync(path.join(REPO_ROOT, "firestore.rules"), "utf8");
}
