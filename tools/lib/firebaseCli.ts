// How tools run the firebase CLI: straight through Node (no npx layer), from the repo root.
import { createRequire } from "node:module";
import path from "node:path";

export function firebaseCliArgs(args: string[]): { command: string; args: string[] } {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve("firebase-tools/package.json"));
  return {
    command: process.execPath,
    args: [path.join(root, "lib", "bin", "firebase.js"), ...args],
  };
}
