// The prompt-prefix cache behind usage.input_tokens_details.cached_tokens: like OpenAI's, a
// prompt reuses the longest prefix it shares with a recent prompt to the same model, counted
// in whole 128-token blocks and only from 1024 tokens on (lowerable for tests).
import { estimateTokens } from "./tokens.js";

export const CACHE_BLOCK_TOKENS = 128;
export const DEFAULT_CACHE_MIN_TOKENS = 1024;
export const CACHE_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 500;

interface Entry {
  model: string;
  text: string;
  at: number;
}

export class PromptCache {
  private entries: Entry[] = [];

  constructor(
    private readonly minTokens = DEFAULT_CACHE_MIN_TOKENS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Cached tokens for this prompt (0 or a multiple of 128, ≥ the minimum), then remembers it. */
  use(model: string, text: string, promptTokens: number): number {
    const now = this.now();
    this.entries = this.entries.filter((entry) => now - entry.at < CACHE_TTL_MS);
    const cached = promptTokens < this.minTokens ? 0 : this.hit(model, text, promptTokens);
    this.entries.push({ model, text, at: now });
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    return cached;
  }

  /** Forgets every prompt; returns how many were remembered. */
  clear(): number {
    const count = this.entries.length;
    this.entries = [];
    return count;
  }

  private hit(model: string, text: string, promptTokens: number): number {
    let longest = 0;
    for (const entry of this.entries) {
      if (entry.model === model) longest = Math.max(longest, commonPrefixLength(entry.text, text));
    }
    const prefixTokens = Math.min(estimateTokens(text.slice(0, longest)), promptTokens);
    const blocks = Math.floor(prefixTokens / CACHE_BLOCK_TOKENS) * CACHE_BLOCK_TOKENS;
    return blocks >= this.minTokens ? blocks : 0;
  }
}

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
