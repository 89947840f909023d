import { describe, expect, it } from "vitest";
import { SparkRequest } from "./spark.js";
import {
  DOMAIN_ERRORS,
  DOMAIN_ERROR_KINDS,
  DomainError,
  DomainErrorDetails,
  isDomainError,
} from "./errors.js";

describe("DOMAIN_ERRORS", () => {
  it("maps every kind to a callable code", () => {
    expect(Object.keys(DOMAIN_ERRORS).sort()).toEqual([...DOMAIN_ERROR_KINDS].sort());
  });

  it("maps exhausted quota and rate limits to resource-exhausted", () => {
    expect(DOMAIN_ERRORS["quota-exhausted"].code).toBe("resource-exhausted");
    expect(DOMAIN_ERRORS["rate-limited"].code).toBe("resource-exhausted");
    expect(DOMAIN_ERRORS["provider-unavailable"].code).toBe("unavailable");
    expect(DOMAIN_ERRORS["ai-paused"].code).toBe("failed-precondition");
  });
});

describe("DomainError", () => {
  it("carries when the quota resets, in details a client can parse", () => {
    const error = DomainError.quotaExhausted(new Date("2025-04-01T00:00:00Z"));
    expect(error.code).toBe("resource-exhausted");
    expect(error.message).toContain("2025-04-01");
    expect(DomainErrorDetails.parse(error.details)).toEqual({
      kind: "quota-exhausted",
      retryable: false,
      resetsAt: "2025-04-01T00:00:00.000Z",
    });
  });

  it("says how long to wait when rate limited", () => {
    const error = DomainError.rateLimited(1);
    expect(error.message).toBe("Too many requests. Try again in 1 second.");
    expect(error.details).toEqual({ kind: "rate-limited", retryable: true, retryAfterSeconds: 1 });
  });

  it("turns zod issues into an invalid-argument error naming the fields", () => {
    const result = SparkRequest.safeParse({ requestId: "x", brief: { topic: "ab" } });
    if (result.success) throw new Error("expected a failure");
    const error = DomainError.invalidArgument(result.error);
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toMatch(
      /^Invalid request: requestId must be a UUID.*brief\.topic must be at least 3 characters\.$/,
    );
  });

  it("uses the default message for the kind and keeps the cause", () => {
    const cause = new Error("socket hang up");
    const error = new DomainError("provider-unavailable", undefined, { cause });
    expect(error.message).toBe(DOMAIN_ERRORS["provider-unavailable"].message);
    expect(error.cause).toBe(cause);
  });

  it("is recognised even when it crossed a bundle boundary", () => {
    const foreign = Object.assign(new Error("x"), { name: "DomainError", kind: "not-found" });
    expect(isDomainError(new DomainError("cancelled"))).toBe(true);
    expect(isDomainError(foreign)).toBe(true);
    expect(isDomainError(new Error("x"))).toBe(false);
    expect(
      isDomainError(Object.assign(new Error("x"), { name: "DomainError", kind: "nope" })),
    ).toBe(false);
  });
});
