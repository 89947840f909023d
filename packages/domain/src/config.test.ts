import { describe, expect, it } from "vitest";
import {
  AppConfig,
  AppConfigError,
  DEFAULT_APP_CONFIG,
  monthlyTokenLimit,
  parseAppConfig,
} from "./config.js";
import { PROMPT_VERSION } from "./prompt.js";

describe("DEFAULT_APP_CONFIG", () => {
  it("passes the strict admin schema", () => {
    expect(AppConfig.parse(DEFAULT_APP_CONFIG)).toEqual(DEFAULT_APP_CONFIG);
  });

  it("carries the documented plans, models and thresholds", () => {
    expect(DEFAULT_APP_CONFIG.plans.free).toEqual({ monthlyTokens: 50_000, priceUsd: 0 });
    expect(DEFAULT_APP_CONFIG.plans.pro.monthlyTokens).toBe(2_000_000);
    expect(DEFAULT_APP_CONFIG.models.moderation).toBe("omni-moderation-latest");
    expect(DEFAULT_APP_CONFIG.budgetAlertThresholds).toEqual([0.5, 0.8, 1]);
    expect(DEFAULT_APP_CONFIG.promptVersion).toBe(PROMPT_VERSION);
  });
});

describe("parseAppConfig", () => {
  it("uses the defaults when config/app is missing", () => {
    expect(parseAppConfig(undefined)).toEqual(DEFAULT_APP_CONFIG);
    expect(parseAppConfig(null)).toEqual(DEFAULT_APP_CONFIG);
  });

  it("merges a partial stored document over the defaults, nested objects key by key", () => {
    const config = parseAppConfig({ aiPaused: true, plans: { pro: { priceUsd: 12 } } });
    expect(config.aiPaused).toBe(true);
    expect(config.plans.pro).toEqual({ monthlyTokens: 2_000_000, priceUsd: 12 });
    expect(config.plans.free).toEqual(DEFAULT_APP_CONFIG.plans.free);
    expect(config.maxOutputTokens).toBe(DEFAULT_APP_CONFIG.maxOutputTokens);
  });

  it("adds stored prices to the default table and replaces an entry whole", () => {
    const config = parseAppConfig({
      pricing: {
        "gpt-4.1-mini": { inputPerMTok: 1, outputPerMTok: 2 },
        "o4-mini": { inputPerMTok: 1.1, outputPerMTok: 4.4 },
      },
    });
    expect(config.pricing["gpt-4.1-mini"]).toEqual({ inputPerMTok: 1, outputPerMTok: 2 });
    expect(config.pricing["o4-mini"]?.outputPerMTok).toBe(4.4);
    expect(config.pricing["gpt-5-nano"]).toEqual(DEFAULT_APP_CONFIG.pricing["gpt-5-nano"]);
  });

  it("replaces arrays instead of merging them", () => {
    expect(parseAppConfig({ budgetAlertThresholds: [0.9] }).budgetAlertThresholds).toEqual([0.9]);
  });

  it("ignores keys it does not know (written by a newer version)", () => {
    expect(parseAppConfig({ somethingNew: 1 })).toEqual(DEFAULT_APP_CONFIG);
  });

  it("lists every bad field of a stored document in the error", () => {
    const read = () =>
      parseAppConfig({
        maxOutputTokens: -5,
        cacheEnabled: "yes",
        plans: { free: { monthlyTokens: 1.5 } },
      });
    expect(read).toThrow(AppConfigError);
    expect(read).toThrow(/maxOutputTokens.*cacheEnabled|cacheEnabled.*maxOutputTokens/);
    expect(read).toThrow(/plans\.free\.monthlyTokens/);
  });

  it("refuses a primary or fallback model without a price", () => {
    expect(() => parseAppConfig({ models: { primary: "gpt-9" } })).toThrow(
      "pricing: has no price for gpt-9",
    );
  });

  it("refuses thresholds that are not increasing and a base delay over the maximum", () => {
    expect(() => parseAppConfig({ budgetAlertThresholds: [0.8, 0.5] })).toThrow(
      /strictly increasing/,
    );
    expect(() => parseAppConfig({ retry: { baseMs: 9_000 } })).toThrow(/retry\.baseMs/);
  });

  it("refuses a stored document carrying __proto__ before merging it", () => {
    const raw: unknown = JSON.parse('{"plans":{"__proto__":{"aiPaused":true}}}');
    expect(() => parseAppConfig(raw)).toThrow('"plans.__proto__" is not allowed');
    expect(({} as Record<string, unknown>).aiPaused).toBeUndefined();
  });

  it("refuses a document that is not an object", () => {
    expect(() => parseAppConfig("paused")).toThrow(/must be an object/);
    expect(() => parseAppConfig([])).toThrow(/must be an object/);
  });
});

describe("AppConfig (admin writes)", () => {
  it("refuses unknown keys at any level", () => {
    expect(AppConfig.safeParse({ ...DEFAULT_APP_CONFIG, extra: 1 }).success).toBe(false);
    const models = { ...DEFAULT_APP_CONFIG.models, extra: "x" };
    expect(AppConfig.safeParse({ ...DEFAULT_APP_CONFIG, models }).success).toBe(false);
  });

  it("refuses a partial document", () => {
    const { aiPaused: _aiPaused, ...partial } = DEFAULT_APP_CONFIG;
    expect(AppConfig.safeParse(partial).success).toBe(false);
  });

  it("refuses model names with spaces or quotes", () => {
    const models = { ...DEFAULT_APP_CONFIG.models, moderation: 'x" OR 1' };
    expect(AppConfig.safeParse({ ...DEFAULT_APP_CONFIG, models }).success).toBe(false);
  });
});

