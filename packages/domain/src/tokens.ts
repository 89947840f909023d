// Token estimates for when a provider omits usage, and for sizing quota holds before a call.
// Deliberately conservative: ASCII text at ~4 characters per token, other code points at 1.

/** Fixed per-request framing the provider adds around instructions and input. */
export const PROMPT_OVERHEAD_TOKENS = 12;

/** Approximate tokens in `text`: 0 only for "", otherwise at least 1. */
export function estimateTokens(text: string): number {
  if (text.length === 0) return 0;
  let ascii = 0;
  let other = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) ascii++;
    else other++;
  }
  return Math.max(1, Math.ceil(ascii / 4 + other));
}

/** Approximate input tokens of a prompt (instructions + input + framing). */
export function estimatePromptTokens(prompt: { instructions: string; input: string }): number {
  return (
    estimateTokens(prompt.instructions) + estimateTokens(prompt.input) + PROMPT_OVERHEAD_TOKENS
  );
}
