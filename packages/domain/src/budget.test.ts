import { describe, expect, it } from "vitest";
import { aiAvailability, crossedBudgetThresholds } from "./budget.js";
import { DEFAULT_APP_CONFIG } from "./config.js";

const config = { ...DEFAULT_APP_CONFIG, monthlyBudgetUsd: 100 };

describe("aiAvailability", () => {
  it("stops everyone when AI is paused", () => {
    const paused = { ...config, aiPaused: true };
    expect(aiAvailability({ config: paused, plan: "pro", monthSpentUsd: 0 })).toEqual({
      ok: false,
      kind: "ai-paused",
    });
  });

  it("pauses only the free plan once the budget is spent, if so configured", () => {
    expect(aiAvailability({ config, plan: "free", monthSpentUsd: 99.99 })).toEqual({ ok: true });
    expect(aiAvailability({ config, plan: "free", monthSpentUsd: 100 })).toEqual({
      ok: false,
      kind: "budget-exhausted",
    });
    expect(aiAvailability({ config, plan: "pro", monthSpentUsd: 150 })).toEqual({ ok: true });
    const keepGoing = { ...config, pauseFreeAtBudget: false };
    expect(aiAvailability({ config: keepGoing, plan: "free", monthSpentUsd: 150 })).toEqual({
      ok: true,
    });
  });

  it("treats a budget of 0 as not set", () => {
    expect(
      aiAvailability({ config: { ...config, monthlyBudgetUsd: 0 }, plan: "free", monthSpentUsd: 5 })
        .ok,
    ).toBe(true);
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
