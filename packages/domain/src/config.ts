// config/app: what the business tunes without a deploy (models, prices, plans, budget, kill
// switch). Typed defaults live here; a stored doc only overrides them, and is validated on
// read (tolerating unknown keys) and on admin write (strict).
import { z } from "zod";
import { describeIssues } from "./issues.js";
import { findForbiddenKey, safeRecord } from "./fields.js";
import { ModelPrice } from "./pricing.js";
import { PROMPT_VERSION } from "./prompt.js";

/** The `spark` function's timeout; every deadline and hold below is sized against it. */
export const SPARK_TIMEOUT_SECONDS = 300;
/** Time always left after generation to settle a request before the function is killed. */
export const SETTLE_MARGIN_MS = 45_000;
/** The longest a spark's model work may run: the function timeout less the settle margin. */
export const MAX_GENERATION_DEADLINE_MS = SPARK_TIMEOUT_SECONDS * 1000 - SETTLE_MARGIN_MS;
/** Holds must outlive any running request, or a user could spend past their quota. */
export const MIN_HOLD_TTL_SECONDS = SPARK_TIMEOUT_SECONDS + 60;

/** `reasoning.effort` values; "none" only exists on newer models. */
export const REASONING_EFFORTS = [
  "none",
  "minimal",
  "low",
  "medium",
  "high",
  "xhigh",
  "max",
] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

export const PLAN_IDS = ["free", "pro"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

/**
 * What happens to free users once the month's spend reaches the budget (pro users are never
 * degraded): refused, answered by `degradeModel`, answered only from the brief cache, or nothing.
 */
export const DEGRADE_ACTIONS = ["pause-free", "cheaper-model", "cache-only", "none"] as const;
export type DegradeAction = (typeof DEGRADE_ACTIONS)[number];

const modelName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w.:/-]+$/, { error: "model names use letters, digits and . _ : / - only" });
const tokens = z.number().int().nonnegative();
const positiveInt = (max: number) => z.number().int().min(1).max(max);

/**
 * How IdeaSpark uses one model: its context and output limits, the reasoning effort to ask for
 * (null for a model that does not reason: no `reasoning` parameter is sent), and the output
 * budget per idea, which must include the reasoning tokens a reasoning model spends.
 */
export const ModelSettings = z.object({
  contextTokens: positiveInt(10_000_000),
  maxOutputTokens: positiveInt(1_000_000),
  reasoningEffort: z.enum(REASONING_EFFORTS).nullable(),
  outputTokensPerIdea: positiveInt(100_000),
});
export type ModelSettings = z.infer<typeof ModelSettings>;

