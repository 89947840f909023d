import { describe, expect, it } from "vitest";
import { badSparkRequests, validSparkRequest } from "./fixtures/badSparkRequests.js";
import { sampleIdea } from "./fixtures/sampleIdea.js";
import { describeIssues } from "./issues.js";
import { Idea, SparkBrief, SparkChunk, SparkRequest, type SparkBriefInput } from "./spark.js";

const ID = "3f1c2a9e-8b7d-4c6e-9a5f-1e2d3c4b5a69";

function problems(brief: Record<string, unknown>): string {
  const result = SparkBrief.safeParse(brief);
  return result.success ? "" : describeIssues(result.error);
}

describe("SparkBrief", () => {
  it("applies count 5 when none is given and leaves tone unset", () => {
    expect(SparkBrief.parse({ topic: "Team offsite ideas" })).toEqual({
      topic: "Team offsite ideas",
      count: 5,
    });
  });

  it("accepts a topic of 3 and of 500 characters but not 2 or 501", () => {
    expect(problems({ topic: "abc" })).toBe("");
    expect(problems({ topic: "a".repeat(500) })).toBe("");
    expect(problems({ topic: "ab" })).toBe("topic must be at least 3 characters.");
    expect(problems({ topic: "a".repeat(501) })).toBe("topic must be at most 500 characters.");
  });

  it("measures the topic after trimming", () => {
    expect(problems({ topic: "   ab   " })).toBe("topic must be at least 3 characters.");
    expect(SparkBrief.parse({ topic: "\t  abc \n" }).topic).toBe("abc");
  });

  it("counts emoji as one character each", () => {
    expect(problems({ topic: "🚀".repeat(500) })).toBe("");
    expect(problems({ topic: "🚀".repeat(501) })).toBe("topic must be at most 500 characters.");
    expect(problems({ topic: "👩‍💻🎉" })).toBe(""); // ZWJ sequence: 3 code points + 1
  });

  it("accepts counts 1 and 10 and refuses 0, 11 and fractions", () => {
    expect(SparkBrief.parse({ topic: "abc", count: 1 }).count).toBe(1);
    expect(SparkBrief.parse({ topic: "abc", count: 10 }).count).toBe(10);
    expect(problems({ topic: "abc", count: 0 })).toBe("count must be at least 1.");
    expect(problems({ topic: "abc", count: 11 })).toBe("count must be at most 10.");
    expect(problems({ topic: "abc", count: 1.5 })).toBe("count must be a whole number.");
  });

  it("keeps line breaks and tabs in constraints but not in the audience", () => {
    const brief = SparkBrief.parse({ topic: "abc", constraints: "- cheap\r\n-\tquick" });
    expect(brief.constraints).toBe("- cheap\n-\tquick");
    expect(problems({ topic: "abc", audience: "a\nb" })).toBe("audience must be a single line.");
  });

  it("accepts audience and constraints exactly at their limits", () => {
    expect(problems({ topic: "abc", audience: "a".repeat(200) })).toBe("");
    expect(problems({ topic: "abc", constraints: "c".repeat(1000) })).toBe("");
  });

  it("drops blank optional fields so no empty or undefined value is stored", () => {
    const brief = SparkBrief.parse({ topic: "abc", audience: "   ", constraints: "" });
    expect(Object.keys(brief).sort()).toEqual(["count", "topic"]);
    const explicit = SparkBrief.parse({ topic: "abc", tone: undefined });
    expect("tone" in explicit).toBe(false);
  });

  it("lists every offending field in one sentence", () => {
    expect(problems({ topic: "a", count: 0, tone: "angry", extra: 1 })).toBe(
      'topic must be at least 3 characters; count must be at least 1; tone must be one of: practical, bold, playful; request: unknown field "extra".',
    );
  });

  it("lets a form type its raw input before defaults", () => {
    const input: SparkBriefInput = { topic: "abc" };
    expect(SparkBrief.parse(input).count).toBe(5);
  });
});

describe("SparkRequest", () => {
  it("accepts the valid sample and lowercases the request id", () => {
    const parsed = SparkRequest.parse({ ...validSparkRequest(), requestId: ID.toUpperCase() });
    expect(parsed.requestId).toBe(ID);
    expect(parsed.brief.count).toBe(3);
  });

  it.each(badSparkRequests.map((c) => [c.name, c.data] as const))(
    "rejects a request with %s",
    (_name, data) => {
      const result = SparkRequest.safeParse(data);
      expect(result.success).toBe(false);
      if (!result.success) expect(describeIssues(result.error).length).toBeGreaterThan(5);
    },
  );

  it("has a table of at least 40 malformed requests with unique names", () => {
    expect(badSparkRequests.length).toBeGreaterThanOrEqual(40);
    expect(new Set(badSparkRequests.map((c) => c.name)).size).toBe(badSparkRequests.length);
  });

  it("refuses a JSON __proto__ key with a message that names it", () => {
    const data: unknown = JSON.parse(
      `{"requestId":"${ID}","brief":{"topic":"abc","__proto__":{"count":99}}}`,
    );
    const result = SparkRequest.safeParse(data);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(describeIssues(result.error)).toBe(
        'brief: "__proto__" is not allowed (reserved key).',
      );
    }
  });

  it("says that the requestId must be a UUID", () => {
    const result = SparkRequest.safeParse({ requestId: "abc", brief: { topic: "abc" } });
    expect(result.success || describeIssues(result.error)).toMatch(/^requestId must be a UUID/);
  });
});

describe("Idea", () => {
  it("accepts a complete idea and trims its text", () => {
    expect(Idea.parse({ ...sampleIdea, title: `  ${sampleIdea.title} ` })).toEqual(sampleIdea);
  });

  it("requires every field, including effort and at least one first step", () => {
    const { effort: _effort, ...withoutEffort } = sampleIdea;
    expect(Idea.safeParse(withoutEffort).success).toBe(false);
    expect(Idea.safeParse({ ...sampleIdea, firstSteps: [] }).success).toBe(false);
    expect(Idea.safeParse({ ...sampleIdea, title: " " }).success).toBe(false);
    expect(Idea.safeParse({ ...sampleIdea, effort: "tiny" }).success).toBe(false);
  });
});

describe("SparkChunk", () => {
  it("accepts status, idea and retry chunks", () => {
    expect(SparkChunk.parse({ type: "status", phase: "thinking" })).toEqual({
      type: "status",
      phase: "thinking",
    });
    expect(SparkChunk.parse({ type: "idea", index: 0, idea: sampleIdea }).type).toBe("idea");
    expect(SparkChunk.parse({ type: "retry", attempt: 2, delayMs: 800, model: "m" }).type).toBe(
      "retry",
    );
  });

  it("refuses unknown chunk types and phases", () => {
    expect(SparkChunk.safeParse({ type: "done" }).success).toBe(false);
    expect(SparkChunk.safeParse({ type: "status", phase: "sleeping" }).success).toBe(false);
  });
});
