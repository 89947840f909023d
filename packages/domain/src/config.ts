// config/app: what the business tunes without a deploy (models, prices, plans, budget, kill
// switch). Typed defaults live here; a stored doc only overrides them, and is validated on
// read (tolerating unknown keys) and on admin write (strict).
import { z } from "zod";
import { describeIssues } from "./issues.js";
import { findForbiddenKey, safeRecord } from "./fields.js";
import { ModelPrice } from "./pricing.js";
import { PROMPT_VERSION } from "./prompt.js";

export const PLAN_IDS = ["free", "pro"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

const modelName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w.:/-]+$/, { error: "model names use letters, digits and . _ : / - only" });
const tokens = z.number().int().nonnegative();
const positiveInt = (max: number) => z.number().int().min(1).max(max);

// One builder for both modes so the read and write schemas can never drift apart.
function appConfigSchema(strict: boolean) {
  const obj = <S extends z.ZodRawShape>(shape: S) =>
    strict ? z.strictObject(shape) : z.object(shape);
  const plan = obj({ monthlyTokens: tokens, priceUsd: z.number().nonnegative().max(10_000) });
  return obj({
    models: obj({ primary: modelName, fallback: modelName, moderation: modelName }),
    pricing: safeRecord("pricing", strict ? ModelPrice.strict() : ModelPrice),
    plans: obj({ free: plan, pro: plan }),
    maxOutputTokens: positiveInt(100_000),
    requestsPerMinute: positiveInt(1_000),
    cacheEnabled: z.boolean(),
    aiPaused: z.boolean(),
    monthlyBudgetUsd: z.number().nonnegative(),
    budgetAlertThresholds: z.array(z.number().gt(0).max(2)).max(10),
    pauseFreeAtBudget: z.boolean(),
    holdTtlSeconds: positiveInt(86_400),
    promptVersion: z.string().trim().min(1).max(40),
    retry: obj({
      maxAttempts: positiveInt(6),
      baseMs: positiveInt(60_000),
      maxMs: positiveInt(120_000),
    }),
    requestTimeoutMs: positiveInt(600_000),
  }).superRefine((config, ctx) => {
    for (const role of ["primary", "fallback"] as const) {
      const model = config.models[role];
      if (!Object.hasOwn(config.pricing, model)) {
        ctx.addIssue({ code: "custom", path: ["pricing"], message: `has no price for ${model}` });
      }
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
  models: {
    primary: "gpt-4.1-mini",
    fallback: "gpt-4.1-nano",
    moderation: "omni-moderation-latest",
  },
  pricing: {
    "gpt-4.1-mini": { inputPerMTok: 0.4, cachedInputPerMTok: 0.1, outputPerMTok: 1.6 },
    "gpt-4.1-nano": { inputPerMTok: 0.1, cachedInputPerMTok: 0.025, outputPerMTok: 0.4 },
    "omni-moderation-latest": { inputPerMTok: 0, outputPerMTok: 0 },
  },
  plans: {
    free: { monthlyTokens: 50_000, priceUsd: 0 },
    pro: { monthlyTokens: 2_000_000, priceUsd: 9 },
  },
  maxOutputTokens: 4_000,
  requestsPerMinute: 6,
  cacheEnabled: true,
  aiPaused: false,
  monthlyBudgetUsd: 100,
  budgetAlertThresholds: [0.5, 0.8, 1],
  pauseFreeAtBudget: true,
  holdTtlSeconds: 600,
  promptVersion: PROMPT_VERSION,
  retry: { maxAttempts: 3, baseMs: 500, maxMs: 8_000 },
  requestTimeoutMs: 60_000,
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
  const { pricing, ...rest } = raw;
  const merged = mergeOver(DEFAULT_APP_CONFIG, rest, 3) as Record<string, unknown>;
  merged.pricing = mergeOver(DEFAULT_APP_CONFIG.pricing, pricing ?? {}, 1);
  const result = StoredAppConfig.safeParse(merged);
  if (!result.success) {
    throw new AppConfigError(`config/app is invalid: ${describeIssues(result.error)}`);
  }
  return result.data;
}

/** The monthly token limit for a plan; a per-user override on the quota doc wins. */
export function monthlyTokenLimit(config: AppConfig, plan: PlanId, override?: number): number {
  return override ?? config.plans[plan].monthlyTokens;
}
