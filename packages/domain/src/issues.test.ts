import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssues, issuePath } from "./issues.js";
import { SparkRequest } from "./spark.js";

function errorOf(schema: z.ZodType, data: unknown): z.ZodError {
  const result = schema.safeParse(data);
  if (result.success) throw new Error("expected a failure");
  return result.error;
}

describe("describeIssues", () => {
  it("qualifies field messages with their parent path", () => {
    const error = errorOf(SparkRequest, {
      requestId: "3f1c2a9e-8b7d-4c6e-9a5f-1e2d3c4b5a69",
      brief: { topic: "ab", count: 11 },
    });
    expect(describeIssues(error)).toBe(
      "brief.topic must be at least 3 characters; brief.count must be at most 10.",
    );
  });

  it("prefixes messages that do not name their field", () => {
    const error = errorOf(z.object({ list: z.array(z.number()) }), { list: [1, "x"] });
    expect(describeIssues(error)).toMatch(/^list\[1\]: /);
  });

  it("calls a failure of the whole value a request problem", () => {
    const error = errorOf(SparkRequest, JSON.parse('{"__proto__":{}}'));
    expect(describeIssues(error)).toContain('request: "__proto__" is not allowed (reserved key)');
  });

  it("spells out at most the limit and counts the rest", () => {
    const schema = z.object({ a: z.string(), b: z.string(), c: z.string() });
    const sentence = describeIssues(errorOf(schema, {}), 1);
    expect(sentence).toMatch(/^a: .*; and 2 more problems\.$/);
  });

  it("formats numeric path segments as indexes", () => {
    expect(issuePath(["ideas", 2, "title"])).toBe("ideas[2].title");
    expect(issuePath([])).toBe("");
  });
});
