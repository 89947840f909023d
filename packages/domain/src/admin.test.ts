import { describe, expect, it } from "vitest";
import { AdminSetPlanRequest } from "./admin.js";
import { describeIssues } from "./issues.js";

describe("AdminSetPlanRequest", () => {
  it("accepts a uid and a known plan", () => {
    expect(AdminSetPlanRequest.parse({ uid: "abc123", plan: "pro" })).toEqual({
      uid: "abc123",
      plan: "pro",
    });
  });

  it.each([
    ["an unknown plan", { uid: "abc", plan: "gold" }, /plan must be one of: free, pro/],
    ["a missing uid", { plan: "pro" }, /uid/],
    ["a uid with a slash", { uid: "a/b", plan: "pro" }, /slashes/],
    ["an extra field", { uid: "abc", plan: "pro", admin: true }, /admin/],
  ])("refuses %s, naming the field", (_name, data, message) => {
    const result = AdminSetPlanRequest.safeParse(data);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toMatch(message);
  });
});
