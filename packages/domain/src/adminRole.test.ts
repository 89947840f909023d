import { describe, expect, it } from "vitest";
import { AdminSetRoleRequest, hasAdminClaim, roleOf, withAdminClaim } from "./adminRole.js";
import { describeIssues } from "./issues.js";

describe("AdminSetRoleRequest", () => {
  it("accepts a uid and a boolean admin flag", () => {
    expect(AdminSetRoleRequest.parse({ uid: "abc123", admin: false })).toEqual({
      uid: "abc123",
      admin: false,
    });
  });

  it.each([
    ["a string flag", { uid: "abc", admin: "true" }, /admin must be true or false/],
    ["a missing flag", { uid: "abc" }, /admin must be true or false/],
    ["a missing uid", { admin: true }, /uid/],
    ["an extra field", { uid: "abc", admin: true, plan: "pro" }, /plan/],
  ])("refuses %s, naming the field", (_name, data, message) => {
    const result = AdminSetRoleRequest.safeParse(data);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toMatch(message);
  });
});

describe("withAdminClaim", () => {
  it("adds admin: true and keeps every other claim", () => {
    expect(withAdminClaim({ tier: "beta", org: 7 }, true)).toEqual({
      tier: "beta",
      org: 7,
      admin: true,
    });
  });

  it("removes the admin key (not admin: false) and keeps the others", () => {
    const claims = withAdminClaim({ admin: true, tier: "beta" }, false);
    expect(claims).toEqual({ tier: "beta" });
    expect(Object.hasOwn(claims, "admin")).toBe(false);
  });

  it("starts from no claims at all", () => {
    expect(withAdminClaim(undefined, true)).toEqual({ admin: true });
    expect(withAdminClaim(null, false)).toEqual({});
  });
});

describe("hasAdminClaim and roleOf", () => {
  it.each([
    [{ admin: true }, true],
    [{ admin: "true" }, false],
    [{ admin: 1 }, false],
    [{}, false],
    [null, false],
  ])("reads %j as admin=%s", (claims, expected) => {
    expect(hasAdminClaim(claims)).toBe(expected);
  });

  it("names the role recorded on the profile", () => {
    expect(roleOf(true)).toBe("admin");
    expect(roleOf(false)).toBe("member");
  });
});
