import { sampleIdea } from "@ideaspark/domain/testing";
import { describe, expect, it } from "vitest";
import { counter, EMPTY_FORM, moreLikeThis, restOfBrief, parseBriefForm } from "./briefForm";

const form = (values: Partial<typeof EMPTY_FORM>) => ({ ...EMPTY_FORM, ...values });

describe("brief form validation (the domain SparkBrief schema)", () => {
  it("asks for a topic of at least 3 characters", () => {
    expect(parseBriefForm(form({ topic: "ab" })).errors).toEqual({
      topic: "Topic must be at least 3 characters.",
    });
    expect(parseBriefForm(form({ topic: "   " })).errors?.topic).toBe(
      "Topic must be at least 3 characters.",
    );
  });

  it("names every field that is wrong, once each", () => {
    const { errors } = parseBriefForm(
      form({ topic: "x".repeat(501), audience: "a".repeat(201), count: "11" }),
    );
    expect(errors).toEqual({
      topic: "Topic must be at most 500 characters.",
      audience: "Audience must be at most 200 characters.",
      count: "Count must be at most 10.",
    });
  });

  it("refuses an empty or fractional number of ideas", () => {
    expect(parseBriefForm(form({ topic: "Gifts", count: "" })).errors?.count).toBe(
      "Count must be a number.",
    );
    expect(parseBriefForm(form({ topic: "Gifts", count: "2.5" })).errors?.count).toBe(
      "Count must be a whole number.",
    );
  });

  it("returns the parsed brief with blank optional fields dropped", () => {
    const parsed = parseBriefForm(form({ topic: "  Team offsite themes ", count: "3" }));
    expect(parsed.brief).toEqual({ topic: "Team offsite themes", count: 3, tone: "practical" });
  });

  it("counts characters as the schema does (trimmed code points)", () => {
    expect(counter(" 👍👍 ", 500)).toBe("2 / 500");
  });
});

describe("more like this", () => {
  it("builds a brief from the idea's title and the original topic, keeping audience and tone", () => {
    const brief = {
      topic: "Bakery launch",
      audience: "Neighbours",
      count: 4,
      tone: "bold" as const,
    };
    expect(moreLikeThis(sampleIdea, brief)).toEqual({
      topic: `${sampleIdea.title} — Bakery launch`,
      audience: "Neighbours",
      constraints: "",
      count: "4",
      tone: "bold",
    });
  });

  it("keeps the derived topic within the limit", () => {
    const brief = { topic: "t".repeat(500), count: 5 };
    const derived = moreLikeThis(sampleIdea, brief);
    expect(parseBriefForm(derived).errors).toBeNull();
  });
});

describe("ask for the rest", () => {
  it("asks the same brief again for only the ideas a partial answer lacked", () => {
    const brief = {
      topic: "Bakery launch",
      audience: "Neighbours",
      constraints: "No budget",
      count: 5,
      tone: "playful" as const,
    };
    expect(restOfBrief(brief, 2)).toEqual({
      topic: "Bakery launch",
      audience: "Neighbours",
      constraints: "No budget",
      count: "3",
      tone: "playful",
    });
  });

  it("never asks for fewer than one idea", () => {
    expect(restOfBrief({ topic: "Bakery launch", count: 2 }, 2).count).toBe("1");
  });
});
