// Field rules shared by every contract: safe text (trimmed, measured in Unicode code points,
// free of control characters and lone surrogates), whole numbers, one-of choices, and strict
// objects that refuse unknown or prototype-polluting keys with a message naming them.
import { z } from "zod";

/** Keys that can pollute prototypes when an object is merged or copied; never accepted. */
export const FORBIDDEN_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

export interface TextRules {
  /** Minimum length in code points after trimming (0 allows empty). */
  min?: number;
  /** Maximum length in code points after trimming. */
  max: number;
  /** Allow line breaks (\n; \r\n and \r are normalised to \n) and tabs. */
  multiline?: boolean;
  /** Require at least one letter, digit or symbol (so "   " or zero-width text is refused). */
  visible?: boolean;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const VISIBLE = /[\p{L}\p{N}\p{S}]/u;

/** Length in Unicode code points: "👍" counts 1 (a UTF-16 string would say 2). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    count++;
  }
  return count;
}

/** The first C0/C1 control character (or DEL) not allowed by the rules, as a code, or -1. */
function firstControlChar(text: string, multiline: boolean): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
    if (control && !(multiline && (c === 0x0a || c === 0x09))) return c;
  }
  return -1;
}

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Why `text` breaks the rules for `field`, or null when it is fine. */
export function textProblem(field: string, text: string, rules: TextRules): string | null {
  const { min = 0, max, multiline = false, visible = false } = rules;
  // Cheap guard first: a string longer than 2×max UTF-16 units has more than max code points.
  if (text.length > max * 2) return `${field} must be at most ${max} characters`;
  if (LONE_SURROGATE.test(text)) return `${field} contains broken Unicode (a lone surrogate)`;
  const control = firstControlChar(text, multiline);
  if (control === 0x0a || control === 0x0d) return `${field} must be a single line`;
  if (control >= 0) return `${field} contains a control character (${hex(control)})`;
  const length = codePointLength(text);
  if (length < min) {
    return min === 1 ? `${field} must not be empty` : `${field} must be at least ${min} characters`;
  }
  if (length > max) return `${field} must be at most ${max} characters`;
  if (visible && length > 0 && !VISIBLE.test(text)) {
    return `${field} must contain letters, numbers or symbols`;
  }
  return null;
}

/** Safe text: trimmed (line breaks normalised when multiline), then checked by `textProblem`. */
export function safeText(field: string, rules: TextRules) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${field} is required` : `${field} must be text`,
    })
    .overwrite((value) => (rules.multiline ? value.replace(/\r\n?/g, "\n") : value).trim())
    .superRefine((value, ctx) => {
      const problem = textProblem(field, value, rules);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/** A whole number within [min, max]; refuses NaN, Infinity, fractions and numeric strings. */
export function wholeNumber(field: string, { min, max }: { min: number; max: number }) {
  return z
    .number({
      error: (issue) =>
        issue.input === undefined ? `${field} is required` : `${field} must be a number`,
    })
    .int({ error: `${field} must be a whole number` })
    .min(min, { error: `${field} must be at least ${min}` })
    .max(max, { error: `${field} must be at most ${max}` });
}

/** One of a fixed set of strings; the message lists the choices. */
export function oneOf<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, { error: `${field} must be one of: ${values.join(", ")}` });
}

function unknownKeysMessage(keys: readonly string[]): string {
  const forbidden = keys.filter((key) => FORBIDDEN_KEYS.includes(key));
  if (forbidden.length > 0) {
    return `${forbidden.map((key) => `"${key}"`).join(", ")} is not allowed (reserved key)`;
  }
  const list = keys.map((key) => `"${key}"`).join(", ");
  return keys.length === 1 ? `unknown field ${list}` : `unknown fields ${list}`;
}

/** An object that rejects unknown keys, naming them (and calling out `__proto__` & co.). */
export function strictObject<S extends z.ZodRawShape>(label: string, shape: S) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") return unknownKeysMessage(issue.keys);
      if (issue.code === "invalid_type") {
        return issue.input === undefined ? `${label} is required` : `${label} must be an object`;
      }
      return undefined;
    },
  });
}

/** The path of the first own key anywhere in `value` that could pollute a prototype, or null. */
export function findForbiddenKey(value: unknown, path = "", depth = 0): string | null {
  if (value === null || typeof value !== "object" || depth > 32) return null;
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.includes(key)) return at;
    const found = findForbiddenKey((value as Record<string, unknown>)[key], at, depth + 1);
    if (found) return found;
  }
  return null;
}

/** A string-keyed map (e.g. holds, pricing) that refuses `__proto__`-style keys up front. */
export function safeRecord<V extends z.ZodType>(label: string, value: V) {
  return z.preprocess(
    (input, ctx) => {
      const key = findForbiddenKey(input);
      if (key)
        ctx.issues.push({ code: "custom", message: `${label}: "${key}" is not allowed`, input });
      return input;
    },
    z.record(z.string(), value),
  );
}
