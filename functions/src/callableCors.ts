// Which browser origins may call the callables (CORS): every onCall passes `callableCors`, which
// reads the ALLOWED_ORIGINS param when a request arrives, so a deploy never evaluates it and a
// malformed value is reported by name instead of silently matching nothing.
import { logger } from "firebase-functions/logger";
import { Expression } from "firebase-functions/params";
import { ALLOWED_ORIGINS } from "./config.js";

/** Thrown for an ALLOWED_ORIGINS value that names no usable origin; the message says why. */
export class AllowedOriginsError extends Error {
  override name = "AllowedOriginsError";
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function parseOrigin(entry: string): string {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new AllowedOriginsError(
      `ALLOWED_ORIGINS entry "${entry}" is not a URL: write origins like https://my-project.web.app`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new AllowedOriginsError(
      `ALLOWED_ORIGINS entry "${entry}" must start with https:// (browsers send http(s) origins only)`,
    );
  }
  if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new AllowedOriginsError(
      `ALLOWED_ORIGINS entry "${entry}" uses http:// for a non-local host: use https://${url.host}`,
    );
  }
  // A browser's Origin header is exactly scheme://host[:port]; anything else would never match.
  if (url.origin !== entry) {
    throw new AllowedOriginsError(
      `ALLOWED_ORIGINS entry "${entry}" is not an origin: write it as ${url.origin} ` +
        "(scheme, lower-case host and optional port; no path or trailing slash)",
    );
  }
  return url.origin;
}

/**
 * Parses the comma-separated ALLOWED_ORIGINS value into the origins the callables accept.
 * `*` alone means any origin (the emulators); it cannot be mixed with others.
 */
export function parseAllowedOrigins(raw: string): string[] {
  const entries = raw
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) {
    throw new AllowedOriginsError(
      "ALLOWED_ORIGINS is empty: set it to the app's origins (https://<project>.web.app," +
        "https://<project>.firebaseapp.com) in functions/.env.<project>, or * on the emulators",
    );
  }
  if (entries.includes("*")) {
    if (entries.length > 1) {
      throw new AllowedOriginsError(
        `ALLOWED_ORIGINS mixes * with origins ("${raw.trim()}"): use * alone or list origins only`,
      );
    }
    return ["*"];
  }
  return [...new Set(entries.map(parseOrigin))];
}

/**
 * ALLOWED_ORIGINS as the `cors` option of onCall. firebase-functions resolves an Expression
 * per request and hands the result to the `cors` middleware; a one-element list becomes that
 * single value, so `["*"]` answers `Access-Control-Allow-Origin: *`. A bad value throws here,
 * which firebase-functions turns into "no CORS" (closed) after this logs the reason.
 */
class AllowedOriginsExpression extends Expression<string[]> {
  private parsed: { raw: string; result: string[] | Error } | undefined;

  // Called by firebase-functions for every request (Expression's runtime hook).
  runtimeValue(): string[] {
    const raw = ALLOWED_ORIGINS.value();
    if (this.parsed?.raw !== raw) {
      try {
        this.parsed = { raw, result: parseAllowedOrigins(raw) };
      } catch (error) {
        const result = error instanceof Error ? error : new Error(String(error));
        this.parsed = { raw, result };
        logger.error("Callables refuse browser calls: ALLOWED_ORIGINS is invalid", {
          error: result.message,
        });
      }
    }
    if (this.parsed.result instanceof Error) throw this.parsed.result;
    return this.parsed.result;
  }

  override toString(): string {
    return `params.${ALLOWED_ORIGINS.name} (parsed)`;
  }
}

/** The `cors` option of every callable. */
export const callableCors: Expression<string[]> = new AllowedOriginsExpression();
