import { describe, expect, it } from "vitest";
import { meterState } from "./usageMeter";

describe("meterState", () => {
  it("shows nothing used as an empty bar", () => {
    expect(meterState(0, 50_000)).toEqual({
      used: 0,
      limit: 50_000,
      percent: 0,
      barPercent: 0,
      remaining: 50_000,
      level: "ok",
    });
  });

  it("rounds the share down so 99.9% never reads as full", () => {
    expect(meterState(49_950, 50_000)).toMatchObject({ percent: 99, level: "near" });
  });

  it("warns from 80% of the limit", () => {
    expect(meterState(39_999, 50_000).level).toBe("ok");
    expect(meterState(40_000, 50_000)).toMatchObject({ percent: 80, level: "near" });
  });

  it("is over at the limit and caps the bar while the percentage keeps counting", () => {
    expect(meterState(50_000, 50_000)).toMatchObject({ percent: 100, level: "over", remaining: 0 });
    expect(meterState(75_000, 50_000)).toMatchObject({
      percent: 150,
      barPercent: 100,
      remaining: 0,
      level: "over",
    });
  });

  it("treats a limit of 0 as nothing left, without dividing by zero", () => {
    expect(meterState(0, 0)).toEqual({
      used: 0,
      limit: 0,
      percent: 100,
      barPercent: 100,
      remaining: 0,
      level: "over",
    });
    expect(meterState(10, 0)).toMatchObject({ percent: 100, barPercent: 100, level: "over" });
  });

  it("never reports negative usage", () => {
    expect(meterState(-5, 100)).toMatchObject({ used: 0, percent: 0, remaining: 100 });
  });
});
