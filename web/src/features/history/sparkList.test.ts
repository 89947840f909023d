import type { SparkDoc } from "@ideaspark/domain";
import { sampleIdea } from "@ideaspark/domain/testing";
import { describe, expect, it } from "vitest";
import type { StoredSpark } from "../../data/history";
import { filterSparks, groupByDay, historyRows } from "./sparkList";

function stored(id: string, createdAt: Date, overrides: Partial<SparkDoc> = {}): StoredSpark {
  return {
    id,
    spark: {
      requestId: id,
      brief: { topic: `Topic ${id}`, count: 1 },
      ideas: [sampleIdea],
      status: "complete",
      model: "gpt-4.1-mini",
      promptVersion: "v1",
      createdAt: createdAt.getTime(),
      completedAt: createdAt.getTime() + 1_000,
      usage: { inputTokens: 1, outputTokens: 1, costUsd: 0 },
      cached: false,
      starred: [],
      feedback: null,
      ...overrides,
    },
  };
}

const now = new Date(2026, 10, 26, 9, 0);
const bikes = stored("a", new Date(2026, 10, 26, 8, 0), {
  brief: { topic: "Workshops for a bike shop", audience: "Café owners", count: 1 },
  starred: [0],
});
const choir = stored("b", new Date(2026, 10, 26, 7, 0), {
  brief: { topic: "Fundraising for a choir", count: 1 },
  ideas: [{ ...sampleIdea, title: "Sing-a-Gram delivery" }],
});
const gifts = stored("c", new Date(2026, 10, 20, 12, 0), {
  brief: { topic: "Gift ideas", count: 1 },
});

describe("filterSparks", () => {
  const all = [bikes, choir, gifts];

  it("keeps everything with no query and no filter", () => {
    expect(filterSparks(all, { query: "", starredOnly: false })).toEqual(all);
  });

  it("searches topic, audience and idea titles, ignoring case and accents", () => {
    const ids = (query: string) =>
      filterSparks(all, { query, starredOnly: false }).map((s) => s.id);
    expect(ids("BIKE")).toEqual(["a"]);
    expect(ids("cafe")).toEqual(["a"]);
    expect(ids("sing-a-gram")).toEqual(["b"]);
    expect(ids("nothing like this")).toEqual([]);
  });

  it("searches constraints and idea pitches too", () => {
    const zeppelin = stored("z", new Date(2026, 10, 1), {
      brief: { topic: "Team offsite", constraints: "On a Zeppelin", count: 1 },
      ideas: [{ ...sampleIdea, pitch: "A scavenger hunt through the harbour" }],
    });
    const ids = (query: string) =>
      filterSparks([...all, zeppelin], { query, starredOnly: false }).map((s) => s.id);
    expect(ids("zeppelin")).toEqual(["z"]);
    expect(ids("harbour scavenger")).toEqual(["z"]);
  });

  it("keeps only sparks with a starred idea when asked", () => {
    expect(filterSparks(all, { query: "", starredOnly: true }).map((s) => s.id)).toEqual(["a"]);
    expect(filterSparks(all, { query: "choir", starredOnly: true })).toEqual([]);
  });
});

describe("groupByDay", () => {
  it("groups by local day, newest first, naming today and yesterday", () => {
    const yesterday = stored("d", new Date(2026, 10, 25, 23, 59));
    const groups = groupByDay([bikes, choir, yesterday, gifts], now);
    expect(groups.map((group) => [group.day, group.sparks.map((s) => s.id)])).toEqual([
      ["2026-11-26", ["a", "b"]],
      ["2026-11-25", ["d"]],
      ["2026-11-20", ["c"]],
    ]);
    expect(groups[0]?.label).toBe("Today");
    expect(groups[1]?.label).toBe("Yesterday");
    expect(groups[2]?.label).toMatch(/2026/);
  });

  it("has no groups for no sparks", () => {
    expect(groupByDay([], now)).toEqual([]);
  });
});

describe("historyRows", () => {
  it("puts each day's heading before its sparks", () => {
    const rows = historyRows(groupByDay([bikes, choir, gifts], now));
    expect(rows.map((row) => [row.kind, row.key])).toEqual([
      ["day", "day-2026-11-26"],
      ["spark", "a"],
      ["spark", "b"],
      ["day", "day-2026-11-20"],
      ["spark", "c"],
    ]);
  });
});
