import { describe, expect, it } from "vitest";
import { requireRecentSignIn, requireSignedIn } from "./requireSignedIn.js";

const NOW = Date.UTC(2026, 10, 26, 8, 0, 0);

describe("requireSignedIn", () => {
  it("returns the caller's auth context", () => {
    const auth = { uid: "u1", token: {} };
    expect(requireSignedIn(auth)).toBe(auth);
  });

  it("asks a signed-out caller to sign in", () => {
    expect(() => requireSignedIn(undefined)).toThrow(
      expect.objectContaining({ kind: "unauthenticated" }),
    );
  });
});

describe("requireRecentSignIn", () => {
  it("lets a caller who signed in two minutes ago through", () => {
    expect(() => requireRecentSignIn({ auth_time: NOW / 1000 - 120 }, NOW)).not.toThrow();
  });

  it.each([
    ["ten minutes ago", { auth_time: NOW / 1000 - 600 }],
    ["at an unknown time", {}],
  ])("asks a caller who signed in %s to sign in again", (_when, token) => {
    expect(() => requireRecentSignIn(token, NOW)).toThrow(
      expect.objectContaining({
        code: "failed-precondition",
        message: "Please sign in again to delete your account.",
      }),
    );
  });
});
