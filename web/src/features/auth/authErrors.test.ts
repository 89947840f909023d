import { describe, expect, it, vi } from "vitest";
import { NETWORK_MESSAGE, OFFLINE_MESSAGE, describeAuthError } from "./authErrors";

const firebaseError = (code: string) => Object.assign(new Error(code), { code });

describe("describeAuthError", () => {
  it.each([
    ["auth/email-already-in-use", "An account with this email already exists", "email"],
    ["auth/invalid-credential", "Wrong email or password", undefined],
    ["auth/too-many-requests", "Too many attempts, try again later", undefined],
    ["auth/network-request-failed", NETWORK_MESSAGE, undefined],
    [
      "auth/internal-error",
      "Sign-in could not be completed. Check your connection and try again.",
      undefined,
    ],
  ])("maps %s to a specific message", (code, message, field) => {
    expect(describeAuthError(firebaseError(code), true)).toEqual(
      field ? { message, field } : { message },
    );
  });

  it("says offline whatever the code when the browser is offline", () => {
    expect(describeAuthError(firebaseError("auth/internal-error"), false)?.message).toBe(
      OFFLINE_MESSAGE,
    );
  });

  it("stays silent when the person cancelled a popup", () => {
    expect(describeAuthError(firebaseError("auth/cancelled-popup-request"), true)).toBeNull();
  });

  it("falls back to a calm generic message for unknown errors", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(describeAuthError(new Error("boom"), true)?.message).toBe(
      "Something went wrong. Please try again.",
    );
  });
});
