import { describe, expect, it } from "vitest";
import { IdeaStreamError, createIdeaStreamParser } from "./ideaStream.js";
import type { Idea } from "./spark.js";

const ideas: Idea[] = [
  {
    title: 'The "Quiet" Café — {braces} & [brackets]',
    pitch: 'A tool for naïve users: 🚀 launches,\nback\\slashes and "quotes".',
    whyItWorks: 'Contains the word "ideas": [{"title":"not an idea"}] inside a string.',
    effort: "low",
    firstSteps: ["Sketch it", "Ask 5 people 🙋‍♀️"],
  },
  {
    title: "Second",
    pitch: "Unicode escapes survive: é, 日本, 🎉.",
    whyItWorks: "Tabs\tand newlines\nare fine.",
    effort: "high",
    firstSteps: ["One"],
  },
  { title: "Third", pitch: "Short.", whyItWorks: "Because.", effort: "medium", firstSteps: ["Go"] },
];

// Pretty-printed, with non-ASCII written as \u escapes so splits can fall inside them.
const asciiJson = (value: unknown) =>
  JSON.stringify(value, null, 2).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
const FULL = asciiJson({ ideas });
const RAW = JSON.stringify({ ideas });

function feed(parts: readonly string[]): Idea[] {
  const parser = createIdeaStreamParser();
  return parts.flatMap((part) => parser.push(part));
}

// A small deterministic PRNG (mulberry32) so random splits are reproducible.
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomSplit(text: string, random: () => number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length;) {
    const size = 1 + Math.floor(random() * 12);
    parts.push(text.slice(i, i + size));
    i += size;
  }
  return parts;
}

describe("createIdeaStreamParser", () => {
  it("yields the same ideas fed one character (UTF-16 unit) at a time as parsed whole", () => {
    expect(feed([...FULL].flatMap((c) => c.split("")))).toEqual(ideas);
    expect(feed(RAW.split(""))).toEqual(ideas);
  });

  it("yields the same ideas for many random splits, through escapes and surrogate pairs", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const text = seed % 2 ? FULL : RAW;
      expect(feed(randomSplit(text, seeded(seed)))).toEqual(ideas);
    }
  });

  it("hands out each idea as soon as its closing brace arrives", () => {
    const parser = createIdeaStreamParser();
    const first = JSON.stringify(ideas[0]);
    const end = RAW.indexOf(first) + first.length; // just after the first idea's "}"
    expect(parser.push(RAW.slice(0, end - 1))).toEqual([]);
    expect(parser.push(RAW.slice(end - 1, end))).toEqual([ideas[0]]);
    expect(parser.count).toBe(1);
    expect(parser.push(RAW.slice(end))).toEqual(ideas.slice(1));
    expect(parser.count).toBe(3);
  });

  it("returns several ideas when one delta completes them", () => {
    expect(createIdeaStreamParser().push(RAW)).toEqual(ideas);
  });

  it("only reads the top-level ideas array", () => {
    const text = JSON.stringify({ meta: { ideas: [ideas[2]] }, ideas: [ideas[0]] });
    expect(feed(text.split(""))).toEqual([ideas[0]]);
  });

  it("decodes an escaped key name", () => {
    expect(feed([String.raw`{"ide\u0061s":[`, JSON.stringify(ideas[2]), "]}"])).toEqual([ideas[2]]);
  });

  it("rejects prose instead of JSON at once", () => {
    const parser = createIdeaStreamParser();
    expect(() => parser.push("Sure! Here are")).toThrow(IdeaStreamError);
  });

  it("rejects mismatched brackets and text after the answer", () => {
    expect(() => feed(['{"ideas":[}'])).toThrow(/unexpected "}"/);
    expect(() => feed([RAW, " {}"])).toThrow(/after the end/);
  });

  it("throws invalid-idea as soon as a finished idea breaks the schema", () => {
    const parser = createIdeaStreamParser();
    const bad = { ...ideas[2], effort: "tiny" };
    try {
      parser.push(`{"ideas":[${JSON.stringify(bad)}`);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IdeaStreamError);
      expect((error as IdeaStreamError).kind).toBe("invalid-idea");
      expect((error as IdeaStreamError).message).toMatch(
        /^Idea 1 is invalid: effort must be one of/,
      );
    }
  });
});

describe("finish", () => {
  const kindOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error instanceof IdeaStreamError ? error.kind : "other";
    }
    return "none";
  };

  it("returns the full validated list, from the pushed text or the given text", () => {
    const parser = createIdeaStreamParser();
    parser.push(FULL);
    expect(parser.finish()).toEqual(ideas);
    expect(createIdeaStreamParser().finish(RAW, 3)).toEqual(ideas);
  });

  it("reports truncated output", () => {
    for (const cut of [0, 1, 15, RAW.length / 2, RAW.length - 1]) {
      expect(kindOf(() => createIdeaStreamParser().finish(RAW.slice(0, cut)))).toBe("truncated");
    }
  });

  it("reports malformed output", () => {
    const parser = createIdeaStreamParser();
    expect(kindOf(() => parser.finish('{"ideas":[1,]}'))).toBe("malformed");
    expect(kindOf(() => parser.finish("Here you go"))).toBe("malformed");
    expect(kindOf(() => parser.finish(`${RAW}]`))).toBe("malformed");
  });

  it("reports an answer that does not match the schema", () => {
    const parser = createIdeaStreamParser();
    expect(kindOf(() => parser.finish('{"ideas":[{"title":"x"}]}'))).toBe("invalid-idea");
    expect(kindOf(() => parser.finish('{"ideas":[],"extra":1}'))).toBe("invalid-idea");
    expect(kindOf(() => parser.finish("[]"))).toBe("invalid-idea");
  });

  it("reports a list of the wrong length when a count is expected", () => {
    expect(kindOf(() => createIdeaStreamParser().finish(RAW, 5))).toBe("wrong-count");
  });
});
