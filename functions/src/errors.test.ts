import { AppConfigError, DOMAIN_ERROR_KINDS, DOMAIN_ERRORS, DomainError } from "@ideaspark/domain";
import { HttpsError } from "firebase-functions/https";
import { describe, expect, it } from "vitest";
import { toHttpsError } from "./errors.js";

describe("toHttpsError", () => {
  it.each(DOMAIN_ERROR_KINDS)(
    "maps the %s domain error to its callable code with details",
    (kind) => {
      const error = toHttpsError(new DomainError(kind), "test");
      expect(error.code).toBe(DOMAIN_ERRORS[kind].code);
      expect(error.code).not.toBe("internal");
      expect(error.details).toMatchObject({ kind, retryable: DOMAIN_ERRORS[kind].retryable });
    },
  );

  it("keeps when a quota resets and how long a rate limit lasts", () => {
    const resetsAt = new Date("2026-12-01T00:00:00Z");
    expect(toHttpsError(DomainError.quotaExhausted(resetsAt), "t").details).toMatchObject({
      resetsAt: resetsAt.toISOString(),
    });
    expect(toHttpsError(DomainError.rateLimited(7), "t")).toMatchObject({
      code: "resource-exhausted",
      message: "Too many requests. Try again in 7 seconds.",
    });
  });

  it("turns a broken config/app into failed-precondition, not internal", () => {
    const error = toHttpsError(new AppConfigError("config/app is invalid: x"), "t");
    expect(error.code).toBe("failed-precondition");
    // With a kind, so the app can say what it is rather than "could not reach the service".
    expect(error.details).toMatchObject({ kind: "ai-paused" });
    expect(error.message).not.toMatch(/invalid: x/);
  });

  it("passes HttpsErrors through and hides anything unforeseen behind a generic internal error", () => {
    const given = new HttpsError("not-found", "gone");
    expect(toHttpsError(given, "t")).toBe(given);
    const hidden = toHttpsError(new Error("secret stack detail"), "t");
    expect(hidden.code).toBe("internal");
    expect(hidden.message).not.toMatch(/secret/);
  });
});
