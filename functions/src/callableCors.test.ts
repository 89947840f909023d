import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { onCall } from "firebase-functions/https";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AllowedOriginsError, callableCors, parseAllowedOrigins } from "./callableCors.js";

describe("parseAllowedOrigins", () => {
  it("reads a comma-separated list, trimming blanks and dropping repeats", () => {
    expect(
      parseAllowedOrigins(
        " https://ideaspark-prod.web.app , https://ideaspark-prod.firebaseapp.com,," +
          "https://ideas.example.com:8443,https://ideaspark-prod.web.app",
      ),
    ).toEqual([
      "https://ideaspark-prod.web.app",
      "https://ideaspark-prod.firebaseapp.com",
      "https://ideas.example.com:8443",
    ]);
  });

  it("accepts * alone as any origin", () => {
    expect(parseAllowedOrigins(" * ")).toEqual(["*"]);
  });

  it("accepts http only for loopback dev servers", () => {
    expect(parseAllowedOrigins("http://127.0.0.1:5002,http://localhost:5173")).toEqual([
      "http://127.0.0.1:5002",
      "http://localhost:5173",
    ]);
    expect(() => parseAllowedOrigins("http://ideaspark-prod.web.app")).toThrow(
      /uses http:\/\/ for a non-local host: use https:\/\/ideaspark-prod\.web\.app/,
    );
  });

  it("refuses an empty value, naming where to set it", () => {
    expect(() => parseAllowedOrigins("")).toThrow(AllowedOriginsError);
    expect(() => parseAllowedOrigins(" , ")).toThrow(/ALLOWED_ORIGINS is empty.*functions\/\.env/);
  });

  it("refuses * mixed with origins", () => {
    expect(() => parseAllowedOrigins("*,https://ideaspark-prod.web.app")).toThrow(
      /mixes \* with origins/,
    );
  });

  it("refuses entries a browser's Origin header could never equal, saying the right form", () => {
    expect(() => parseAllowedOrigins("https://ideaspark-prod.web.app/")).toThrow(
      /"https:\/\/ideaspark-prod\.web\.app\/" is not an origin: write it as https:\/\/ideaspark-prod\.web\.app /,
    );
    expect(() => parseAllowedOrigins("https://Ideas.Example.com")).toThrow(
      /write it as https:\/\/ideas\.example\.com/,
    );
    expect(() => parseAllowedOrigins("https://a.web.app/app")).toThrow(/no path/);
    expect(() => parseAllowedOrigins("ideaspark-prod.web.app")).toThrow(/is not a URL/);
    expect(() => parseAllowedOrigins("ftp://files.example.com")).toThrow(/must start with https/);
  });
});

describe("every callable", () => {
  it("takes its CORS origins from callableCors", () => {
    const src = new URL("./", import.meta.url);
    const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter(
      (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"),
    );
    const callables = files.filter((file) => /\bonCall\s*[<(]/.test(read(file)));
    expect(callables.length).toBeGreaterThanOrEqual(8);
    for (const file of callables) {
      const code = read(file);
      expect(code.match(/\bonCall\s*[<(]/g)?.length, file).toBe(
        code.match(/\bcors: callableCors\b/g)?.length,
      );
      expect(code, file).not.toMatch(/\bcors:\s*(true|["'`[])/);
    }
    function read(file: string): string {
      return readFileSync(new URL(file, src), "utf8");
    }
  });
});

describe("ALLOWED_ORIGINS in the repo's env files", () => {
  const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
  const allowedOrigins = (file: string) => /^ALLOWED_ORIGINS=(.*)$/m.exec(read(file))?.[1];

  it("is open on the emulators", () => {
    expect(allowedOrigins(".env.demo-ideaspark")).toBe("*");
  });

  it("lists only each deployed project's own Hosting origins", () => {
    const { projects } = JSON.parse(read("../.firebaserc")) as {
      projects: Record<string, string>;
    };
    const deployed = Object.values(projects).filter((id) => !id.startsWith("demo-"));
    expect(deployed.length).toBeGreaterThan(0);
    for (const project of deployed) {
      const origins = parseAllowedOrigins(allowedOrigins(`.env.${project}`) ?? "");
      expect(origins).toContain(`https://${project}.web.app`);
      expect(origins).not.toContain("*");
    }
  });
});

describe("callableCors on a real callable", () => {
  // The callable as firebase-functions builds it, behind a loopback HTTP server: what a
  // browser's preflight gets back is what decides whether the app may call it.
  const fn = onCall({ cors: callableCors }, () => "ok");
  let server: Server;
  let url: string;
  const saved = process.env.ALLOWED_ORIGINS;

  beforeAll(async () => {
    // Express, as Cloud Functions hands requests to the callable.
    server = createServer(express().use((req, res) => void fn(req as never, res)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => {
    if (saved === undefined) delete process.env.ALLOWED_ORIGINS;
    else process.env.ALLOWED_ORIGINS = saved;
  });

  const preflight = (origin: string) =>
    fetch(url, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,authorization",
      },
    });

  it("lets a listed origin call and answers nothing to any other", async () => {
    process.env.ALLOWED_ORIGINS =
      "https://ideaspark-prod.web.app,https://ideaspark-prod.firebaseapp.com";
    const listed = await preflight("https://ideaspark-prod.firebaseapp.com");
    expect(listed.headers.get("access-control-allow-origin")).toBe(
      "https://ideaspark-prod.firebaseapp.com",
    );
    expect(listed.headers.get("access-control-allow-methods")).toBe("POST");
    const other = await preflight("https://evil.example.com");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows any origin with *", async () => {
    process.env.ALLOWED_ORIGINS = "*";
    const response = await preflight("http://127.0.0.1:5002");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("stays closed when the value is malformed", async () => {
    process.env.ALLOWED_ORIGINS = "https://ideaspark-prod.web.app/";
    const response = await preflight("https://ideaspark-prod.web.app");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
