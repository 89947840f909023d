// The security and cache headers firebase.json gives every Hosting response, read as the
// browser will: no script may run from anywhere but the app's own files and Google's sign-in
// and App Check scripts, and no local address is allowed in production.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../emulators/prepare.js";
import { effectiveSources, formatCsp, parseCsp } from "./csp.js";
import { emulatorAppOrigins, withEmulatorOrigins, type FirebaseJson } from "./emulatorConfig.js";

const config = JSON.parse(
  readFileSync(path.join(REPO_ROOT, "firebase.json"), "utf8"),
) as FirebaseJson;
const rules = config.hosting.headers ?? [];

/** The headers a request for `source`'s rule gets, by name (lower case). */
function headersOf(source: string): Map<string, string> {
  const rule = rules.find((r) => r.source === source);
  if (!rule) throw new Error(`firebase.json has no hosting header rule for ${source}`);
  return new Map(rule.headers.map((h) => [h.key.toLowerCase(), h.value]));
}

const csp = parseCsp(headersOf("**").get("content-security-policy") ?? "");

describe("firebase.json's Content-Security-Policy", () => {
  it("never allows eval or inline scripts", () => {
    for (const [name, sources] of csp) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain("'unsafe-hashes'");
    }
    for (const kind of ["script-src", "script-src-elem", "script-src-attr"]) {
      expect(effectiveSources(csp, kind), kind).not.toContain("'unsafe-inline'");
    }
  });

  it("loads scripts only from the app and Google's sign-in and reCAPTCHA hosts", () => {
    expect(csp.get("script-src")).toEqual([
      "'self'",
      "https://apis.google.com",
      "https://www.google.com/recaptcha/",
      "https://www.gstatic.com/recaptcha/",
    ]);
    expect(csp.has("script-src-elem")).toBe(false);
  });

  it("keeps style elements to the app's own files (style attributes only are inline)", () => {
    expect(effectiveSources(csp, "style-src-elem")).toEqual(["'self'"]);
    expect(csp.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("locks down framing, plugins, base and form targets", () => {
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
  });

  it("talks to Firebase's production endpoints and no local address", () => {
    expect(csp.get("connect-src")).toEqual([
      "'self'",
      "https://identitytoolkit.googleapis.com",
      "https://securetoken.googleapis.com",
      "https://firestore.googleapis.com",
      "https://*.cloudfunctions.net",
      "https://content-firebaseappcheck.googleapis.com",
    ]);
    for (const [name, sources] of csp) {
      for (const source of sources) {
        expect(source, name).not.toMatch(/^(\*|https?:|wss?:|data:|blob:)$|127\.0\.0\.1|localhost/);
        expect(source, name).not.toMatch(/^http:|^ws:/);
      }
    }
  });
});

describe("firebase.json's other headers", () => {
  it("sets nosniff, the referrer policy, denied device features and no framing", () => {
    const all = headersOf("**");
    expect(all.get("x-content-type-options")).toBe("nosniff");
    expect(all.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(all.get("x-frame-options")).toBe("DENY");
    const permissions = all.get("permissions-policy") ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
      expect(permissions).toContain(`${feature}=()`);
    }
  });

  it("revalidates everything but the hashed assets, which the last matching rule makes immutable", () => {
    // Hosting (and its emulator) apply every matching rule in order: a later one wins.
    expect(headersOf("**").get("cache-control")).toBe("no-cache");
    expect(headersOf("/assets/**").get("cache-control")).toBe(
      "public, max-age=31536000, immutable",
    );
    const sources = rules.map((r) => r.source);
    expect(sources.indexOf("/assets/**")).toBeGreaterThan(sources.indexOf("**"));
    expect(sources.at(-1)).toBe("/assets/**");
  });
});

describe("the emulators' hosting config", () => {
  it("adds exactly the Auth, Firestore and Functions emulators and changes nothing else", () => {
    const emulatorConfig = withEmulatorOrigins(config);
    const rule = emulatorConfig.hosting.headers?.find((r) => r.source === "**");
    const value = rule?.headers.find((h) => h.key === "Content-Security-Policy")?.value ?? "";
    const local = parseCsp(value);
    const { connect, frame } = emulatorAppOrigins(config);
    expect(connect).toEqual([
      "http://127.0.0.1:9099",
      "http://127.0.0.1:8080",
      "http://127.0.0.1:5001",
    ]);
    expect(local.get("connect-src")).toEqual([...(csp.get("connect-src") ?? []), ...connect]);
    expect(local.get("frame-src")).toEqual([...(csp.get("frame-src") ?? []), ...frame]);
    for (const name of csp.keys()) {
      if (name !== "connect-src" && name !== "frame-src") {
        expect(local.get(name), name).toEqual(csp.get(name));
      }
    }
    // The committed config is left as it was.
    expect(formatCsp(csp)).toBe(headersOf("**").get("content-security-policy"));
    expect({ ...emulatorConfig, hosting: config.hosting }).toEqual(config);
  });
});

describe("parseCsp", () => {
  it("reads directives case-insensitively and refuses a repeated one", () => {
    const parsed = parseCsp("Default-Src 'self';  img-src 'self' data: ;");
    expect([...parsed]).toEqual([
      ["default-src", ["'self'"]],
      ["img-src", ["'self'", "data:"]],
    ]);
    expect(() => parseCsp("img-src 'self'; img-src *")).toThrow(/repeats img-src/);
  });
});
