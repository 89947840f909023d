import { describe, expect, it } from "vitest";
import { withSearch } from "./carryCampaign";

describe("campaign parameters carried from the landing page into the app's links", () => {
  it("keeps utm_* and ref, in the order they came", () => {
    expect(withSearch("/signup", "?utm_source=news&utm_campaign=spring&ref=FRIEND")).toBe(
      "/signup?utm_source=news&utm_campaign=spring&ref=FRIEND",
    );
  });

  it("drops everything else and leaves a link without campaign parameters as it was", () => {
    expect(withSearch("/signin", "?gclid=abc&next=%2Fadmin&utm_medium=cpc")).toBe(
      "/signin?utm_medium=cpc",
    );
    expect(withSearch("/signin", "?next=%2Fadmin")).toBe("/signin");
    expect(withSearch("/signin", "")).toBe("/signin");
  });

  it("keeps the first of repeated parameters and encodes values safely", () => {
    expect(withSearch("/signup", "?ref=A%26B&ref=second")).toBe("/signup?ref=A%26B");
  });

  it("appends to a link that already has a query", () => {
    expect(withSearch("/signup?plan=pro", "?ref=X")).toBe("/signup?plan=pro&ref=X");
  });
});
