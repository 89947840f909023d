import { describe, expect, it } from "vitest";
import { rowHeights, rowOffsets, rowsBetween } from "./windowing";

describe("rowOffsets", () => {
  it("starts each row where the previous one ends, and ends with the list's height", () => {
    expect(rowOffsets([40, 80, 80])).toEqual([0, 40, 120, 200]);
    expect(rowOffsets([])).toEqual([0]);
  });
});

describe("rowsBetween", () => {
  const offsets = rowOffsets([40, 80, 80, 80, 40, 80]);

  it("finds the rows overlapping a stretch of the page", () => {
    expect(rowsBetween(offsets, 0, 100)).toEqual({ start: 0, end: 2 });
    expect(rowsBetween(offsets, 130, 250)).toEqual({ start: 2, end: 4 });
  });

  it("leaves out a row that ends exactly at the top or starts exactly at the bottom", () => {
    expect(rowsBetween(offsets, 40, 120)).toEqual({ start: 1, end: 2 });
  });

  it("clamps to the list and is empty outside it", () => {
    expect(rowsBetween(offsets, -500, 10_000)).toEqual({ start: 0, end: 6 });
    expect(rowsBetween(offsets, 400, 900)).toEqual({ start: 0, end: 0 });
    expect(rowsBetween(offsets, -300, -10)).toEqual({ start: 0, end: 0 });
    expect(rowsBetween(rowOffsets([]), 0, 100)).toEqual({ start: 0, end: 0 });
  });

  it("keeps a window of a few rows over a list of thousands", () => {
    const many = rowOffsets(Array.from({ length: 2_000 }, () => 80));
    expect(rowsBetween(many, 80_000, 80_800)).toEqual({ start: 1_000, end: 1_010 });
    expect(rowsBetween(many, 159_500, 161_000)).toEqual({ start: 1_993, end: 2_000 });
  });
});

describe("rowHeights", () => {
  const rows = [
    { key: "d1", kind: "day" },
    { key: "a", kind: "spark" },
    { key: "b", kind: "spark" },
    { key: "d2", kind: "day" },
    { key: "c", kind: "spark" },
  ];

  it("uses the estimates before anything is measured", () => {
    expect(rowHeights(rows, new Map(), { day: 40, spark: 80 })).toEqual([40, 80, 80, 40, 80]);
  });

  it("uses measured heights, and their average for rows of the same kind not yet measured", () => {
    const measured = new Map([
      ["a", 90],
      ["b", 110],
    ]);
    expect(rowHeights(rows, measured, { day: 40, spark: 80 })).toEqual([40, 90, 110, 40, 100]);
  });
});
