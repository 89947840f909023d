// The two ledgers of one request: what the provider billed (every attempt summed) and what
// the person is charged (the attempts whose ideas reached them, never above their hold).
import { costMicroUsd, type PricingTable } from "./pricing.js";
import type { AttemptRecord, ProviderUsage, UsageStatus } from "./usage.js";

/** The provider's bill for one call, priced from the table (a dated snapshot uses its alias). */
export function attemptCostUsd(
  attempt: Pick<AttemptRecord, "model" | "inputTokens" | "outputTokens" | "cachedInputTokens">,
  pricing: PricingTable,
): number {
  return costMicroUsd(attempt, pricing) / 1e6;
}

const micros = (usd: number) => Math.round(usd * 1e6);

/** Every attempt summed: tokens exactly, cost to the micro-dollar. */
export function providerTotals(attempts: readonly AttemptRecord[]): ProviderUsage {
  let inputTokens = 0;
  let outputTokens = 0;
  let cachedInputTokens = 0;
  let costMicro = 0;
  for (const attempt of attempts) {
    inputTokens += attempt.inputTokens;
    outputTokens += attempt.outputTokens;
    cachedInputTokens += attempt.cachedInputTokens;
    costMicro += micros(attempt.costUsd);
  }
  return { inputTokens, outputTokens, cachedInputTokens, costUsd: costMicro / 1e6 };
}

export interface Charge {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export const NO_CHARGE: Charge = { inputTokens: 0, outputTokens: 0, costUsd: 0 };

/**
 * What the person pays: the generation attempts that delivered ideas to them (the prompt and
 * what was written up to where the attempt ended, or up to where they left). Attempts that
 * delivered nothing, moderation and cache hits are the business's cost, not theirs. The charge
 * never exceeds `capTokens` (their hold: the worst case they were quoted), so concurrent
 * requests can never push a user past their limit; when capped, the cost is scaled with it.
 */
export function chargeFor(input: {
  status: UsageStatus;
  cached: boolean;
  attempts: readonly AttemptRecord[];
  capTokens: number;
  pricing: PricingTable;
}): Charge {
  if (input.cached || input.status === "pending") return NO_CHARGE;
  const delivered = input.attempts.filter((a) => a.kind === "generation" && a.ideas > 0);
  let inputTokens = 0;
  let outputTokens = 0;
  let costMicro = 0;
  for (const attempt of delivered) {
    const output = Math.min(attempt.outputTokens, attempt.deliveredOutputTokens ?? Infinity);
    inputTokens += attempt.inputTokens;
    outputTokens += output;
    costMicro +=
      output === attempt.outputTokens
        ? micros(attempt.costUsd)
        : partialCostMicros(attempt, output, input.pricing);
  }
  const total = inputTokens + outputTokens;
  const cap = Math.max(0, Math.floor(input.capTokens));
  if (total <= cap) return { inputTokens, outputTokens, costUsd: costMicro / 1e6 };
  // Over the hold: charge the hold, output trimmed first, cost in proportion (rounded down).
  const keptOutput = Math.min(outputTokens, Math.max(0, cap - inputTokens));
  const keptInput = cap - keptOutput;
  const scaled = Number((BigInt(costMicro) * BigInt(cap)) / BigInt(total));
  return { inputTokens: keptInput, outputTokens: keptOutput, costUsd: scaled / 1e6 };
}

/** The price of an attempt cut to `output` tokens; in proportion if its model has no price. */
function partialCostMicros(attempt: AttemptRecord, output: number, pricing: PricingTable): number {
  try {
    return costMicroUsd({ ...attempt, outputTokens: output }, pricing);
  } catch {
    const all = attempt.inputTokens + attempt.outputTokens;
    return all === 0
      ? 0
      : Math.floor((micros(attempt.costUsd) * (attempt.inputTokens + output)) / all);
  }
}