// One builder for both modes so the read and write schemas can never drift apart.
function appConfigSchema(strict: boolean) {
  const obj = <S extends z.ZodRawShape>(shape: S) =>
    strict ? z.strictObject(shape) : z.object(shape);
  const plan = obj({ monthlyTokens: tokens, priceUsd: z.number().nonnegative().max(10_000) });
  return obj({
    models: obj({ primary: modelName, fallback: modelName, moderation: modelName }),
    pricing: safeRecord("pricing", strict ? ModelPrice.strict() : ModelPrice),
    modelSettings: safeRecord("modelSettings", strict ? ModelSettings.strict() : ModelSettings),
    plans: obj({ free: plan, pro: plan }),
    maxOutputTokens: positiveInt(100_000),
    requestsPerMinute: positiveInt(1_000),
    cacheEnabled: z.boolean(),
    aiPaused: z.boolean(),
    monthlyBudgetUsd: z.number().nonnegative(),
    budgetAlertThresholds: z.array(z.number().gt(0).max(2)).max(10),
    degradeAction: z.enum(DEGRADE_ACTIONS),
    /** The model free users get at the budget under "cheaper-model"; null = models.fallback. */
    degradeModel: modelName.nullable(),
    /** Who is e-mailed each new alert (through the Trigger Email extension's mail collection). */
    alertEmails: z
      .array(z.email({ error: "must be an e-mail address" }).max(254))
      .max(10)
      .refine((list) => new Set(list.map((e) => e.toLowerCase())).size === list.length, {
        error: "must not list an address twice",
      }),
    /** When the operational alerts fire (alerts.ts). */
    alerts: obj({
      /** Settled requests in a row that ended in provider errors. */
      providerFailuresInARow: positiveInt(1_000),
      /** A user's cost today at least this many times their usual day's… */
      spendSpikeFactor: z.number().min(1).max(1_000),
      /** …and at least this much (USD). */
      spendSpikeMinUsd: z.number().nonnegative().max(10_000),
      /** Today's error share above the trailing 7 days' by at least this (0.2 = 20 points)… */
      errorRateSpike: z.number().gt(0).max(1),
      /** …on at least this many requests today. */
      errorRateMinRequests: positiveInt(1_000_000),
    }),
    holdTtlSeconds: z
      .number()
      .int()
      .min(MIN_HOLD_TTL_SECONDS, {
        error: `must be at least ${MIN_HOLD_TTL_SECONDS} seconds (longer than a spark can run)`,
      })
      .max(86_400),
    promptVersion: z.string().trim().min(1).max(40),
    retry: obj({
      maxAttempts: positiveInt(6),
      baseMs: positiveInt(60_000),
      maxMs: positiveInt(120_000),
    }),
    timeouts: obj({
      /** One moderation call. */
      moderationMs: positiveInt(60_000),
      /** No event from the model for this long ends the attempt. */
      idleMs: positiveInt(120_000),
      /** All model work of one spark, retries included. */
      deadlineMs: z
        .number()
        .int()
        .min(1_000)
        .max(MAX_GENERATION_DEADLINE_MS, {
          error: `must leave ${SETTLE_MARGIN_MS / 1000} s of the ${SPARK_TIMEOUT_SECONDS} s function timeout to settle`,
        }),
    }),
  }).superRefine((config, ctx) => {
    for (const role of ["primary", "fallback", "moderation"] as const) {
      const model = config.models[role];
      if (!Object.hasOwn(config.pricing, model)) {
        ctx.addIssue({ code: "custom", path: ["pricing"], message: `has no price for ${model}` });
      }
      if (role !== "moderation" && !Object.hasOwn(config.modelSettings, model)) {
        ctx.addIssue({
          code: "custom",
          path: ["modelSettings"],
          message: `has no settings for ${model}`,
        });
      }
    }
    if (config.timeouts.idleMs > config.timeouts.deadlineMs) {
      ctx.addIssue({
        code: "custom",
        path: ["timeouts", "idleMs"],
        message: "must not exceed deadlineMs",
      });
    }
    const degradeModel = config.degradeModel;
    if (degradeModel !== null && !Object.hasOwn(config.pricing, degradeModel)) {
      ctx.addIssue({
        code: "custom",
        path: ["pricing"],
        message: `has no price for ${degradeModel}`,
      });
    }
    if (degradeModel !== null && !Object.hasOwn(config.modelSettings, degradeModel)) {
      ctx.addIssue({
        code: "custom",
        path: ["modelSettings"],
        message: `has no settings for ${degradeModel}`,
      });
    }
    const thresholds = config.budgetAlertThresholds;
    if (thresholds.some((t, i) => i > 0 && t <= (thresholds[i - 1] ?? 0))) {
      ctx.addIssue({
        code: "custom",
        path: ["budgetAlertThresholds"],
        message: "must be strictly increasing",
      });
    }
    if (config.retry.baseMs > config.retry.maxMs) {
      ctx.addIssue({ code: "custom", path: ["retry", "baseMs"], message: "must not exceed maxMs" });
    }
  });
}

/** The full configuration as an admin writes it: every field, no unknown keys. */
export const AppConfig = appConfigSchema(true);
export type AppConfig = z.infer<typeof AppConfig>;

/** The configuration as read back (merged over defaults); unknown keys are ignored. */
export const StoredAppConfig = appConfigSchema(false);

