import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  codePointLength,
  findForbiddenKey,
  safeRecord,
  strictObject,
  safeText,
  textProblem,
  wholeNumber,
} from "./fields.js";

const messages = (result: { success: boolean; error?: z.ZodError }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("codePointLength", () => {
  it("counts an emoji as one character", () => {
    expect(codePointLength("👍")).toBe(1);
    expect("👍".length).toBe(2);
  });

  it("counts a lone surrogate as one character", () => {
    expect(codePointLength("a\ud800b")).toBe(3);
  });
});

describe("textProblem", () => {
  const rules = { min: 3, max: 5 };

  it("accepts text exactly at both limits", () => {
    expect(textProblem("name", "abc", rules)).toBeNull();
    expect(textProblem("name", "abcde", rules)).toBeNull();
  });

  it("names the field and the limit that was broken", () => {
    expect(textProblem("name", "ab", rules)).toBe("name must be at least 3 characters");
    expect(textProblem("name", "abcdef", rules)).toBe("name must be at most 5 characters");
    expect(textProblem("name", "", { min: 1, max: 5 })).toBe("name must not be empty");
  });

  it("measures length in code points, so 5 emoji fit in 5 characters", () => {
    expect(textProblem("name", "🚀🚀🚀🚀🚀", rules)).toBeNull();
    expect(textProblem("name", "🚀🚀🚀🚀🚀🚀", rules)).toBe("name must be at most 5 characters");
  });

  it("refuses huge strings without scanning them", () => {
    expect(textProblem("name", "a".repeat(1_000_000), rules)).toBe(
      "name must be at most 5 characters",
    );
  });

  it("refuses lone surrogates but accepts proper pairs", () => {
    expect(textProblem("name", "ab\ud83d", rules)).toMatch(/lone surrogate/);
    expect(textProblem("name", "\ude80ab", rules)).toMatch(/lone surrogate/);
    expect(textProblem("name", "ab\ud83d\ude80", rules)).toBeNull();
  });

  it("refuses control characters and names their code point", () => {
    expect(textProblem("name", "a\u0000b", rules)).toBe(
      "name contains a control character (U+0000)",
    );
    expect(textProblem("name", "a\u007fb", rules)).toMatch(/U\+007F/);
    expect(textProblem("name", "a\u009fb", rules)).toMatch(/U\+009F/);
  });

  it("allows line breaks and tabs only in multiline text", () => {
    expect(textProblem("name", "a\nbc", rules)).toBe("name must be a single line");
    expect(textProblem("name", "a\tbc", rules)).toMatch(/U\+0009/);
    expect(textProblem("name", "a\nb\tc", { ...rules, multiline: true })).toBeNull();
    expect(textProblem("name", "a\u000bbc", { ...rules, multiline: true })).toMatch(/U\+000B/);
  });

  it("asks visible text to contain a letter, number or symbol", () => {
    const visible = { ...rules, visible: true };
    expect(textProblem("name", "\u200b\u200b\u200b", visible)).toMatch(/letters, numbers/);
    expect(textProblem("name", "🎂🎁🎉", visible)).toBeNull();
    expect(textProblem("name", "été", visible)).toBeNull();
  });
});

describe("safeText", () => {
  const schema = safeText("title", { min: 3, max: 5 });

  it("trims before measuring", () => {
    expect(schema.parse("  abc  ")).toBe("abc");
    expect(messages(schema.safeParse("  ab   "))).toEqual(["title must be at least 3 characters"]);
  });

  it("says whether the value is missing or of the wrong type", () => {
    expect(messages(schema.safeParse(undefined))).toEqual(["title is required"]);
    expect(messages(schema.safeParse(12345))).toEqual(["title must be text"]);
  });

  it("normalises Windows line breaks in multiline text", () => {
    expect(safeText("body", { max: 10, multiline: true }).parse("a\r\nb\rc")).toBe("a\nb\nc");
  });
});

describe("wholeNumber", () => {
  const schema = wholeNumber("count", { min: 1, max: 10 });

  it("accepts the limits and refuses just outside them", () => {
    expect(schema.parse(1)).toBe(1);
    expect(schema.parse(10)).toBe(10);
    expect(messages(schema.safeParse(0))).toEqual(["count must be at least 1"]);
    expect(messages(schema.safeParse(11))).toEqual(["count must be at most 10"]);
  });

  it("refuses fractions, NaN, Infinity and numeric strings", () => {
    expect(messages(schema.safeParse(2.5))).toEqual(["count must be a whole number"]);
    expect(schema.safeParse(Number.NaN).success).toBe(false);
    expect(schema.safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
    expect(messages(schema.safeParse("5"))).toEqual(["count must be a number"]);
  });
});

describe("strictObject", () => {
  const schema = strictObject("thing", { a: z.string() });

  it("names unknown fields", () => {
    expect(messages(schema.safeParse({ a: "x", b: 1, c: 2 }))).toEqual(['unknown fields "b", "c"']);
  });

  it("calls out a JSON __proto__ key as reserved", () => {
    const parsed: unknown = JSON.parse('{"a":"x","__proto__":{"polluted":true}}');
    expect(messages(schema.safeParse(parsed))).toEqual([
      '"__proto__" is not allowed (reserved key)',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("says when the object is missing or not an object", () => {
    expect(messages(schema.safeParse(undefined))).toEqual(["thing is required"]);
    expect(messages(schema.safeParse("x"))).toEqual(["thing must be an object"]);
  });
});

describe("findForbiddenKey", () => {
  it("finds prototype-polluting keys at any depth", () => {
    expect(findForbiddenKey(JSON.parse('{"a":{"b":{"__proto__":{}}}}'))).toBe("a.b.__proto__");
    expect(findForbiddenKey({ list: [{ constructor: 1 }] })).toBe("list.0.constructor");
    expect(findForbiddenKey({ a: { prototype: 1 } })).toBe("a.prototype");
  });

  it("finds nothing in ordinary data", () => {
    expect(findForbiddenKey({ a: [1, { b: "constructor" }] })).toBeNull();
    expect(findForbiddenKey("text")).toBeNull();
  });
});

describe("safeRecord", () => {
  const schema = safeRecord("holds", z.number());

  it("refuses a map carrying __proto__ instead of silently dropping it", () => {
    const result = schema.safeParse(JSON.parse('{"__proto__":1,"ok":2}'));
    expect(messages(result)).toEqual(['holds: "__proto__" is not allowed']);
  });

  it("accepts an ordinary map", () => {
    expect(schema.parse({ a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
  });
});
