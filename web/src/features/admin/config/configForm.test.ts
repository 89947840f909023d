import { DEFAULT_APP_CONFIG } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import { fromFormValues, readNumber, toFormValues, type ConfigFormValues } from "./configForm";

const base = DEFAULT_APP_CONFIG;

function edited(change: (values: ConfigFormValues) => void): ConfigFormValues {
  const values = toFormValues(base);
  change(values);
  return values;
}

describe("config form", () => {
  it("gives back the loaded configuration unchanged when nothing is edited", () => {
    expect(fromFormValues(toFormValues(base), base)).toEqual({ config: base, errors: null });
  });

  it("shows thresholds and the error-rate spike in percent and reads them back as fractions", () => {
    const values = toFormValues(base);
    expect(values.text.budgetAlertThresholds).toBe("50, 80, 100");
    expect(values.text["alerts.errorRateSpike"]).toBe("20");
    values.text.budgetAlertThresholds = "25, 75, 110";
    values.text.monthlyBudgetUsd = "1,250.5";
    const result = fromFormValues(values, base);
    expect(result.config?.budgetAlertThresholds).toEqual([0.25, 0.75, 1.1]);
    expect(result.config?.monthlyBudgetUsd).toBe(1250.5);
  });

  it("says which fields are not numbers before checking anything else", () => {
    const result = fromFormValues(
      edited((values) => {
        values.text.monthlyBudgetUsd = "a lot";
        values.text["plans.pro.priceUsd"] = "";
        values.text.budgetAlertThresholds = "50, eighty";
      }),
      base,
    );
    expect(result.errors).toEqual({
      monthlyBudgetUsd: "Enter a number, e.g. 12.5",
      "plans.pro.priceUsd": "Enter a number, e.g. 12.5",
      budgetAlertThresholds: "Write percentages separated by commas, e.g. 50, 80, 100",
    });
  });

  it("reports the domain's limits at each field, in percent for percent fields", () => {
    const result = fromFormValues(
      edited((values) => {
        values.text.requestsPerMinute = "0";
        values.text["plans.free.monthlyTokens"] = "10.5";
        values.text.monthlyBudgetUsd = "-5";
        values.text.budgetAlertThresholds = "80, 50, 300";
      }),
      base,
    );
    expect(result.errors).toMatchObject({
      requestsPerMinute: "must be at least 1",
      "plans.free.monthlyTokens": "must be a whole number",
      monthlyBudgetUsd: "must be at least 0",
      budgetAlertThresholds: "must be at most 200%",
    });
  });

  it("refuses thresholds that do not increase", () => {
    const result = fromFormValues(
      edited((values) => (values.text.budgetAlertThresholds = "80, 50")),
      base,
    );
    expect(result.errors).toEqual({ budgetAlertThresholds: "must be strictly increasing" });
  });

  it("points a model without a price at the pricing table", () => {
    const result = fromFormValues(
      edited((values) => (values.text["models.moderation"] = "moderation-next")),
      base,
    );
    expect(result.errors).toEqual({ pricing: "has no price for moderation-next" });
  });

  it("checks each price row: names present and unique, prices numbers and not negative", () => {
    const result = fromFormValues(
      edited((values) => {
        values.pricing.push(
          { model: "", inputPerMTok: "1", cachedInputPerMTok: "", outputPerMTok: "1" },
          { model: "gpt-6-luna", inputPerMTok: "1", cachedInputPerMTok: "", outputPerMTok: "1" },
        );
        values.pricing[1]!.outputPerMTok = "cheap";
      }),
      base,
    );
    expect(result.errors).toEqual({
      "pricing.3.model": "Enter the model's name",
      "pricing.4.model": "gpt-6-luna is priced twice",
      "pricing.1.outputPerMTok": "Enter a number, e.g. 12.5",
    });
    const negative = fromFormValues(
      edited((values) => (values.pricing[0]!.inputPerMTok = "-1")),
      base,
    );
    expect(negative.errors).toEqual({ "pricing.0.inputPerMTok": "must be at least 0" });
  });

  it("saves a new model's price, the degrade action and the kill switch", () => {
    const result = fromFormValues(
      edited((values) => {
        values.pricing.push({
          model: "gpt-6-sol",
          inputPerMTok: "0.05",
          cachedInputPerMTok: "",
          outputPerMTok: "0.25",
        });
        values.aiPaused = true;
        values.degradeAction = "cache-only";
        values.text.alertEmails = "ops@example.com, lead@example.com";
      }),
      base,
    );
    expect(result.errors).toBeNull();
    expect(result.config?.pricing["gpt-6-sol"]).toEqual({
      inputPerMTok: 0.05,
      outputPerMTok: 0.25,
    });
    expect(result.config?.aiPaused).toBe(true);
    expect(result.config?.degradeAction).toBe("cache-only");
    expect(result.config?.alertEmails).toEqual(["ops@example.com", "lead@example.com"]);
  });

  it("reads numbers as people type them and nothing else", () => {
    expect(readNumber(" 1,000 ")).toBe(1000);
    expect(readNumber(".5")).toBe(0.5);
    expect(readNumber("")).toBeNull();
    expect(readNumber("1e3")).toBeNull();
    expect(readNumber("12abc")).toBeNull();
  });
});