/** What runs when config/app is missing or silent on a field. */
export const DEFAULT_APP_CONFIG: AppConfig = {
  // Checked against OpenAI's deprecations page on 2026-12-02: gpt-4.1-nano shut down on
  // 2026-10-23, gpt-5-mini/-nano shut down on 2026-12-11 and gpt-4.1-mini on 2027-01-14.
  // gpt-6-luna is OpenAI's recommended cheap model (reasons by default: effort is set here);
  // gpt-5.4-nano (no reasoning by default) is the fallback, with its own rate limits.
  models: {
    primary: "gpt-6-luna",
    fallback: "gpt-5.4-nano",
    moderation: "omni-moderation-latest",
  },
  pricing: {
    "gpt-6-luna": { inputPerMTok: 0.1, cachedInputPerMTok: 0.01, outputPerMTok: 0.5 },
    "gpt-5.4-nano": { inputPerMTok: 0.2, cachedInputPerMTok: 0.02, outputPerMTok: 1.25 },
    "omni-moderation-latest": { inputPerMTok: 0, outputPerMTok: 0 },
  },
  modelSettings: {
    "gpt-6-luna": {
      contextTokens: 1_050_000,
      maxOutputTokens: 128_000,
      reasoningEffort: "low",
      outputTokensPerIdea: 700,
    },
    "gpt-5.4-nano": {
      contextTokens: 400_000,
      maxOutputTokens: 128_000,
      reasoningEffort: "none",
      outputTokensPerIdea: 400,
    },
  },
  plans: {
    free: { monthlyTokens: 50_000, priceUsd: 0 },
    pro: { monthlyTokens: 2_000_000, priceUsd: 9 },
  },
  maxOutputTokens: 8_000,
  requestsPerMinute: 6,
  cacheEnabled: true,
  aiPaused: false,
  monthlyBudgetUsd: 100,
  budgetAlertThresholds: [0.5, 0.8, 1],
  degradeAction: "pause-free",
  degradeModel: null,
  alertEmails: [],
  // A free month is worth about $0.03 of model time and a heavy pro month about $1, so $0.05 in
  // one day at 5× the account's usual active day is worth a look.
  alerts: {
    providerFailuresInARow: 5,
    spendSpikeFactor: 5,
    spendSpikeMinUsd: 0.05,
    errorRateSpike: 0.2,
    errorRateMinRequests: 20,
  },
  holdTtlSeconds: 600,
  promptVersion: PROMPT_VERSION,
  retry: { maxAttempts: 3, baseMs: 500, maxMs: 8_000 },
  timeouts: { moderationMs: 10_000, idleMs: 30_000, deadlineMs: 180_000 },
};

/** Thrown when config/app cannot be used; the message lists the offending fields. */
export class AppConfigError extends Error {
  override readonly name = "AppConfigError";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Plain objects merge key by key (a stored `plans.pro` keeps the default `plans.free`);
// arrays and values replace. Pricing entries replace whole, so a price is never half-default.
function mergeOver(base: unknown, patch: unknown, depth: number): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch) || depth === 0) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch))
    out[key] = mergeOver(base[key], value, depth - 1);
  return out;
}

/** Parses a stored config/app (possibly partial, or missing) over the defaults. */
export function parseAppConfig(raw: unknown): AppConfig {
  if (raw === undefined || raw === null) return DEFAULT_APP_CONFIG;
  if (!isPlainObject(raw)) throw new AppConfigError("config/app is invalid: it must be an object.");
  const forbidden = findForbiddenKey(raw);
  if (forbidden) throw new AppConfigError(`config/app is invalid: "${forbidden}" is not allowed.`);
  const { pricing, modelSettings, pauseFreeAtBudget, ...rest } = raw;
  // Documents saved before `degradeAction` said "keep going at the budget" this way.
  if (pauseFreeAtBudget === false && rest.degradeAction === undefined) rest.degradeAction = "none";
  const merged = mergeOver(DEFAULT_APP_CONFIG, rest, 3) as Record<string, unknown>;
  merged.pricing = mergeOver(DEFAULT_APP_CONFIG.pricing, pricing ?? {}, 1);
  merged.modelSettings = mergeOver(DEFAULT_APP_CONFIG.modelSettings, modelSettings ?? {}, 1);
  const result = StoredAppConfig.safeParse(merged);
  if (!result.success) {
    throw new AppConfigError(`config/app is invalid: ${describeIssues(result.error)}`);
  }
  return result.data;
}

/** How IdeaSpark uses `model` (a dated snapshot uses its alias's entry), or null if unknown. */
export function settingsFor(config: Pick<AppConfig, "modelSettings">, model: string) {
  const table = config.modelSettings;
  const alias = model.replace(/-\d{4}-\d{2}-\d{2}$/, "");
  if (Object.hasOwn(table, model)) return table[model] ?? null;
  return Object.hasOwn(table, alias) ? (table[alias] ?? null) : null;
}

/** The monthly token limit for a plan; a per-user override on the quota doc wins. */
export function monthlyTokenLimit(config: AppConfig, plan: PlanId, override?: number): number {
  return override ?? config.plans[plan].monthlyTokens;
}
