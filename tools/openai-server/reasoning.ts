// Reasoning models: which ids reason, which `reasoning.effort` values each family accepts
// (with the real API's 400s), and how many hidden reasoning tokens an answer costs.
import { isRecord } from "./brief.js";

export const EFFORTS = ["none", "minimal", "low", "medium", "high"] as const;
export type Effort = (typeof EFFORTS)[number];

/** Reasoning tokens spent per 100 tokens of visible output, by effort. */
export const REASONING_PER_100: Record<Effort, number> = {
  none: 0,
  minimal: 0,
  low: 40,
  medium: 100,
  high: 250,
};

interface Family {
  efforts: readonly Effort[];
  defaultEffort: Effort;
}

const GPT_5: Family = { efforts: ["minimal", "low", "medium", "high"], defaultEffort: "medium" };
// gpt-5.1 and newer trade "minimal" for "none", which is also their default.
const GPT_5_1_PLUS: Family = { efforts: ["none", "low", "medium", "high"], defaultEffort: "none" };
const O_SERIES: Family = { efforts: ["low", "medium", "high"], defaultEffort: "medium" };
// gpt-6 and later (e.g. gpt-6-luna, which reasons by default): their limits are not pinned
// down here, so every effort is accepted rather than refusing what production may allow.
const GPT_6_PLUS: Family = { efforts: EFFORTS, defaultEffort: "medium" };

function familyOf(model: string): Family | null {
  if (/^gpt-5-chat/.test(model)) return null;
  if (/^gpt-5\.\d/.test(model)) return GPT_5_1_PLUS;
  if (/^gpt-5/.test(model)) return GPT_5;
  if (/^gpt-([6-9]|\d{2,})(?!\d)/.test(model)) return GPT_6_PLUS;
  if (/^o\d/.test(model)) return O_SERIES;
  return null;
}

export function isReasoningModel(model: string): boolean {
  return familyOf(model) !== null;
}

export type EffortCheck =
  { ok: true; effort: Effort | null } | { ok: false; message: string; param: string; code: string };

/** The effort a request runs at: null for a model that does not reason. */
export function checkReasoning(model: string, reasoning: unknown): EffortCheck {
  const family = familyOf(model);
  if (reasoning !== undefined && reasoning !== null && !isRecord(reasoning)) {
    const message = `Invalid type for 'reasoning': expected an object, but got ${typeName(reasoning)} instead.`;
    return { ok: false, message, param: "reasoning", code: "invalid_type" };
  }
  const effort = isRecord(reasoning) ? reasoning.effort : undefined;
  if (effort === undefined || effort === null) {
    return { ok: true, effort: family?.defaultEffort ?? null };
  }
  if (!family) {
    const message = "Unsupported parameter: 'reasoning.effort' is not supported with this model.";
    return { ok: false, message, param: "reasoning.effort", code: "unsupported_parameter" };
  }
  if (!EFFORTS.includes(effort as Effort)) {
    const message = `Invalid value: ${quoted(effort)}. Supported values are: ${listed(EFFORTS)}.`;
    return { ok: false, message, param: "reasoning.effort", code: "invalid_value" };
  }
  if (!family.efforts.includes(effort as Effort)) {
    const message =
      `Unsupported value: 'reasoning.effort' does not support '${effort as string}' with this ` +
      `model. Supported values are: ${listed(family.efforts)}.`;
    return { ok: false, message, param: "reasoning.effort", code: "unsupported_value" };
  }
  return { ok: true, effort: effort as Effort };
}

/** Hidden reasoning tokens for an answer of `outputTokens` visible tokens. */
export function reasoningTokensFor(effort: Effort | null, outputTokens: number): number {
  if (!effort) return 0;
  return Math.ceil((outputTokens * REASONING_PER_100[effort]) / 100);
}

/** Whether the output starts with a reasoning item (every reasoning run except "none"). */
export function emitsReasoningItem(effort: Effort | null): boolean {
  return effort !== null && effort !== "none";
}

function listed(values: readonly string[]): string {
  const q = values.map((v) => `'${v}'`);
  return q.length > 1 ? `${q.slice(0, -1).join(", ")}, and ${q[q.length - 1]}` : (q[0] ?? "");
}

function quoted(value: unknown): string {
  return typeof value === "string" ? `'${value}'` : JSON.stringify(value);
}

function typeName(value: unknown): string {
  if (typeof value === "string") return "a string";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a decimal";
  return `a ${typeof value}`;
}
