import { describe, expect, it } from "vitest";
import { DOMAIN_ERRORS } from "./errors.js";
import {
  AccountLimitsDoc,
  decideExportCooldown,
  describeWait,
  EXPORT_COOLDOWN_SECONDS,
  exportCooldownError,
} from "./exportCooldown.js";

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);

describe("decideExportCooldown", () => {
  it("allows the first export of an account", () => {
    expect(decideExportCooldown({ lastExportAt: undefined, nowMs: NOW })).toEqual({ ok: true });
  });

  it("refuses a second export three minutes later, with the seconds left to wait", () => {
    const decision = decideExportCooldown({ lastExportAt: NOW - 3 * 60_000, nowMs: NOW });
    expect(decision).toEqual({ ok: false, retryAfterSeconds: EXPORT_COOLDOWN_SECONDS - 180 });
  });

  it("rounds a part of a second up, so the answer is never too early", () => {
    const decision = decideExportCooldown({
      lastExportAt: NOW - EXPORT_COOLDOWN_SECONDS * 1000 + 1,
      nowMs: NOW,
    });
    expect(decision).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it("allows an export once the cooldown has passed exactly", () => {
    const lastExportAt = NOW - EXPORT_COOLDOWN_SECONDS * 1000;
    expect(decideExportCooldown({ lastExportAt, nowMs: NOW })).toEqual({ ok: true });
  });

  it("never asks for more than the cooldown when the stored time is ahead of this clock", () => {
    const decision = decideExportCooldown({ lastExportAt: NOW + 5_000, nowMs: NOW });
    expect(decision).toEqual({ ok: false, retryAfterSeconds: EXPORT_COOLDOWN_SECONDS });
  });

  it("takes another cooldown length", () => {
    const decision = decideExportCooldown({
      lastExportAt: NOW - 10_000,
      nowMs: NOW,
      cooldownSeconds: 30,
    });
    expect(decision).toEqual({ ok: false, retryAfterSeconds: 20 });
  });
});

describe("describeWait", () => {
  it("speaks in seconds under a minute and in whole minutes (rounded up) above", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(45)).toBe("45 seconds");
    expect(describeWait(60)).toBe("1 minute");
    expect(describeWait(61)).toBe("2 minutes");
    expect(describeWait(600)).toBe("10 minutes");
  });
});

describe("exportCooldownError", () => {
  it("is a retryable rate limit answering resource-exhausted and saying when to retry", () => {
    const error = exportCooldownError(420);
    expect(error.kind).toBe("rate-limited");
    expect(DOMAIN_ERRORS[error.kind].code).toBe("resource-exhausted");
    expect(error.details).toEqual({
      kind: "rate-limited",
      retryable: true,
      retryAfterSeconds: 420,
    });
    expect(error.message).toBe(
      "You can download your data once every 10 minutes. Please try again in 7 minutes.",
    );
  });
});

describe("AccountLimitsDoc", () => {
  it("reads a document written before any export, and one with an export time", () => {
    expect(AccountLimitsDoc.parse({ uid: "alice" })).toEqual({ uid: "alice" });
    expect(AccountLimitsDoc.parse({ uid: "alice", lastExportAt: NOW }).lastExportAt).toBe(NOW);
  });

  it("refuses an export time that is not a whole number of milliseconds", () => {
    expect(AccountLimitsDoc.safeParse({ uid: "alice", lastExportAt: "soon" }).success).toBe(false);
  });
});
