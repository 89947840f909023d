// The production functions build (`npm run build` in functions/, also the deploy's predeploy)
// run for real into a temporary folder: its output holds the code, the manifest and the
// deployable env files, and no `*.local` file — neither the `.env.local`/`.secret.local` the
// emulator stack leaves in functions/dist nor any a developer keeps in functions/ — and no
// trace of a secret's value.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDeployableEnvFile } from "../../functions/envFiles.js";
import { REPO_ROOT } from "../emulators/prepare.js";
import { tsxCommand } from "./stack.js";

const FUNCTIONS = path.join(REPO_ROOT, "functions");
const PLANTED_KEY = `sk-planted-${randomUUID()}`;

/** Every file under `dir`, dotfiles included, as paths relative to it. */
function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory() ? filesUnder(dir, relative) : [relative];
  });
}

let out: string;
let files: string[];

beforeAll(async () => {
  const pkg = JSON.parse(readFileSync(path.join(FUNCTIONS, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  // The command run below is the workspace's own build script, with only the folder changed.
  expect(pkg.scripts.build).toBe("tsx build.ts");

  out = mkdtempSync(path.join(tmpdir(), "functions-build "));
  // What `npm start` / `npm test` leave in functions/dist before someone deploys.
  writeFileSync(path.join(out, ".env.local"), "OPENAI_BASE_URL=http://127.0.0.1:8787/v1\n");
  writeFileSync(path.join(out, ".secret.local"), `OPENAI_API_KEY=${PLANTED_KEY}\n`);
  writeFileSync(path.join(out, ".env.ideaspark-prod.local"), "ALLOWED_ORIGINS=http://x\n");

  const build = tsxCommand(path.join(FUNCTIONS, "build.ts"), ["--outdir", out]);
  await promisify(execFile)(build.command, build.args, { cwd: FUNCTIONS, timeout: 90_000 });
  files = filesUnder(out);
}, 120_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("the production functions build", () => {
  it("writes the bundle and the manifest", () => {
    expect(files).toEqual(expect.arrayContaining(["index.js", "package.json"]));
    expect(readFileSync(path.join(out, "index.js"), "utf8")).toContain("exportMyData");
  });

  it("holds no *.local file, so no .env.local and no .secret.local", () => {
    expect(files.filter((file) => file.endsWith(".local"))).toEqual([]);
    expect(files).not.toContain(".env.local");
    expect(files).not.toContain(".secret.local");
  });

  it("carries exactly the deployable env files of functions/", () => {
    const expected = readdirSync(FUNCTIONS).filter(isDeployableEnvFile).sort();
    const envFiles = files.filter((file) => /^\.(env|secret)/.test(path.basename(file)));
    expect(envFiles.sort()).toEqual(expected);
  });

  it("contains no trace of a secret written beside it", () => {
    for (const file of files) {
      expect(readFileSync(path.join(out, file), "utf8"), file).not.toContain(PLANTED_KEY);
    }
  });
});

describe("isDeployableEnvFile", () => {
  it("ships .env and per-project .env files", () => {
    for (const name of [".env", ".env.ideaspark-prod", ".env.demo-ideaspark", ".env.staging"]) {
      expect(isDeployableEnvFile(name), name).toBe(true);
    }
  });

  it("never ships a *.local file or anything that is not an env file", () => {
    for (const name of [
      ".env.local",
      ".secret.local",
      ".env.ideaspark-prod.local",
      ".envrc",
      "secret.env",
      "index.js",
    ]) {
      expect(isDeployableEnvFile(name), name).toBe(false);
    }
  });
});
