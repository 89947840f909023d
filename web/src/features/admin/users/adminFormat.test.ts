import { describe, expect, it } from "vitest";
import { formatRatio, formatShare, recentPeriods } from "./adminFormat";

describe("admin formatting", () => {
  it("lists the recent months newest first, across a year boundary", () => {
    expect(recentPeriods(Date.UTC(2026, 1, 15), 4)).toEqual([
      "2026-02",
      "2026-01",
      "2025-12",
      "2025-11",
    ]);
  });

  it("shows undefined shares and ratios as a dash", () => {
    expect(formatShare(null)).toBe("—");
    expect(formatShare(0.375)).toBe("38%");
    expect(formatShare(0.05)).toBe("5.0%");
    expect(formatRatio(null)).toBe("—");
    expect(formatRatio(3)).toBe("3.00×");
  });
});
