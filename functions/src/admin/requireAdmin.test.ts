import { describe, expect, it } from "vitest";
import { requireAdmin } from "./requireAdmin.js";

describe("requireAdmin", () => {
  it("lets an admin through and returns their uid", () => {
    expect(requireAdmin({ uid: "root", token: { admin: true } })).toBe("root");
  });

  it("asks a signed-out caller to sign in", () => {
    expect(() => requireAdmin(undefined)).toThrow(
      expect.objectContaining({ kind: "unauthenticated" }),
    );
  });

  it.each([{}, { admin: false }, { admin: "true" }, { admin: 1 }])("refuses claims %j", (token) => {
    expect(() => requireAdmin({ uid: "u", token })).toThrow(
      expect.objectContaining({ kind: "permission-denied" }),
    );
  });
});
