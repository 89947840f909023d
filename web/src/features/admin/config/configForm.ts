// The AI config form's values and their checks. The form edits a subset of config/app as text;
// everything it does not show is carried over from the loaded configuration unchanged. The
// domain schema (AppConfig) decides what is valid, and each problem is reported at its field.
import { AppConfig, DEGRADE_ACTIONS, type DegradeAction } from "@ideaspark/domain";
import type { z } from "zod";

/** The form's text inputs, by their dotted path in AppConfig. */
export const TEXT_FIELDS = [
  "models.primary",
  "models.fallback",
  "models.moderation",
  "plans.free.monthlyTokens",
  "plans.free.priceUsd",
  "plans.pro.monthlyTokens",
  "plans.pro.priceUsd",
  "requestsPerMinute",
  "monthlyBudgetUsd",
  "budgetAlertThresholds",
  "degradeModel",
  "alertEmails",
  "alerts.providerFailuresInARow",
  "alerts.spendSpikeFactor",
  "alerts.spendSpikeMinUsd",
  "alerts.errorRateSpike",
  "alerts.errorRateMinRequests",
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export interface PriceRow {
  model: string;
  inputPerMTok: string;
  cachedInputPerMTok: string;
  outputPerMTok: string;
}

export interface ConfigFormValues {
  text: Record<TextField, string>;
  pricing: PriceRow[];
  cacheEnabled: boolean;
  aiPaused: boolean;
  degradeAction: DegradeAction;
}

/** Field path ("monthlyBudgetUsd", "pricing.3.outputPerMTok", "pricing") → message. */
export type ConfigErrors = Record<string, string>;

const PERCENT = 100;
const list = (values: readonly (string | number)[]) => values.join(", ");
const percentOf = (fraction: number) => Math.round(fraction * PERCENT * 1e6) / 1e6;

export function toFormValues(config: AppConfig): ConfigFormValues {
  const text: Record<TextField, string> = {
    "models.primary": config.models.primary,
    "models.fallback": config.models.fallback,
    "models.moderation": config.models.moderation,
    "plans.free.monthlyTokens": String(config.plans.free.monthlyTokens),
    "plans.free.priceUsd": String(config.plans.free.priceUsd),
    "plans.pro.monthlyTokens": String(config.plans.pro.monthlyTokens),
    "plans.pro.priceUsd": String(config.plans.pro.priceUsd),
    requestsPerMinute: String(config.requestsPerMinute),
    monthlyBudgetUsd: String(config.monthlyBudgetUsd),
    budgetAlertThresholds: list(config.budgetAlertThresholds.map(percentOf)),
    degradeModel: config.degradeModel ?? "",
    alertEmails: list(config.alertEmails),
    "alerts.providerFailuresInARow": String(config.alerts.providerFailuresInARow),
    "alerts.spendSpikeFactor": String(config.alerts.spendSpikeFactor),
    "alerts.spendSpikeMinUsd": String(config.alerts.spendSpikeMinUsd),
    "alerts.errorRateSpike": String(percentOf(config.alerts.errorRateSpike)),
    "alerts.errorRateMinRequests": String(config.alerts.errorRateMinRequests),
  };
  return {
    text,
    pricing: Object.entries(config.pricing).map(([model, price]) => ({
      model,
      inputPerMTok: String(price.inputPerMTok),
      cachedInputPerMTok:
        price.cachedInputPerMTok === undefined ? "" : String(price.cachedInputPerMTok),
      outputPerMTok: String(price.outputPerMTok),
    })),
    cacheEnabled: config.cacheEnabled,
    aiPaused: config.aiPaused,
    degradeAction: config.degradeAction,
  };
}

const NOT_A_NUMBER = "Enter a number, e.g. 12.5";

/** A decimal typed by a person: "1,000" and " 12 " read; "", "abc" and "1e3" do not. */
export function readNumber(text: string): number | null {
  const cleaned = text.trim().replace(/[,_\s]/g, "");
  return /^-?(\d+\.?\d*|\.\d+)$/.test(cleaned) ? Number(cleaned) : null;
}

const splitList = (text: string) =>
  text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);

type Built = { config: AppConfig; errors: null } | { config: null; errors: ConfigErrors };

/**
 * The configuration the form describes over `base`, checked with the domain schema, or the
 * problems by field. Only fields that read as numbers reach the schema; the rest are reported
 * as such first.
 */
