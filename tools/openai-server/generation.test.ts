// Pure generation logic: brief extraction, the JSON Schema walker, deltas and token maths.
import { describe, expect, it } from "vitest";
import { extractBrief, shortenTopic } from "./brief.js";
import { createIdeaContext } from "./ideas.js";
import { createRng } from "./random.js";
import { valueFromSchema } from "./schemaValues.js";
import { splitIntoDeltas } from "./sse.js";
import { estimateTokens, truncateToTokens } from "./tokens.js";

const contextFor = (text: string) => {
  const brief = extractBrief(undefined, text);
  return createIdeaContext(brief, createRng(brief.seed));
};

describe("extractBrief", () => {
  it("reads labelled fields from a message array", () => {
    const brief = extractBrief("Return ideas as JSON.", [
      {
        role: "user",
        content: [
          { type: "input_text", text: "Topic: a rooftop cinema\nAudience: couples\n6 ideas" },
        ],
      },
    ]);
    expect(brief).toMatchObject({
      topic: "a rooftop cinema",
      shortTopic: "rooftop cinema",
      audience: "couples",
      requestedCount: 6,
    });
    expect(brief.promptText).toBe(
      "Return ideas as JSON.\nTopic: a rooftop cinema\nAudience: couples\n6 ideas",
    );
  });

  it("finds the topic in free text or in a JSON brief", () => {
    expect(
      extractBrief(undefined, "Please suggest ideas for a charity bake sale at school.").topic,
    ).toBe("a charity bake sale at school");
    expect(
      extractBrief(undefined, JSON.stringify({ topic: "eco gift wrap", count: 3 })).topic,
    ).toBe("eco gift wrap");
    expect(extractBrief(undefined, "").topic).toBe("your project");
  });

  it("shortens long topics to a title-sized phrase", () => {
    expect(shortenTopic("a marketing campaign for my grandmother's bakery")).toBe(
      "marketing campaign",
    );
    expect(shortenTopic("a talk about climate change for teenagers")).toBe("climate change");
    expect(shortenTopic("a birthday gift for my dad who loves fishing")).toBe("birthday gift");
  });
});

describe("valueFromSchema", () => {
  it("fills every field kind within its constraints", () => {
    const schema = {
      type: "object",
      properties: {
        ideas: {
          type: "array",
          minItems: 3,
          maxItems: 3,
          items: { $ref: "#/$defs/idea" },
        },
      },
      $defs: {
        idea: {
          type: "object",
          properties: {
            title: { type: "string", maxLength: 30 },
            effort: { type: "string", enum: ["S", "M", "L"] },
            score: { type: "integer", minimum: 1, maximum: 5 },
            confidence: { type: "number" },
            risky: { type: "boolean" },
            note: { type: ["string", "null"] },
            owner: {
              anyOf: [
                { type: "object", properties: { name: { type: "string" } } },
                { type: "null" },
              ],
            },
            tags: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 2 },
            firstSteps: { type: "array", items: { type: "string", minLength: 10 }, minItems: 4 },
          },
        },
      },
    };
    const value = valueFromSchema(schema, contextFor("Topic: a tiny library"), 9) as {
      ideas: Record<string, unknown>[];
    };
    expect(value.ideas).toHaveLength(3);
    for (const idea of value.ideas) {
      expect((idea.title as string).length).toBeLessThanOrEqual(30);
      expect(["S", "M", "L"]).toContain(idea.effort);
      expect(
        Number.isInteger(idea.score) && (idea.score as number) >= 1 && (idea.score as number) <= 5,
      ).toBe(true);
      expect(idea.confidence).toBeGreaterThanOrEqual(0);
      expect(idea.confidence).toBeLessThanOrEqual(1);
      expect(typeof idea.risky).toBe("boolean");
      expect(typeof idea.note).toBe("string");
      expect(idea.owner).toEqual({ name: expect.any(String) });
      expect(idea.tags).toHaveLength(2);
      expect(idea.firstSteps).toHaveLength(4);
      for (const step of idea.firstSteps as string[])
        expect(step.length).toBeGreaterThanOrEqual(10);
    }
  });

  it("uses the requested count when the schema leaves it open and clamps it to the bounds", () => {
    const list = (min?: number, max?: number) => ({
      type: "object",
      properties: {
        ideas: {
          type: "array",
          minItems: min,
          maxItems: max,
          items: { type: "object", properties: { title: { type: "string" } } },
        },
      },
    });
    const count = (schema: object, wanted: number) =>
      (
        valueFromSchema(schema as Record<string, unknown>, contextFor("x"), wanted) as {
          ideas: unknown[];
        }
      ).ideas.length;
    expect(count(list(), 7)).toBe(7);
    expect(count(list(2, 4), 7)).toBe(4);
    expect(count(list(6), 2)).toBe(6);
  });
});

describe("deltas and tokens", () => {
  it("splits text into small deltas that reassemble exactly", () => {
    const text =
      '{"ideas":[{"title":"Zero-Waste Café 🌱","pitch":"Extraordinarily-long-hyphenated words too."}]}';
    const deltas = splitIntoDeltas(text);
    expect(deltas.join("")).toBe(text);
    expect(deltas.length).toBeGreaterThan(15);
    expect(Math.max(...deltas.map((d) => d.length))).toBeLessThanOrEqual(12);
  });

  it("counts tokens with the app's estimator and truncates to the longest prefix that fits", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("abcde")).toBe(2);
    expect(truncateToTokens("a".repeat(100), 10)).toEqual({
      text: "a".repeat(40),
      truncated: true,
      tokens: 10,
    });
    expect(truncateToTokens("abc", null)).toEqual({ text: "abc", truncated: false, tokens: 1 });
    // Non-ASCII code points count one token each, and a surrogate pair is never split.
    expect(truncateToTokens("ab😀😀cd", 2)).toEqual({ text: "ab😀", truncated: true, tokens: 2 });
  });
});
