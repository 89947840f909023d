import { DOMAIN_ERROR_KINDS, DOMAIN_ERRORS, SPARK_STATUSES } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import { cancelledByUser, describeSparkError, storedSparkError } from "./sparkErrors";

const fromFunction = (kind: string, message = "", code = "functions/internal") => ({
  code,
  message,
  details: { kind, retryable: false },
});

describe("describeSparkError", () => {
  it.each(DOMAIN_ERROR_KINDS)(
    "decodes %s from details, with the table's next step and default message",
    (kind) => {
      const error = describeSparkError(
        fromFunction(kind, "", `functions/${DOMAIN_ERRORS[kind].code}`),
      );
      expect(error).toEqual({
        kind,
        next: DOMAIN_ERRORS[kind].next,
        message: DOMAIN_ERRORS[kind].message,
      });
    },
  );

  it("trusts the kind in the details even when the callable code suggests another", () => {
    expect(describeSparkError(fromFunction("refused", "", "functions/internal"))).toMatchObject({
      kind: "refused",
      next: "edit-brief",
    });
    expect(describeSparkError(fromFunction("in-progress", "", "functions/unavailable")).next).toBe(
      "follow",
    );
  });

  it("shows the function's own message when it sent one", () => {
    const error = describeSparkError({
      code: "functions/resource-exhausted",
      message: "Too many requests. Try again in 7 seconds.",
      details: { kind: "rate-limited", retryable: true, retryAfterSeconds: 7 },
    });
    expect(error).toEqual({
      kind: "rate-limited",
      next: "wait",
      message: "Too many requests. Try again in 7 seconds.",
      retryAfterSeconds: 7,
    });
  });

  it("keeps when a spent quota resets", () => {
    const error = describeSparkError({
      code: "functions/resource-exhausted",
      message: "You have used this month's tokens.",
      details: { kind: "quota-exhausted", retryable: false, resetsAt: "2026-12-01T00:00:00Z" },
    });
    expect(error).toMatchObject({ next: "upgrade", resetsAt: "2026-12-01T00:00:00Z" });
  });

  it.each([
    ["the SDK's internal error", { code: "functions/internal", message: "internal" }],
    ["an SDK timeout", { code: "functions/deadline-exceeded", message: "deadline-exceeded" }],
    ["an unavailable backend", { code: "functions/unavailable", message: "unavailable" }],
    ["a lost network", new TypeError("Failed to fetch")],
    ["details of an unknown kind", fromFunction("exploded")],
    ["nothing at all", undefined],
  ])("treats %s (no usable details) as unreachable, offering a retry", (_, failure) => {
    const error = describeSparkError(failure);
    expect(error.kind).toBe("unreachable");
    expect(error.next).toBe("retry");
    expect(error.message).toMatch(/Please try again\.$/);
  });

  it("never derives a kind from the HTTP code alone", () => {
    const error = describeSparkError({ code: "functions/resource-exhausted", message: "x" });
    expect(error.kind).toBe("unreachable");
  });

  it("words a cancel by the person as theirs, with a retry", () => {
    expect(cancelledByUser()).toEqual({
      kind: "cancelled",
      next: "retry",
      message: "You cancelled this spark.",
    });
  });
});

describe("storedSparkError", () => {
  it("has nothing to report for a spark with a result, complete or partial", () => {
    expect(storedSparkError({ status: "complete" })).toBeNull();
    expect(storedSparkError({ status: "partial" })).toBeNull();
  });

  it("reports every other stored status with a next step", () => {
    const unsettled = SPARK_STATUSES.filter((s) => s !== "complete" && s !== "partial");
    for (const status of unsettled) expect(storedSparkError({ status })?.next).toBeTruthy();
  });

  it("follows a pending spark, which is still running somewhere", () => {
    expect(storedSparkError({ status: "pending" })).toMatchObject({
      kind: "in-progress",
      next: "follow",
    });
  });

  it("uses the kind the spark recorded, or the one its status implies", () => {
    expect(storedSparkError({ status: "refused", errorCode: "moderation-refused" })).toMatchObject({
      kind: "moderation-refused",
      next: "edit-brief",
    });
    expect(storedSparkError({ status: "error", errorCode: "internal" })).toMatchObject({
      kind: "provider-unavailable",
      next: "retry",
    });
    expect(storedSparkError({ status: "cancelled" })).toMatchObject({ next: "retry" });
  });
});
