import { describe, expect, it } from "vitest";
import { PROMPT_OVERHEAD_TOKENS, estimatePromptTokens, estimateTokens } from "./tokens.js";

describe("estimateTokens", () => {
  it("is 0 only for empty text", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("a")).toBe(1);
    expect(estimateTokens(" ")).toBe(1);
  });

  it("counts about four ASCII characters per token, rounding up", () => {
    expect(estimateTokens("abcd")).toBe(1);
    expect(estimateTokens("abcde")).toBe(2);
    expect(estimateTokens("x".repeat(4_000))).toBe(1_000);
  });

  it("counts each non-ASCII code point as a token, so CJK and emoji are not underestimated", () => {
    expect(estimateTokens("你好世界")).toBe(4);
    expect(estimateTokens("🚀🚀")).toBe(2);
    expect(estimateTokens("café")).toBe(2);
  });

  it("adds framing overhead to a prompt's parts", () => {
    expect(estimatePromptTokens({ instructions: "abcd", input: "abcdefgh" })).toBe(
      3 + PROMPT_OVERHEAD_TOKENS,
    );
  });
});