export function fromFormValues(values: ConfigFormValues, base: AppConfig): Built {
  const errors: ConfigErrors = {};
  const num = (field: string, text: string, scale = 1): number => {
    const value = readNumber(text);
    if (value === null) {
      errors[field] = NOT_A_NUMBER;
      return NaN;
    }
    return value / scale;
  };
  const t = values.text;

  const thresholds = splitList(t.budgetAlertThresholds).map((part) => readNumber(part));
  if (thresholds.some((value) => value === null)) {
    errors.budgetAlertThresholds = "Write percentages separated by commas, e.g. 50, 80, 100";
  }

  const pricing: Record<string, unknown> = {};
  values.pricing.forEach((row, index) => {
    const model = row.model.trim();
    if (model === "") {
      errors[`pricing.${index}.model`] = "Enter the model's name";
      return;
    }
    if (Object.hasOwn(pricing, model)) {
      errors[`pricing.${index}.model`] = `${model} is priced twice`;
      return;
    }
    pricing[model] = {
      inputPerMTok: num(`pricing.${index}.inputPerMTok`, row.inputPerMTok),
      outputPerMTok: num(`pricing.${index}.outputPerMTok`, row.outputPerMTok),
      ...(row.cachedInputPerMTok.trim() === ""
        ? {}
        : {
            cachedInputPerMTok: num(`pricing.${index}.cachedInputPerMTok`, row.cachedInputPerMTok),
          }),
    };
  });

  const candidate = {
    ...base,
    models: {
      primary: t["models.primary"].trim(),
      fallback: t["models.fallback"].trim(),
      moderation: t["models.moderation"].trim(),
    },
    pricing,
    plans: {
      free: {
        monthlyTokens: num("plans.free.monthlyTokens", t["plans.free.monthlyTokens"]),
        priceUsd: num("plans.free.priceUsd", t["plans.free.priceUsd"]),
      },
      pro: {
        monthlyTokens: num("plans.pro.monthlyTokens", t["plans.pro.monthlyTokens"]),
        priceUsd: num("plans.pro.priceUsd", t["plans.pro.priceUsd"]),
      },
    },
    requestsPerMinute: num("requestsPerMinute", t.requestsPerMinute),
    cacheEnabled: values.cacheEnabled,
    aiPaused: values.aiPaused,
    monthlyBudgetUsd: num("monthlyBudgetUsd", t.monthlyBudgetUsd),
    budgetAlertThresholds: thresholds.map((value) => (value ?? NaN) / PERCENT),
    degradeAction: values.degradeAction,
    degradeModel: t.degradeModel.trim() === "" ? null : t.degradeModel.trim(),
    alertEmails: splitList(t.alertEmails),
    alerts: {
      providerFailuresInARow: num(
        "alerts.providerFailuresInARow",
        t["alerts.providerFailuresInARow"],
      ),
      spendSpikeFactor: num("alerts.spendSpikeFactor", t["alerts.spendSpikeFactor"]),
      spendSpikeMinUsd: num("alerts.spendSpikeMinUsd", t["alerts.spendSpikeMinUsd"]),
      errorRateSpike: num("alerts.errorRateSpike", t["alerts.errorRateSpike"], PERCENT),
      errorRateMinRequests: num("alerts.errorRateMinRequests", t["alerts.errorRateMinRequests"]),
    },
  };
  if (Object.keys(errors).length > 0) return { config: null, errors };

  const result = AppConfig.safeParse(candidate);
  if (result.success) return { config: result.data, errors: null };
  const modelRows = values.pricing.map((row) => row.model.trim());
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path, modelRows);
    errors[field] ??= messageOf(issue, field);
  }
  return { config: null, errors };
}

/** The form field an issue belongs to: pricing entries by row, list items by their list. */
function fieldOf(path: readonly PropertyKey[], modelRows: string[]): string {
  const [head, second, third] = path.map(String);
  if (head === "pricing" && second !== undefined) {
    const row = modelRows.indexOf(second);
    return third === undefined ? `pricing.${row}.model` : `pricing.${row}.${third}`;
  }
  if (head === "budgetAlertThresholds" || head === "alertEmails") return head;
  const dotted = path.map(String).join(".");
  return (TEXT_FIELDS as readonly string[]).includes(dotted) || dotted === "pricing"
    ? dotted
    : head === "modelSettings"
      ? "models.primary"
      : "form";
}

const PERCENT_FIELDS = new Set(["budgetAlertThresholds", "alerts.errorRateSpike"]);

/** The schema's message in the form's terms (percent fields speak in percent). */
function messageOf(issue: z.core.$ZodIssue, field: string): string {
  const inPercent = PERCENT_FIELDS.has(field);
  const bound = (value: number | bigint) =>
    inPercent ? `${Number(value) * PERCENT}%` : String(value);
  switch (issue.code) {
    case "too_small":
      if (issue.origin !== "number") return issue.message;
      return issue.inclusive
        ? `must be at least ${bound(issue.minimum)}`
        : `must be more than ${bound(issue.minimum)}`;
    case "too_big":
      if (issue.origin !== "number") return issue.message;
      return issue.inclusive
        ? `must be at most ${bound(issue.maximum)}`
        : `must be less than ${bound(issue.maximum)}`;
    case "invalid_type":
      return issue.expected === "int" ? "must be a whole number" : issue.message;
    default:
      return issue.message;
  }
}

export const DEGRADE_LABELS: Record<DegradeAction, string> = {
  "pause-free": "Pause AI for free users",
  "cheaper-model": "Answer free users with a cheaper model",
  "cache-only": "Answer free users only from the cache",
  none: "Keep going (no change)",
};

export { DEGRADE_ACTIONS };
