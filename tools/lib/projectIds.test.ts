// The demo project id and the functions' region are written once (packages/domain
// deployment.ts); the files that cannot import it (JSON and env files) must agree with it.
import { DEMO_PROJECT_ID, FUNCTIONS_REGION } from "@ideaspark/domain";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../emulators/prepare.js";

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), "utf8");
const envValue = (text: string, key: string) =>
  new RegExp(`^${key}=(.*)$`, "m").exec(text)?.[1]?.trim();

describe("the demo project id and the region, written once", () => {
  it(".firebaserc's default project is the demo project", () => {
    const rc = JSON.parse(read(".firebaserc")) as { projects: Record<string, string> };
    expect(rc.projects.default).toBe(DEMO_PROJECT_ID);
  });

  it("the functions read their emulator settings from .env.<demo project>", () => {
    expect(existsSync(path.join(REPO_ROOT, "functions", `.env.${DEMO_PROJECT_ID}`))).toBe(true);
  });

  it("the web app's emulator build names the same project and, if any, the same region", () => {
    const env = read("web/.env.emulator");
    expect(envValue(env, "VITE_FIREBASE_PROJECT_ID")).toBe(DEMO_PROJECT_ID);
    const region = envValue(env, "VITE_FUNCTIONS_REGION");
    if (region !== undefined) expect(region).toBe(FUNCTIONS_REGION);
  });
});
