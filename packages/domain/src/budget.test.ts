import { describe, expect, it } from "vitest";
import {
  aiAvailability,
  configForMode,
  crossedBudgetThresholds,
  degradeModelOf,
} from "./budget.js";
import { DEFAULT_APP_CONFIG, DEGRADE_ACTIONS } from "./config.js";

const config = { ...DEFAULT_APP_CONFIG, monthlyBudgetUsd: 100 };

describe("aiAvailability", () => {
  const at = (
    degradeAction: (typeof DEGRADE_ACTIONS)[number],
    plan: "free" | "pro",
    monthSpentUsd: number,
  ) => aiAvailability({ config: { ...config, degradeAction }, plan, monthSpentUsd });

  it("stops everyone when AI is paused", () => {
    const paused = { ...config, aiPaused: true };
    expect(aiAvailability({ config: paused, plan: "pro", monthSpentUsd: 0 })).toEqual({
      ok: false,
      kind: "ai-paused",
    });
  });

  it("answers everyone as usual below the budget, whatever the degrade action", () => {
    for (const action of DEGRADE_ACTIONS) {
      expect(at(action, "free", 99.99)).toEqual({ ok: true, mode: "normal" });
    }
  });

  it("refuses free users at the budget under pause-free", () => {
    expect(at("pause-free", "free", 100)).toEqual({ ok: false, kind: "budget-exhausted" });
  });

  it("degrades free users at the budget to the cheaper model or the cache", () => {
    expect(at("cheaper-model", "free", 100)).toEqual({ ok: true, mode: "cheaper-model" });
    expect(at("cache-only", "free", 150)).toEqual({ ok: true, mode: "cache-only" });
    expect(at("none", "free", 150)).toEqual({ ok: true, mode: "normal" });
  });

  it("never degrades pro users", () => {
    for (const action of DEGRADE_ACTIONS) {
      expect(at(action, "pro", 150)).toEqual({ ok: true, mode: "normal" });
    }
  });

  it("lifts the degrade when the budget is raised above the spend", () => {
    const raised = { ...config, monthlyBudgetUsd: 200 };
    expect(aiAvailability({ config: raised, plan: "free", monthSpentUsd: 150 })).toEqual({
      ok: true,
      mode: "normal",
    });
  });

  it("treats a budget of 0 as not set", () => {
    expect(
      aiAvailability({
        config: { ...config, monthlyBudgetUsd: 0 },
        plan: "free",
        monthSpentUsd: 5,
      }),
    ).toEqual({ ok: true, mode: "normal" });
  });
});

describe("configForMode", () => {
  it("gives the cheaper model the primary's place under cheaper-model only", () => {
    expect(configForMode(config, "cheaper-model").models.primary).toBe("gpt-5.4-nano");
    const chosen = { ...config, degradeModel: "gpt-6-luna" };
    expect(configForMode(chosen, "cheaper-model").models.primary).toBe("gpt-6-luna");
    expect(configForMode(config, "normal")).toBe(config);
    expect(configForMode(config, "cache-only")).toBe(config);
  });

  it("defaults the degrade model to the configured fallback", () => {
    const models = { ...config.models, fallback: "gpt-6-luna" };
    expect(degradeModelOf({ degradeModel: null, models })).toBe("gpt-6-luna");
  });
});

describe("crossedBudgetThresholds", () => {
  const thresholds = [0.5, 0.8, 1];

  it("reports each threshold once, when spend crosses it", () => {
    expect(
      crossedBudgetThresholds({ beforeUsd: 49, afterUsd: 50, budgetUsd: 100, thresholds }),
    ).toEqual([0.5]);
    expect(
      crossedBudgetThresholds({ beforeUsd: 50, afterUsd: 51, budgetUsd: 100, thresholds }),
    ).toEqual([]);
  });

  it("reports several thresholds crossed by one large request", () => {
    expect(
      crossedBudgetThresholds({ beforeUsd: 10, afterUsd: 120, budgetUsd: 100, thresholds }),
    ).toEqual(thresholds);
  });

  it("reports nothing without a budget", () => {
    expect(
      crossedBudgetThresholds({ beforeUsd: 0, afterUsd: 10, budgetUsd: 0, thresholds }),
    ).toEqual([]);
  });
});
