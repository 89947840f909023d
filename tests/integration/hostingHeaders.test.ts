// The headers the Hosting emulator serves from firebase.json (as the emulators run it: the same
// policy plus the emulators' origins, tools/lib/emulatorConfig.ts) on the app shell, the service
// worker, the manifest and a real hashed asset of the build in web/dist.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsp } from "../../tools/lib/csp";
import { withEmulatorOrigins, type FirebaseJson } from "../../tools/lib/emulatorConfig";
import { emulator, REPO_ROOT } from "../support/emulators";

const base = (process.env.E2E_BASE_URL ?? `http://127.0.0.1:${emulator("hosting").port}`).replace(
  /\/+$/,
  "",
);
const dist = path.join(REPO_ROOT, "web", "dist");

/** The first hashed script index.html loads, e.g. /assets/index-AbC123.js. */
function hashedAsset(): string {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const match = /src="(\/assets\/[^"]+\.js)"/.exec(html);
  if (!match?.[1]) throw new Error("web/dist/index.html loads no /assets/*.js script");
  return match[1];
}

/** Workbox's runtime beside sw.js, e.g. /workbox-2fbc6a65.js. */
function workboxRuntime(): string {
  const file = readdirSync(dist).find((name) => /^workbox-.+\.js$/.test(name));
  if (!file) throw new Error("web/dist has no workbox-*.js");
  return `/${file}`;
}

const committed = JSON.parse(
  readFileSync(path.join(REPO_ROOT, "firebase.json"), "utf8"),
) as FirebaseJson;
const expectedPolicy =
  withEmulatorOrigins(committed)
    .hosting.headers?.flatMap((rule) => rule.headers)
    .find((header) => header.key === "Content-Security-Policy")?.value ?? "";

async function headersOf(pathname: string): Promise<Headers> {
  const response = await fetch(`${base}${pathname}`);
  expect(response.status, pathname).toBe(200);
  await response.arrayBuffer();
  return response.headers;
}

const SHELL = ["/", "/index.html", "/spark", "/history", "/sw.js", "/manifest.webmanifest"];

describe("Hosting security headers", () => {
  it.each([...SHELL, "workbox runtime", "hashed asset"])(
    "%s carries the policy, nosniff, the referrer policy, no framing and no device features",
    async (name) => {
      const pathname =
        name === "workbox runtime"
          ? workboxRuntime()
          : name === "hashed asset"
            ? hashedAsset()
            : name;
      const headers = await headersOf(pathname);
      const policy = headers.get("content-security-policy") ?? "";
      expect(policy).toBe(expectedPolicy);
      const csp = parseCsp(policy);
      expect(csp.get("default-src")).toEqual(["'self'"]);
      expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
      expect(policy).not.toContain("'unsafe-eval'");
      expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'self'"]);
      expect(csp.get("form-action")).toEqual(["'self'"]);
      // The emulator build's endpoints are allowed here (and only here, not in firebase.json).
      expect(csp.get("connect-src")).toEqual(
        expect.arrayContaining([
          `http://127.0.0.1:${emulator("auth").port}`,
          `http://127.0.0.1:${emulator("firestore").port}`,
          `http://127.0.0.1:${emulator("functions").port}`,
          "https://firestore.googleapis.com",
        ]),
      );
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(headers.get("x-frame-options")).toBe("DENY");
      const permissions = headers.get("permissions-policy") ?? "";
      for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
        expect(permissions).toContain(`${feature}=()`);
      }
    },
  );
});

describe("Hosting cache headers", () => {
  it.each([...SHELL, "workbox runtime"])("%s is revalidated on every load", async (name) => {
    const pathname = name === "workbox runtime" ? workboxRuntime() : name;
    expect((await headersOf(pathname)).get("cache-control")).toBe("no-cache");
  });

  it("a hashed asset is cached for a year and never revalidated", async () => {
    const asset = hashedAsset();
    const headers = await headersOf(asset);
    expect(headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(headers.get("content-type")).toMatch(/javascript/);
  });

  it("a deep link gets the shell (index.html) with the shell's headers", async () => {
    const response = await fetch(`${base}/spark`);
    expect(await response.text()).toContain(hashedAsset());
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });
});
