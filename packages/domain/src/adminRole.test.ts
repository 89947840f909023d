import { describe, expect, it } from "vitest";
import {
  AdminRoleDoc,
  adminRoleDoc,
  adminRolePath,
  AdminSetRoleRequest,
  hasAdminClaim,
  heldAnyAdminRole,
  isAdminNow,
  roleAlreadyIs,
  roleOf,
  withAdminClaim,
} from "./adminRole.js";
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

describe("the roles document", () => {
  it("lives at roles/{uid} and records who granted the role when", () => {
    expect(adminRolePath("u1")).toBe("roles/u1");
    expect(adminRoleDoc("root", 1_700_000_000_000)).toEqual({
      admin: true,
      grantedAt: 1_700_000_000_000,
      grantedBy: "root",
    });
  });

  it.each([
    ["admin: false", { admin: false, grantedAt: 1, grantedBy: "root" }, /admin must be true/],
    ["no granter", { admin: true, grantedAt: 1 }, /grantedBy/],
    ["an extra field", { admin: true, grantedAt: 1, grantedBy: "root", plan: "pro" }, /plan/],
  ])("refuses %s", (_name, data, message) => {
    const result = AdminRoleDoc.safeParse(data);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toMatch(message);
  });
});

describe("isAdminNow", () => {
  it.each([
    [{ admin: true }, true, true],
    [{ admin: true }, false, false],
    [{}, true, false],
    [{ admin: "true" }, true, false],
    [null, false, false],
  ])("claims %j with roles document %s: admin=%s", (claims, roleDocExists, expected) => {
    expect(isAdminNow({ claims, roleDocExists })).toBe(expected);
  });
});

describe("roleAlreadyIs and heldAnyAdminRole", () => {
  it("calls a grant done only when both the claim and the document are there", () => {
    expect(roleAlreadyIs({ claims: { admin: true }, roleDocExists: true }, true)).toBe(true);
    expect(roleAlreadyIs({ claims: { admin: true }, roleDocExists: false }, true)).toBe(false);
    expect(roleAlreadyIs({ claims: {}, roleDocExists: true }, true)).toBe(false);
  });

  it("calls a revoke done only when neither is left", () => {
    expect(roleAlreadyIs({ claims: { tier: "beta" }, roleDocExists: false }, false)).toBe(true);
    expect(roleAlreadyIs({ claims: { admin: true }, roleDocExists: false }, false)).toBe(false);
    expect(roleAlreadyIs({ claims: {}, roleDocExists: true }, false)).toBe(false);
  });

  it("ends sessions on a revoke whenever any part of the role was held", () => {
    expect(heldAnyAdminRole({ claims: { admin: true }, roleDocExists: false })).toBe(true);
    expect(heldAnyAdminRole({ claims: {}, roleDocExists: true })).toBe(true);
    expect(heldAnyAdminRole({ claims: { tier: "beta" }, roleDocExists: false })).toBe(false);
  });
});