describe("monthlyTokenLimit", () => {
  it("uses the plan's tokens unless the user has an override", () => {
    expect(monthlyTokenLimit(DEFAULT_APP_CONFIG, "free")).toBe(50_000);
    expect(monthlyTokenLimit(DEFAULT_APP_CONFIG, "pro", 10)).toBe(10);
  });
});

describe("AppConfig guards for the spark's timing and models", () => {
  const withChange = (change: Partial<AppConfig>) => ({ ...DEFAULT_APP_CONFIG, ...change });

  it("refuses a hold TTL a running spark could outlive", () => {
    const result = AppConfig.safeParse(withChange({ holdTtlSeconds: 300 }));
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(/at least 360 seconds/);
    expect(AppConfig.safeParse(withChange({ holdTtlSeconds: 360 })).success).toBe(true);
  });

  it("refuses a generation deadline that leaves no time to settle before the function timeout", () => {
    const timeouts = { ...DEFAULT_APP_CONFIG.timeouts, deadlineMs: 290_000 };
    const result = AppConfig.safeParse(withChange({ timeouts }));
    expect(JSON.stringify(result.error?.issues)).toMatch(/leave 45 s of the 300 s/);
  });

  it("refuses an idle timeout longer than the deadline", () => {
    const timeouts = { ...DEFAULT_APP_CONFIG.timeouts, idleMs: 100_000, deadlineMs: 60_000 };
    expect(AppConfig.safeParse(withChange({ timeouts })).success).toBe(false);
  });

  it("needs settings (limits, reasoning effort) for the primary and fallback models", () => {
    const models = { ...DEFAULT_APP_CONFIG.models, fallback: "gpt-new" };
    const pricing = {
      ...DEFAULT_APP_CONFIG.pricing,
      "gpt-new": { inputPerMTok: 1, outputPerMTok: 2 },
    };
    const result = AppConfig.safeParse(withChange({ models, pricing }));
    expect(JSON.stringify(result.error?.issues)).toMatch(/has no settings for gpt-new/);
  });

  it("refuses a reasoning effort the API does not know", () => {
    const [name, settings] = Object.entries(DEFAULT_APP_CONFIG.modelSettings)[0] ?? [];
    const modelSettings = { [name as string]: { ...settings, reasoningEffort: "extreme" } };
    expect(parseConfigSafely({ modelSettings })).toMatch(/reasoningEffort/);
  });
});

function parseConfigSafely(raw: unknown): string {
  try {
    parseAppConfig(raw);
    return "ok";
  } catch (error) {
    return String(error);
  }
}

describe("budget degrade and alert settings", () => {
  it("defaults to pausing free users at the budget, no alert e-mails, tuned alert limits", () => {
    expect(DEFAULT_APP_CONFIG.degradeAction).toBe("pause-free");
    expect(DEFAULT_APP_CONFIG.degradeModel).toBeNull();
    expect(DEFAULT_APP_CONFIG.alertEmails).toEqual([]);
    expect(DEFAULT_APP_CONFIG.alerts.providerFailuresInARow).toBe(5);
    expect(DEFAULT_APP_CONFIG.alerts.errorRateMinRequests).toBe(20);
  });

  it("reads a document saved before degradeAction: pauseFreeAtBudget false keeps going", () => {
    expect(parseAppConfig({ pauseFreeAtBudget: false }).degradeAction).toBe("none");
    expect(parseAppConfig({ pauseFreeAtBudget: true }).degradeAction).toBe("pause-free");
    const both = { pauseFreeAtBudget: false, degradeAction: "cache-only" };
    expect(parseAppConfig(both).degradeAction).toBe("cache-only");
    expect(parseAppConfig({ pauseFreeAtBudget: false })).not.toHaveProperty("pauseFreeAtBudget");
  });

  it("merges a partial alerts object over the default limits", () => {
    const config = parseAppConfig({ alerts: { providerFailuresInARow: 3 } });
    expect(config.alerts).toEqual({ ...DEFAULT_APP_CONFIG.alerts, providerFailuresInARow: 3 });
  });

  it("refuses an unknown degrade action", () => {
    expect(parseConfigSafely({ degradeAction: "stop-everything" })).toMatch(/degradeAction/);
  });

  it("needs a price and settings for a chosen degrade model", () => {
    expect(parseConfigSafely({ degradeModel: "gpt-9-pico" })).toMatch(
      /has no price for gpt-9-pico/,
    );
    expect(parseAppConfig({ degradeModel: "gpt-6-luna" }).degradeModel).toBe("gpt-6-luna");
  });

  it("takes up to 10 distinct valid alert e-mail addresses", () => {
    const ten = Array.from({ length: 10 }, (_, i) => `ops${i}@example.com`);
    expect(parseAppConfig({ alertEmails: ten }).alertEmails).toEqual(ten);
    expect(parseConfigSafely({ alertEmails: [...ten, "ops10@example.com"] })).toMatch(
      /alertEmails/,
    );
    expect(parseConfigSafely({ alertEmails: ["not an address"] })).toMatch(
      /alertEmails\[0\]: must be an e-mail address/,
    );
    expect(parseConfigSafely({ alertEmails: ["a@example.com", "A@example.com"] })).toMatch(/twice/);
  });

  it("refuses alert limits out of range", () => {
    expect(parseConfigSafely({ alerts: { spendSpikeFactor: 0.5 } })).toMatch(
      /alerts\.spendSpikeFactor/,
    );
    expect(parseConfigSafely({ alerts: { errorRateSpike: 0 } })).toMatch(/alerts\.errorRateSpike/);
  });
});
