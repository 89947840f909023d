import { describe, expect, it } from "vitest";
import { heavyRows, median } from "./heavyUsers";

describe("median", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});

describe("heavyRows", () => {
  it("flags a cost more than five times the page's median", () => {
    // median 100_000 → threshold 500_000
    const costs = [100_000, 90_000, 120_000, 2_000_000, 500_000];
    expect([...heavyRows(costs)]).toEqual([3]);
  });

  it("flags nobody on a page of tiny costs", () => {
    expect(heavyRows([0, 0, 10, 40_000]).size).toBe(0);
  });

  it("flags a real cost on a page where most used nothing", () => {
    expect([...heavyRows([0, 0, 0, 300_000])]).toEqual([3]);
  });
});
