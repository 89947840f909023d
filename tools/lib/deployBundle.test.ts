// What `firebase deploy` would upload from functions/dist: the emulator-only settings the dev
// stack writes there (`.env.local`, and `.secret.local`, which holds a real OpenAI key when a
// developer runs `npm start` with one) must never be part of it. Walked with firebase-tools'
// own packaging file walker and this repo's firebase.json ignore list.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../emulators/prepare.js";

const require = createRequire(import.meta.url);
const { readdirRecursive } = require("firebase-tools/lib/fsAsync.js") as {
  readdirRecursive: (options: {
    path: string;
    ignoreStrings: string[];
  }) => Promise<{ name: string }[]>;
};

interface FirebaseJson {
  functions: { source: string; ignore?: string[] }[];
}

describe("the functions deploy bundle", () => {
  it("leaves out the emulator-only .env.local and .secret.local, and keeps the code", async () => {
    const config = JSON.parse(
      readFileSync(path.join(REPO_ROOT, "firebase.json"), "utf8"),
    ) as FirebaseJson;
    const [functions] = config.functions;
    expect(functions?.source).toBe("functions/dist");
    const dist = mkdtempSync(path.join(tmpdir(), "dist "));
    mkdirSync(path.join(dist, "lib"));
    for (const file of ["index.js", "package.json", ".env", "lib/chunk.js"]) {
      writeFileSync(path.join(dist, file), "x");
    }
    writeFileSync(path.join(dist, ".env.local"), "OPENAI_BASE_URL=http://127.0.0.1:8787/v1");
    writeFileSync(path.join(dist, ".secret.local"), "OPENAI_API_KEY=sk-live-example");
    // As prepareFunctionsUpload does: the configured list (or its default) plus its own names.
    const ignore = [...(functions?.ignore ?? ["node_modules", ".git"]), "firebase-debug.log"];
    const files = (await readdirRecursive({ path: dist, ignoreStrings: ignore })).map((f) =>
      path.relative(dist, f.name),
    );
    expect(files.sort()).toEqual([".env", "index.js", "lib/chunk.js", "package.json"]);
  });
});
