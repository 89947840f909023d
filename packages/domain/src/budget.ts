// The global monthly AI budget: whether a plan may use AI right now (kill switch, budget
// pause) and which alert thresholds a new month-to-date spend has just crossed.
import type { AppConfig, PlanId } from "./config.js";

export type AiAvailability = { ok: true } | { ok: false; kind: "ai-paused" | "budget-exhausted" };

/** Whether `plan` may call the model, given the config and the month's spend so far. */
export function aiAvailability(input: {
  config: Pick<AppConfig, "aiPaused" | "monthlyBudgetUsd" | "pauseFreeAtBudget">;
  plan: PlanId;
  monthSpentUsd: number;
}): AiAvailability {
  const { config, plan, monthSpentUsd } = input;
  if (config.aiPaused) return { ok: false, kind: "ai-paused" };
  // A budget of 0 means "not set": it never pauses anything.
  const overBudget = config.monthlyBudgetUsd > 0 && monthSpentUsd >= config.monthlyBudgetUsd;
  if (overBudget && config.pauseFreeAtBudget && plan === "free") {
    return { ok: false, kind: "budget-exhausted" };
  }
  return { ok: true };
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
