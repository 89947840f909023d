import { describe, expect, it } from "vitest";
import {
  anonymisedRecord,
  collectWithin,
  DELETED_USER_UID,
  DeleteMyAccountRequest,
  ExportBudget,
  ExportedProfile,
  ExportMyDataRequest,
  isRecentSignIn,
  jsonByteLength,
  RECENT_SIGN_IN_SECONDS,
} from "./account.js";
import { describeIssues } from "./issues.js";

const NOW = Date.UTC(2026, 10, 26, 8, 0, 0);
const secondsAgo = (s: number) => NOW / 1000 - s;

describe("isRecentSignIn", () => {
  it("accepts a sign-in from a minute ago", () => {
    expect(isRecentSignIn(secondsAgo(60), NOW)).toBe(true);
  });

  it("accepts a sign-in exactly five minutes ago", () => {
    expect(isRecentSignIn(secondsAgo(RECENT_SIGN_IN_SECONDS), NOW)).toBe(true);
  });

  it("refuses a sign-in older than five minutes", () => {
    expect(isRecentSignIn(secondsAgo(RECENT_SIGN_IN_SECONDS + 1), NOW)).toBe(false);
  });

  it("tolerates a small clock difference but not a sign-in far in the future", () => {
    expect(isRecentSignIn(secondsAgo(-30), NOW)).toBe(true);
    expect(isRecentSignIn(secondsAgo(-3600), NOW)).toBe(false);
  });

  it.each([undefined, null, "1700000000", Number.NaN, Infinity])(
    "refuses a token whose auth_time is %s",
    (authTime) => {
      expect(isRecentSignIn(authTime, NOW)).toBe(false);
    },
  );
});

describe("DeleteMyAccountRequest", () => {
  it('accepts confirm: "DELETE"', () => {
    expect(DeleteMyAccountRequest.parse({ confirm: "DELETE" })).toEqual({ confirm: "DELETE" });
  });

  it.each([
    ["a missing confirm", {}],
    ["a lower-case confirm", { confirm: "delete" }],
    ["a boolean confirm", { confirm: true }],
  ])("refuses %s, naming the field", (_name, data) => {
    const result = DeleteMyAccountRequest.safeParse(data);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toMatch(/confirm must be "DELETE"/);
  });
});

describe("ExportMyDataRequest", () => {
  it("accepts an empty request and refuses unknown fields", () => {
    expect(ExportMyDataRequest.safeParse({}).success).toBe(true);
    const result = ExportMyDataRequest.safeParse({ uid: "someone-else" });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toMatch(/uid/);
  });
});

describe("ExportedProfile", () => {
  it("keeps fields the schema does not know (role, plan history)", () => {
    const profile = ExportedProfile.parse({ email: "a@b.test", role: "admin", planUpdatedAt: 1 });
    expect(profile).toMatchObject({ email: "a@b.test", role: "admin", planUpdatedAt: 1 });
  });

  it("accepts a profile written only by functions (no email yet)", () => {
    expect(ExportedProfile.safeParse({ plan: "pro", planUpdatedBy: "root" }).success).toBe(true);
  });

  it("still fails loudly on a known field with the wrong type", () => {
    expect(ExportedProfile.safeParse({ email: 42 }).success).toBe(false);
  });
});

describe("jsonByteLength and ExportBudget", () => {
  it("counts UTF-8 bytes, not UTF-16 units", () => {
    expect(jsonByteLength("a")).toBe(3);
    expect(jsonByteLength("é")).toBe(4);
    expect(jsonByteLength("€")).toBe(5);
    expect(jsonByteLength("👍")).toBe(6);
  });

  it("stops taking items once the budget is spent and reserves nothing for a refused one", () => {
    const budget = new ExportBudget(20);
    expect(budget.take("0123456789")).toBe(true);
    expect(budget.take("0123456789")).toBe(false);
    expect(budget.take("1")).toBe(true);
  });
});

describe("anonymisedRecord", () => {
  it("replaces the uid with the shared marker and stamps the time", () => {
    expect(anonymisedRecord(NOW)).toEqual({ uid: DELETED_USER_UID, anonymisedAt: NOW });
  });
});

describe("collectWithin", () => {
  async function* numbers(count: number, read: number[]) {
    for (let i = 0; i < count; i++) {
      read.push(i);
      yield i;
    }
  }

  it("takes everything that fits and says nothing was left out", async () => {
    const read: number[] = [];
    const result = await collectWithin(numbers(3, read), 5, new ExportBudget(1_000));
    expect(result).toEqual({ items: [0, 1, 2], truncated: false });
  });

  it("stops at the item cap, flags the cut and reads no further", async () => {
    const read: number[] = [];
    const result = await collectWithin(numbers(100, read), 2, new ExportBudget(1_000));
    expect(result).toEqual({ items: [0, 1], truncated: true });
    expect(read).toEqual([0, 1, 2]);
  });

  it("stops when the byte budget is spent", async () => {
    const result = await collectWithin(numbers(100, []), 100, new ExportBudget(6));
    expect(result).toEqual({ items: [0, 1, 2], truncated: true });
  });
});
