import { describe, expect, it } from "vitest";
import { safeNextPath, signInPathFor } from "./nextPath";

describe("safeNextPath", () => {
  it("returns a path inside the app with its query and hash", () => {
    expect(safeNextPath("/history?q=gift#top")).toBe("/history?q=gift#top");
    expect(safeNextPath("/admin/users")).toBe("/admin/users");
  });

  it("falls back for missing, external or protocol-relative targets", () => {
    for (const next of [null, undefined, "", "history", "https://evil.test/", "//evil.test/x"]) {
      expect(safeNextPath(next)).toBe("/");
    }
    expect(safeNextPath("/\\evil.test")).toBe("/");
    expect(safeNextPath("javascript:alert(1)", "/home")).toBe("/home");
  });

  it("never sends a signed-in person back to a sign-in page", () => {
    expect(safeNextPath("/signin?next=/x")).toBe("/");
    expect(safeNextPath("/welcome")).toBe("/");
  });
});

describe("signInPathFor", () => {
  it("remembers the protected address in next", () => {
    expect(signInPathFor({ pathname: "/history", search: "?q=a", hash: "" })).toBe(
      "/signin?next=%2Fhistory%3Fq%3Da",
    );
    expect(signInPathFor({ pathname: "/", search: "", hash: "" })).toBe("/signin");
  });
});
