import { describe, expect, it } from "vitest";
import { DEFAULT_APP_CONFIG, parseAppConfig } from "./config.js";
import {
  AdminUpdateConfigRequest,
  ConfigChange,
  changedKeys,
  configStamp,
  planConfigUpdate,
  withoutStamp,
} from "./configChange.js";
import { describeIssues } from "./issues.js";

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const config = copy(DEFAULT_APP_CONFIG);

function problem(data: unknown): string {
  const result = AdminUpdateConfigRequest.safeParse(data);
  return result.success ? "ok" : describeIssues(result.error, 10);
}

describe("AdminUpdateConfigRequest", () => {
  it("accepts a complete configuration, with or without the updatedAt it was loaded at", () => {
    expect(AdminUpdateConfigRequest.parse({ config })).toEqual({ config });
    expect(
      AdminUpdateConfigRequest.parse({ config, expectedUpdatedAt: 1_764_000_000_000 }),
    ).toMatchObject({ expectedUpdatedAt: 1_764_000_000_000 });
    expect(AdminUpdateConfigRequest.parse({ config, expectedUpdatedAt: null })).toMatchObject({
      expectedUpdatedAt: null,
    });
  });

  it("refuses a partial configuration, naming the missing field (no defaults fill it)", () => {
    const { aiPaused: _aiPaused, ...partial } = config;
    expect(problem({ config: partial })).toMatch(/config\.aiPaused/);
  });

  it.each([
    [
      "a negative token allowance",
      { plans: { ...config.plans, free: { monthlyTokens: -1, priceUsd: 0 } } },
      /config\.plans\.free\.monthlyTokens/,
    ],
    [
      "a hold shorter than a spark can run",
      { holdTtlSeconds: 300 },
      /config\.holdTtlSeconds.*at least 360 seconds/,
    ],
    ["text for a switch", { aiPaused: "yes" }, /config\.aiPaused/],
    [
      "a primary model without a price",
      { models: { ...config.models, primary: "gpt-9" } },
      /config\.pricing: has no price for gpt-9/,
    ],
    ["an unknown key", { openaiApiKey: "sk-test" }, /openaiApiKey/],
    ["the save stamp inside the config", { updatedAt: 5 }, /updatedAt/],
  ])("refuses %s, naming the field", (_name, change, message) => {
    expect(problem({ config: { ...config, ...change } })).toMatch(message);
  });

  it("refuses a missing config, an extra field and a fractional expectedUpdatedAt", () => {
    expect(problem({})).toMatch(/config/);
    expect(problem({ config, force: true })).toMatch(/unknown field "force"/);
    expect(problem({ config, expectedUpdatedAt: 1.5 })).toMatch(
      /expectedUpdatedAt must be a whole number/,
    );
    expect(problem({ config, expectedUpdatedAt: "1" })).toMatch(/expectedUpdatedAt/);
  });
});

describe("changedKeys", () => {
  it("finds nothing between equal configurations (arrays compared by value)", () => {
    expect(changedKeys(config, copy(config))).toEqual([]);
  });

  it("lists each changed leaf as a dotted path, sorted", () => {
    const after = copy(config);
    after.plans.free.monthlyTokens = 10_000;
    after.aiPaused = true;
    after.retry.maxMs = 9_000;
    expect(changedKeys(config, after)).toEqual([
      "aiPaused",
      "plans.free.monthlyTokens",
      "retry.maxMs",
    ]);
  });

  it("reports an array whole when any element changes", () => {
    const after = { ...config, budgetAlertThresholds: [0.5, 0.9, 1] };
    expect(changedKeys(config, after)).toEqual(["budgetAlertThresholds"]);
  });

  it("reports a key present on one side only at its own path", () => {
    const pricing = { ...config.pricing, "gpt-7": { inputPerMTok: 1, outputPerMTok: 2 } };
    expect(changedKeys(config, { ...config, pricing })).toEqual(["pricing.gpt-7"]);
    expect(changedKeys({ ...config, pricing }, config)).toEqual(["pricing.gpt-7"]);
  });

  it("reports a value that changed type at its path", () => {
    expect(changedKeys({ retry: { maxMs: 1 } }, { retry: "off" })).toEqual(["retry"]);
    expect(changedKeys({ a: null }, { a: { b: 1 } })).toEqual(["a"]);
  });
});

