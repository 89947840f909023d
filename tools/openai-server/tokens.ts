// Token accounting with the app's own estimator (@ideaspark/domain), so what this server
// reports and bills is exactly what IdeaSpark's ledger computes; also max_output_tokens cuts.
import { estimatePromptTokens, estimateTokens } from "@ideaspark/domain";

export { estimateTokens };

/** Input tokens of a request: the domain estimate of its instructions and input text. */
export function promptTokens(instructions: string, input: string): number {
  return estimatePromptTokens({ instructions, input });
}

export interface Truncation {
  text: string;
  truncated: boolean;
  tokens: number;
}

/** Cuts `text` to its longest prefix that fits in `maxTokens` (no limit when null). */
export function truncateToTokens(text: string, maxTokens: number | null): Truncation {
  const tokens = estimateTokens(text);
  if (maxTokens === null || tokens <= maxTokens) return { text, truncated: false, tokens };
  // Cut on code points so a surrogate pair is never split; the estimate grows with length.
  const points = Array.from(text);
  let fits = 0;
  let over = points.length;
  while (over - fits > 1) {
    const mid = Math.floor((fits + over) / 2);
    if (estimateTokens(points.slice(0, mid).join("")) <= maxTokens) fits = mid;
    else over = mid;
  }
  const cut = points.slice(0, fits).join("");
  return { text: cut, truncated: true, tokens: estimateTokens(cut) };
}
