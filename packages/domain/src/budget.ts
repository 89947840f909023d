// The global monthly AI budget: whether a plan may use AI right now (kill switch, and what the
// configured degrade action does to free users once the budget is spent) and which alert
// thresholds a month-to-date spend has crossed.
import type { AppConfig, PlanId } from "./config.js";

/** How a request may be answered: as usual, by the cheaper model, or only from the cache. */
export type AiMode = "normal" | "cheaper-model" | "cache-only";

export type AiAvailability =
  { ok: true; mode: AiMode } | { ok: false; kind: "ai-paused" | "budget-exhausted" };

/**
 * Whether `plan` may call the model, and how, given the config and the month's spend so far.
 * Computed on every request from the current budget and spend, so the degrade lifts by itself
 * when the budget is raised or a new month starts. Pro users are never degraded.
 */
export function aiAvailability(input: {
  config: Pick<AppConfig, "aiPaused" | "monthlyBudgetUsd" | "degradeAction">;
  plan: PlanId;
  monthSpentUsd: number;
}): AiAvailability {
  const { config, plan, monthSpentUsd } = input;
  if (config.aiPaused) return { ok: false, kind: "ai-paused" };
  // A budget of 0 means "not set": it never degrades anything.
  const overBudget = config.monthlyBudgetUsd > 0 && monthSpentUsd >= config.monthlyBudgetUsd;
  if (!overBudget || plan !== "free") return { ok: true, mode: "normal" };
  switch (config.degradeAction) {
    case "pause-free":
      return { ok: false, kind: "budget-exhausted" };
    case "cheaper-model":
      return { ok: true, mode: "cheaper-model" };
    case "cache-only":
      return { ok: true, mode: "cache-only" };
    case "none":
      return { ok: true, mode: "normal" };
  }
}

/** The model free users get at the budget under "cheaper-model". */
export function degradeModelOf(config: Pick<AppConfig, "degradeModel" | "models">): string {
  return config.degradeModel ?? config.models.fallback;
}

/** The configuration one request runs with: under "cheaper-model" the degrade model writes. */
export function configForMode(config: AppConfig, mode: AiMode): AppConfig {
  if (mode !== "cheaper-model") return config;
  return { ...config, models: { ...config.models, primary: degradeModelOf(config) } };
}

/** Thresholds (fractions of the budget) crossed going from `beforeUsd` to `afterUsd`. */
export function crossedBudgetThresholds(input: {
  beforeUsd: number;
  afterUsd: number;
  budgetUsd: number;
  thresholds: readonly number[];
}): number[] {
  const { beforeUsd, afterUsd, budgetUsd, thresholds } = input;
  if (budgetUsd <= 0) return [];
  return thresholds.filter((t) => beforeUsd < t * budgetUsd && afterUsd >= t * budgetUsd);
}
