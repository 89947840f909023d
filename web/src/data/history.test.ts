import type { SparkDoc } from "@ideaspark/domain";
import { sampleIdea } from "@ideaspark/domain/testing";
import { describe, expect, it, vi } from "vitest";
import { sparkListReader } from "./history";

function doc(id: string, topic = `Topic ${id}`): SparkDoc {
  return {
    requestId: id,
    brief: { topic, count: 1 },
    ideas: [sampleIdea],
    status: "complete",
    model: "gpt-4.1-mini",
    promptVersion: "v1",
    createdAt: 1_700_000_000_000,
    completedAt: 1_700_000_001_000,
    usage: { inputTokens: 1, outputTokens: 1, costUsd: 0 },
    cached: false,
    starred: [],
    feedback: null,
  };
}

function change(type: "added" | "modified" | "removed", id: string, data: object = doc(id)) {
  const read = vi.fn(() => ({ ...data }));
  return { type, id, path: `users/u/sparks/${id}`, data: read, read };
}

describe("sparkListReader", () => {
  it("lists the parsed sparks in the snapshot's order", () => {
    const read = sparkListReader();
    const list = read([change("added", "a"), change("added", "b")], () => ["b", "a"]);
    expect(list.map((stored) => stored.id)).toEqual(["b", "a"]);
    expect(list[0]?.spark.brief.topic).toBe("Topic b");
  });

  it("parses only what changed and keeps the other sparks' objects", () => {
    const read = sparkListReader();
    const first = [change("added", "a"), change("added", "b"), change("added", "c")];
    const before = read(first, () => ["a", "b", "c"]);
    const edit = change("modified", "b", doc("b", "Renamed"));
    const after = read([edit, change("removed", "c")], () => ["a", "b"]);
    expect(first.map((c) => c.read.mock.calls.length)).toEqual([1, 1, 1]);
    expect(edit.read).toHaveBeenCalledTimes(1);
    expect(after.map((stored) => stored.spark.brief.topic)).toEqual(["Topic a", "Renamed"]);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });

  it("returns the same list when a snapshot changes no document (only its metadata)", () => {
    const read = sparkListReader();
    const ids = vi.fn(() => ["a"]);
    const list = read([change("added", "a")], ids);
    expect(read([], ids)).toBe(list);
    expect(ids).toHaveBeenCalledTimes(1);
  });

  it("skips a malformed spark without hiding the others", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const read = sparkListReader();
    const list = read([change("added", "a"), change("added", "bad", { topic: 1 })], () => [
      "a",
      "bad",
    ]);
    expect(list.map((stored) => stored.id)).toEqual(["a"]);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining("users/u/sparks/bad"),
      expect.anything(),
    );
    warn.mockRestore();
  });
});
