import { describe, expect, it } from "vitest";
import { chartSummary } from "./TimeChart";
import { formatDay, formatLatency, formatShare } from "./overviewFormat";

describe("overview formatting", () => {
  it("writes shares as percentages with one decimal, and a dash without data", () => {
    expect(formatShare(0.1234)).toBe("12.3%");
    expect(formatShare(1)).toBe("100.0%");
    expect(formatShare(null)).toBe("–");
  });

  it("writes latency buckets as upper bounds, the last open-ended", () => {
    expect(formatLatency(500)).toBe("≤ 500 ms");
    expect(formatLatency(2000)).toBe("≤ 2 s");
    expect(formatLatency(Infinity)).toBe("> 64 s");
    expect(formatLatency(null)).toBe("–");
  });

  it("writes days in UTC whatever the browser's zone", () => {
    expect(formatDay("2026-12-01")).toBe(
      new Intl.DateTimeFormat(undefined, {
        day: "numeric",
        month: "short",
        timeZone: "UTC",
      }).format(Date.UTC(2026, 11, 1)),
    );
  });

  it("sums a chart up in words: totals and the busiest day, or the peak for daily actives", () => {
    const days = ["2026-12-01", "2026-12-02", "2026-12-03"];
    const format = (value: number) => String(value);
    expect(
      chartSummary(
        "Requests per day",
        days,
        [{ label: "Requests", values: [3, 9, 1], colorVar: "--accent" }],
        format,
      ),
    ).toBe(
      `Requests per day, ${formatDay("2026-12-01")} to ${formatDay("2026-12-03")} (UTC): Requests: 13 in total, most on ${formatDay("2026-12-02")} (9).`,
    );
    expect(
      chartSummary(
        "Active users per day",
        days,
        [{ label: "Active users", values: [2, 2, 5], colorVar: "--ok", additive: false }],
        format,
      ),
    ).toContain(`Active users: most on ${formatDay("2026-12-03")} (5)`);
    expect(
      chartSummary(
        "Sign-ups per day",
        days,
        [{ label: "Sign-ups", values: [0, 0, 0], colorVar: "--accent" }],
        format,
      ),
    ).toContain("Sign-ups: none");
  });
});