describe("the save stamp on config/app", () => {
  it("reads updatedAt and updatedBy, and nulls when config/app was never saved", () => {
    expect(configStamp({ ...config, updatedAt: 42, updatedBy: "root" })).toEqual({
      updatedAt: 42,
      updatedBy: "root",
    });
    expect(configStamp(undefined)).toEqual({ updatedAt: null, updatedBy: null });
    expect(configStamp({ updatedAt: "42", updatedBy: 7 })).toEqual({
      updatedAt: null,
      updatedBy: null,
    });
  });

  it("is left out of the configuration part and ignored when config/app is parsed", () => {
    const stored = { ...config, updatedAt: 42, updatedBy: "root" };
    expect(withoutStamp(stored)).toEqual(config);
    expect(parseAppConfig(stored)).toEqual(DEFAULT_APP_CONFIG);
  });
});

describe("ConfigChange", () => {
  it("parses an audit record and refuses one without its author", () => {
    const change = {
      by: "root",
      byEmail: "root@example.test",
      at: 1_764_000_000_000,
      before: config,
      after: { ...config, aiPaused: true },
      changedKeys: ["aiPaused"],
    };
    expect(ConfigChange.parse(change)).toEqual(change);
    expect(ConfigChange.safeParse({ ...change, by: "" }).success).toBe(false);
  });
});

describe("planConfigUpdate", () => {
  const root = { uid: "root", email: "root@example.test" };
  const NOW = 1_764_000_000_000;
  const paused = { ...config, aiPaused: true };
  const plan = (stored: unknown, request: Parameters<typeof planConfigUpdate>[1], now = NOW) =>
    planConfigUpdate(stored, request, root, now);

  it("writes the stamped config and an audit record when config/app was never saved", () => {
    expect(plan(undefined, { config: paused, expectedUpdatedAt: null })).toEqual({
      outcome: "write",
      stored: { ...paused, updatedAt: NOW, updatedBy: "root" },
      change: {
        by: "root",
        byEmail: "root@example.test",
        at: NOW,
        before: DEFAULT_APP_CONFIG,
        after: paused,
        changedKeys: ["aiPaused"],
      },
    });
  });

  it("records the full configuration in force before, not the partial stored document", () => {
    const stored = { maxOutputTokens: 4_000, updatedAt: NOW - 10, updatedBy: "ann" };
    const result = plan(stored, { config: paused, expectedUpdatedAt: NOW - 10 });
    if (result.outcome !== "write") throw new Error(`expected a write, got ${result.outcome}`);
    expect(result.change.before).toEqual({ ...DEFAULT_APP_CONFIG, maxOutputTokens: 4_000 });
    expect(result.change.changedKeys).toEqual(["aiPaused", "maxOutputTokens"]);
  });

  it("refuses a save based on a config/app that was saved since it was loaded", () => {
    const stored = { ...config, updatedAt: NOW - 5, updatedBy: "ann" };
    expect(plan(stored, { config: paused, expectedUpdatedAt: NOW - 60_000 })).toEqual({
      outcome: "conflict",
      storedUpdatedAt: NOW - 5,
      storedBy: "ann",
    });
    expect(plan(stored, { config: paused, expectedUpdatedAt: null }).outcome).toBe("conflict");
    expect(plan(undefined, { config: paused, expectedUpdatedAt: NOW }).outcome).toBe("conflict");
  });

  it("saves over whatever is stored when no expectedUpdatedAt is given", () => {
    const stored = { ...config, updatedAt: NOW - 5, updatedBy: "ann" };
    expect(plan(stored, { config: paused }).outcome).toBe("write");
  });

  it("writes nothing when no value changes", () => {
    const stored = { ...config, updatedAt: NOW - 5, updatedBy: "ann" };
    expect(plan(stored, { config, expectedUpdatedAt: NOW - 5 })).toEqual({
      outcome: "unchanged",
      updatedAt: NOW - 5,
    });
    expect(plan(undefined, { config })).toEqual({ outcome: "unchanged", updatedAt: null });
  });

  it("moves updatedAt forward even when this clock is behind the last save's", () => {
    const stored = { ...config, updatedAt: NOW + 1_000, updatedBy: "ann" };
    const result = plan(stored, { config: paused, expectedUpdatedAt: NOW + 1_000 });
    expect(result.outcome === "write" && result.change.at).toBe(NOW + 1_001);
  });

  it("repairs a broken config/app, recording it as it was stored", () => {
    const stored = { maxOutputTokens: -5, updatedAt: NOW - 5, updatedBy: "ann" };
    const result = plan(stored, { config, expectedUpdatedAt: NOW - 5 });
    if (result.outcome !== "write") throw new Error(`expected a write, got ${result.outcome}`);
    expect(result.change.before).toEqual({ maxOutputTokens: -5 });
    expect(result.change.changedKeys).toContain("aiPaused");
    expect(result.stored).toMatchObject({ maxOutputTokens: config.maxOutputTokens });
  });
});
