// What a model call costs, from a pricing table in USD per 1M tokens. Sums are exact: prices
// become integer pico-dollars per token and the total is rounded once, half up, to micro-USD.
import { z } from "zod";

const perMTok = z.number().nonnegative().max(10_000);

/** A model's prices in USD per 1M tokens; cached input defaults to the input price. */
export const ModelPrice = z.object({
  inputPerMTok: perMTok,
  outputPerMTok: perMTok,
  cachedInputPerMTok: perMTok.optional(),
});
export type ModelPrice = z.infer<typeof ModelPrice>;

export type PricingTable = Readonly<Record<string, ModelPrice>>;

export interface TokenUsage {
  model: string;
  /** All input tokens, including `cachedInputTokens` (as OpenAI reports them). */
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens?: number;
}

/** Thrown when a model has no price: add it to `pricing` in config/app. */
export class UnknownModelError extends Error {
  override readonly name = "UnknownModelError";
  constructor(readonly model: string) {
    super(`No price for model "${model}": add it to pricing in config/app`);
  }
}

const SNAPSHOT_SUFFIX = /-\d{4}-\d{2}-\d{2}$/;

/** The price of `model`; a dated snapshot ("gpt-4.1-mini-2025-04-14") uses its base entry. */
export function priceFor(model: string, table: PricingTable): ModelPrice {
  const exact = Object.hasOwn(table, model) ? table[model] : undefined;
  if (exact) return exact;
  const base = model.replace(SNAPSHOT_SUFFIX, "");
  const snapshot = base !== model && Object.hasOwn(table, base) ? table[base] : undefined;
  if (snapshot) return snapshot;
  throw new UnknownModelError(model);
}

function tokenCount(name: string, value: number): bigint {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative whole number, got ${value}`);
  }
  return BigInt(value);
}

// USD per 1M tokens is micro-USD per token; ×1e6 makes it integer pico-USD per token.
function picoPerToken(usdPerMTok: number): bigint {
  return BigInt(Math.round(usdPerMTok * 1e6));
}

/** Cost in whole micro-dollars (1e-6 USD), rounded half up. */
export function costMicroUsd(usage: TokenUsage, table: PricingTable): number {
  const price = priceFor(usage.model, table);
  const input = tokenCount("inputTokens", usage.inputTokens);
  const output = tokenCount("outputTokens", usage.outputTokens);
  const cached = tokenCount("cachedInputTokens", usage.cachedInputTokens ?? 0);
  if (cached > input) throw new RangeError("cachedInputTokens cannot exceed inputTokens");
  const pico =
    (input - cached) * picoPerToken(price.inputPerMTok) +
    cached * picoPerToken(price.cachedInputPerMTok ?? price.inputPerMTok) +
    output * picoPerToken(price.outputPerMTok);
  return Number((pico + 500_000n) / 1_000_000n);
}

/** Cost in USD, exact to the micro-dollar (no float drift: 0.000494, not 0.00049400000001). */
export function costUsd(usage: TokenUsage, table: PricingTable): number {
  return costMicroUsd(usage, table) / 1e6;
}

/** Adds USD amounts without float drift, rounding each to the micro-dollar. */
export function sumUsd(amounts: readonly number[]): number {
  return amounts.reduce((sum, amount) => sum + Math.round(amount * 1e6), 0) / 1e6;
}

const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const micros = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 6,
});

/** "$1,234.50"; amounts under a cent keep up to 6 decimals ("$0.000494") so they don't read $0. */
export function formatUsd(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`formatUsd needs a finite amount`);
  return Math.abs(amount) >= 0.01 || amount === 0 ? cents.format(amount) : micros.format(amount);
}
