import { describe, expect, it } from "vitest";
import { matchesQuery, normalizeForSearch } from "./searchText";

describe("normalizeForSearch", () => {
  it("lower-cases, strips accents and collapses whitespace", () => {
    expect(normalizeForSearch("  Crème   BRÛLÉE\tÇa ")).toBe("creme brulee ca");
  });

  it("folds compatibility forms (ligatures, full-width letters)", () => {
    expect(normalizeForSearch("ﬁeld Ｂike")).toBe("field bike");
  });
});

describe("matchesQuery", () => {
  const fields = ["Fundraising ideas for a school choir", undefined, "Sing-a-Gram Délivery"];

  it("matches everything for an empty or blank query", () => {
    expect(matchesQuery("", fields)).toBe(true);
    expect(matchesQuery("   ", fields)).toBe(true);
  });

  it("ignores case and accents in both the query and the text", () => {
    expect(matchesQuery("CHOIR", fields)).toBe(true);
    expect(matchesQuery("delivery", fields)).toBe(true);
    expect(matchesQuery("scĥool", fields)).toBe(true);
  });

  it("needs every word, found in any field", () => {
    expect(matchesQuery("choir delivery", fields)).toBe(true);
    expect(matchesQuery("choir bike", fields)).toBe(false);
  });
});
