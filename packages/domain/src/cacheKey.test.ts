import { describe, expect, it } from "vitest";
import { isCacheable, normalizeBrief, personalContext, sparkCacheKey } from "./cacheKey.js";
import { sha256Hex } from "./hash.js";

const key = (
  brief: Parameters<typeof normalizeBrief>[0],
  model = "gpt-4.1-mini",
  promptVersion = "spark-v1",
) => sparkCacheKey({ model, promptVersion, brief });

describe("sha256Hex", () => {
  it("matches the published SHA-256 test vector", async () => {
    expect(await sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("hashes the UTF-8 bytes of non-ASCII text", async () => {
    expect(await sha256Hex("é")).not.toBe(await sha256Hex("e\u0301".normalize("NFD")));
  });
});

describe("normalizeBrief", () => {
  it("trims, collapses whitespace, lowercases and applies defaults", () => {
    expect(normalizeBrief({ topic: "  Podcast   IDEAS\n for\tteens " })).toEqual({
      audience: "",
      constraints: "",
      count: 5,
      tone: "practical",
      topic: "podcast ideas for teens",
    });
  });

  it("folds look-alike Unicode forms", () => {
    expect(normalizeBrief({ topic: "ＡＩ tools" }).topic).toBe("ai tools");
  });
});

describe("sparkCacheKey", () => {
  it("is a 64-character hex digest", async () => {
    expect(await key({ topic: "podcast ideas" })).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is the same under whitespace, case, key order and explicit defaults", async () => {
    const base = await key({ topic: "Podcast ideas", audience: "teens" });
    expect(await key({ audience: " Teens ", topic: "podcast   ideas" })).toBe(base);
    expect(
      await key({ topic: "PODCAST IDEAS", audience: "teens", count: 5, tone: "practical" }),
    ).toBe(base);
  });

  it("differs when the model, prompt version, count, tone or text changes", async () => {
    const base = await key({ topic: "podcast ideas" });
    const variants = await Promise.all([
      key({ topic: "podcast ideas" }, "gpt-4.1-nano"),
      key({ topic: "podcast ideas" }, "gpt-4.1-mini", "spark-v2"),
      key({ topic: "podcast ideas", count: 6 }),
      key({ topic: "podcast ideas", tone: "bold" }),
      key({ topic: "podcast idea" }),
      key({ topic: "podcast ideas", audience: "teens" }),
    ]);
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it("cannot be confused by moving text between fields", async () => {
    expect(await key({ topic: "abc", audience: "def" })).not.toBe(await key({ topic: "abc def" }));
  });
});

describe("isCacheable", () => {
  it.each([
    "Blog post ideas for a bakery",
    "Team offsite activities for remote engineers",
    "AI side projects for B2B SaaS founders in the UK",
    "Ideas for a podcast. Focus on history.",
    "Marketing for a US startup",
  ])("shares a generic brief: %s", (topic) => {
    expect(personalContext({ topic })).toBeNull();
    expect(isCacheable({ topic })).toBe(true);
  });

  it.each([
    ["Gift ideas for my mom", "first-person"],
    ["What should I build next", "first-person"],
    ["Things we're launching", "first-person"],
    ["Ideas that help us grow", "first-person"],
    ["Birthday gift for Sarah", "name"],
    ["Reply to jane.doe@example.com", "email"],
    ["Improve https://shop.example.com/p?id=42", "url"],
    ["Improve www.example.com", "url"],
    ["Promote @janedoe on video apps", "handle"],
    ["Call +1 (555) 123-4567 about leads", "phone"],
    ["Offers for customer 123456", "number"],
  ])("keeps %s out of the cache (%s)", (topic, reason) => {
    expect(personalContext({ topic })).toBe(reason);
    expect(isCacheable({ topic })).toBe(false);
  });

  it("never caches a brief with constraints", () => {
    expect(personalContext({ topic: "Blog post ideas", constraints: "under $100" })).toBe(
      "constraints",
    );
    expect(isCacheable({ topic: "Blog post ideas", constraints: "   " })).toBe(true);
  });

  it("checks the audience as well as the topic", () => {
    expect(personalContext({ topic: "Blog post ideas", audience: "my readers" })).toBe(
      "first-person",
    );
    expect(personalContext({ topic: "Blog post ideas", audience: "readers of Tom" })).toBe("name");
  });

  it("does not cache long, situational topics", () => {
    expect(personalContext({ topic: "a".repeat(161) })).toBe("long-topic");
    expect(isCacheable({ topic: "a".repeat(160) })).toBe(true);
  });

  it("does not mistake words containing 'i' or 'us' for first person", () => {
    expect(isCacheable({ topic: "Music business ideas, i.e. side income" })).toBe(true);
  });
});
