import { describe, expect, it } from "vitest";
import { sampleIdea } from "./fixtures/sampleIdea.js";
import { SparkDoc, SparkOwnerUpdate } from "./sparkDoc.js";

const ID = "3f1c2a9e-8b7d-4c6e-9a5f-1e2d3c4b5a69";

describe("SparkDoc", () => {
  const doc = {
    requestId: ID,
    brief: { topic: "abc", count: 1 },
    ideas: [sampleIdea],
    status: "complete",
    model: "gpt-4.1-mini",
    promptVersion: "spark-v1",
    createdAt: 1_700_000_000_000,
    usage: { inputTokens: 300, outputTokens: 200, costUsd: 0.00044 },
    cached: false,
  };

  it("fills in no stars, no feedback and no completion time", () => {
    const parsed = SparkDoc.parse(doc);
    expect(parsed.starred).toEqual([]);
    expect(parsed.feedback).toBeNull();
    expect(parsed.completedAt).toBeNull();
  });

  it("fails loudly on a document with a wrong status or duplicate stars", () => {
    expect(SparkDoc.safeParse({ ...doc, status: "done" }).success).toBe(false);
    expect(SparkDoc.safeParse({ ...doc, starred: [1, 1] }).success).toBe(false);
  });

  it("ignores fields added by a newer version so old clients keep reading", () => {
    expect(SparkDoc.parse({ ...doc, futureField: 1 })).not.toHaveProperty("futureField");
  });
});

describe("SparkOwnerUpdate", () => {
  it("accepts a star list or feedback, including clearing feedback", () => {
    expect(SparkOwnerUpdate.parse({ starred: [0, 4] })).toEqual({ starred: [0, 4] });
    expect(SparkOwnerUpdate.parse({ feedback: null })).toEqual({ feedback: null });
  });

  it("refuses empty updates, other fields and out-of-range stars", () => {
    expect(SparkOwnerUpdate.safeParse({}).success).toBe(false);
    expect(SparkOwnerUpdate.safeParse({ status: "complete" }).success).toBe(false);
    expect(SparkOwnerUpdate.safeParse({ starred: [10] }).success).toBe(false);
  });
});
