import { describe, expect, it } from "vitest";
import { isRetryable, nextStep, parseRetryAfterMs, planAttempts, retryDelayMs } from "./retry.js";

const NOW = Date.UTC(2025, 2, 15, 12, 0, 0);
const now = () => NOW;
const base = { baseMs: 500, maxMs: 8_000, now };

describe("isRetryable", () => {
  it.each([408, 409, 429, 500, 502, 503, 504, 599])("retries HTTP %i", (status) => {
    expect(isRetryable({ status })).toBe(true);
  });

  it.each([400, 401, 403, 404, 422])("does not retry HTTP %i", (status) => {
    expect(isRetryable({ status })).toBe(false);
  });

  it("retries network and timeout errors that have no status", () => {
    expect(isRetryable({ code: "ECONNRESET" })).toBe(true);
    expect(isRetryable({ code: "ETIMEDOUT" })).toBe(true);
    expect(isRetryable({ code: "timeout" })).toBe(true);
    expect(isRetryable({ code: "ENOENT" })).toBe(false);
    expect(isRetryable({})).toBe(false);
  });

  it("does not retry a 429 that means the account is out of credit", () => {
    expect(isRetryable({ status: 429, code: "insufficient_quota" })).toBe(false);
  });
});

describe("parseRetryAfterMs", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfterMs("3", NOW)).toBe(3_000);
    expect(parseRetryAfterMs(" 0 ", NOW)).toBe(0);
    expect(parseRetryAfterMs("1.5", NOW)).toBe(1_500);
  });

  it("reads an HTTP-date relative to now, never negative", () => {
    expect(parseRetryAfterMs(new Date(NOW + 4_000).toUTCString(), NOW)).toBe(4_000);
    expect(parseRetryAfterMs(new Date(NOW - 4_000).toUTCString(), NOW)).toBe(0);
  });

  it.each(["soon", "-3", "", "2025-03-15", "3 seconds", "NaN"])("ignores garbage %j", (value) => {
    expect(parseRetryAfterMs(value, NOW)).toBeNull();
  });

  it("ignores a missing header", () => {
    expect(parseRetryAfterMs(null, NOW)).toBeNull();
    expect(parseRetryAfterMs(undefined, NOW)).toBeNull();
  });
});

describe("retryDelayMs", () => {
  it("spans [0, base·2^(attempt−1)) with full jitter", () => {
    expect(retryDelayMs({ ...base, attempt: 1, random: () => 0 })).toBe(0);
    expect(retryDelayMs({ ...base, attempt: 1, random: () => 0.5 })).toBe(250);
    expect(retryDelayMs({ ...base, attempt: 3, random: () => 0.5 })).toBe(1_000);
    expect(retryDelayMs({ ...base, attempt: 3, random: () => 0.999999 })).toBeLessThan(2_000);
  });

  it("never exceeds maxMs, however many attempts", () => {
    for (const attempt of [5, 10, 50, 1_000]) {
      expect(retryDelayMs({ ...base, attempt, random: () => 0.9999999 })).toBeLessThanOrEqual(
        8_000,
      );
    }
  });

  it("stays in range for random values at and beyond the edges", () => {
    for (const value of [0, 0.25, 0.999, 1, 2, -1]) {
      const delay = retryDelayMs({ ...base, attempt: 2, random: () => value });
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(1_000);
    }
  });

  it("waits at least Retry-After seconds", () => {
    expect(retryDelayMs({ ...base, attempt: 1, retryAfter: "2", random: () => 0 })).toBe(2_000);
  });

  it("waits at least until a Retry-After date", () => {
    const retryAfter = new Date(NOW + 3_000).toUTCString();
    expect(retryDelayMs({ ...base, attempt: 1, retryAfter, random: () => 0 })).toBe(3_000);
  });

  it("caps a long Retry-After at maxMs", () => {
    expect(retryDelayMs({ ...base, attempt: 1, retryAfter: "3600", random: () => 0 })).toBe(8_000);
  });

  it("falls back to backoff when Retry-After is garbage", () => {
    expect(retryDelayMs({ ...base, attempt: 2, retryAfter: "later", random: () => 0.5 })).toBe(500);
  });

  it("refuses attempt numbers below 1", () => {
    expect(() => retryDelayMs({ ...base, attempt: 0, random: () => 0 })).toThrow(RangeError);
  });
});

describe("planAttempts", () => {
  it("uses the primary model and switches to the fallback for the last attempt", () => {
    expect(planAttempts({ maxAttempts: 3, primary: "big", fallback: "small" })).toEqual([
      { attempt: 1, model: "big" },
      { attempt: 2, model: "big" },
      { attempt: 3, model: "small" },
    ]);
  });

  it("keeps a single attempt on the primary model", () => {
    expect(planAttempts({ maxAttempts: 1, primary: "big", fallback: "small" })).toEqual([
      { attempt: 1, model: "big" },
    ]);
  });

  it("stays on the primary when the fallback is missing or the same", () => {
    const models = (fallback: string | null) =>
      planAttempts({ maxAttempts: 2, primary: "big", fallback }).map((step) => step.model);
    expect(models(null)).toEqual(["big", "big"]);
    expect(models("big")).toEqual(["big", "big"]);
  });
});

describe("nextStep", () => {
  const plan = planAttempts({ maxAttempts: 3, primary: "big", fallback: "small" });
  const policy = { baseMs: 500, maxMs: 8_000 };
  const step = (attempt: number, failure: Parameters<typeof nextStep>[0]["failure"]) =>
    nextStep({ attempt, failure, plan, policy, random: () => 0.5, now });

  it("retries a 503 on the primary with a backoff delay", () => {
    expect(step(1, { status: 503 })).toEqual({
      retry: true,
      attempt: 2,
      model: "big",
      delayMs: 250,
    });
  });

  it("retries the last attempt on the fallback model", () => {
    expect(step(2, { status: 500 })).toEqual({
      retry: true,
      attempt: 3,
      model: "small",
      delayMs: 500,
    });
  });

  it("stops after the last attempt", () => {
    expect(step(3, { status: 500 })).toEqual({ retry: false, reason: "attempts-exhausted" });
  });

  it("stops at once on a request the provider will never accept", () => {
    expect(step(1, { status: 400 })).toEqual({ retry: false, reason: "not-retryable" });
    expect(step(1, { status: 429, code: "insufficient_quota" })).toEqual({
      retry: false,
      reason: "not-retryable",
    });
  });

  it("jumps to the fallback when the primary model is missing", () => {
    expect(step(1, { status: 404, code: "model_not_found" })).toEqual({
      retry: true,
      attempt: 3,
      model: "small",
      delayMs: 0,
    });
  });

  it("jumps to the fallback rather than wait out a Retry-After longer than maxMs", () => {
    expect(step(1, { status: 429, retryAfter: "60" })).toEqual({
      retry: true,
      attempt: 3,
      model: "small",
      delayMs: 0,
    });
  });

  it("honours a short Retry-After on the same model", () => {
    expect(step(1, { status: 429, retryAfter: "2" })).toEqual({
      retry: true,
      attempt: 2,
      model: "big",
      delayMs: 2_000,
    });
  });
});
