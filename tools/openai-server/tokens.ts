// Token accounting: the ~4-characters-per-token estimate used for usage numbers and for
// enforcing max_output_tokens.

export const CHARS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

export interface Truncation {
  text: string;
  truncated: boolean;
  tokens: number;
}

/** Cuts `text` so it fits in `maxTokens` (no limit when null). */
export function truncateToTokens(text: string, maxTokens: number | null): Truncation {
  const tokens = estimateTokens(text);
  if (maxTokens === null || tokens <= maxTokens) return { text, truncated: false, tokens };
  return { text: text.slice(0, maxTokens * CHARS_PER_TOKEN), truncated: true, tokens: maxTokens };
}
