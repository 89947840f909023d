// Scalar values for schema fields: strings fitted to minLength/maxLength, formatted strings
// (date, email, uri, uuid) and numbers within their bounds.
import type { Rng } from "./random.js";

type Schema = Record<string, unknown>;

/** Pads or trims `text` (at a word boundary when possible) to the schema's length limits. */
export function fitString(text: string, schema: Schema, filler: string): string {
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  let result = text;
  while (result.length < min) result = `${result} ${filler || "idea"}`.trim();
  if (result.length > max) {
    const cut = result.slice(0, max);
    const atWord = cut.replace(/\s+\S*$/, "");
    result = atWord.length >= Math.max(min, 1) ? atWord : cut;
  }
  return result;
}

export function stringForFormat(format: unknown, rng: Rng): string | null {
  switch (format) {
    case "date-time":
      return new Date(Date.UTC(2025, rng.int(0, 11), rng.int(1, 28), 9)).toISOString();
    case "date":
      return new Date(Date.UTC(2025, rng.int(0, 11), rng.int(1, 28))).toISOString().slice(0, 10);
    case "email":
      return `hello${rng.int(1, 99)}@example.com`;
    case "uri":
    case "url":
      return `https://example.com/${rng.int(1000, 9999)}`;
    case "uuid": {
      const hex = () => rng.int(0, 15).toString(16);
      const part = (n: number) => Array.from({ length: n }, hex).join("");
      return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
    }
    default:
      return null;
  }
}

/** A number inside the schema's bounds; names like "confidence" suggest 0..1. */
export function numberFor(key: string, schema: Schema, rng: Rng, integer: boolean): number {
  const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
  const isRatio = !integer && /confidence|probability|ratio|share|percent/i.test(key);
  const min = num(schema.minimum) ?? num(schema.exclusiveMinimum) ?? (isRatio ? 0 : 1);
  const max = num(schema.maximum) ?? num(schema.exclusiveMaximum) ?? (isRatio ? 1 : min + 9);
  const lo = integer ? Math.ceil(min) : min;
  const hi = integer ? Math.floor(max) : max;
  if (hi <= lo) return lo;
  let value = integer ? rng.int(lo, hi) : lo + rng.next() * (hi - lo);
  const step = num(schema.multipleOf);
  if (step && step > 0) value = Math.min(hi, Math.max(lo, Math.round(value / step) * step));
  if (schema.exclusiveMinimum === value || schema.exclusiveMaximum === value) {
    value = integer ? Math.round((lo + hi) / 2) : (lo + hi) / 2;
  }
  return integer ? Math.round(value) : Math.round(value * 100) / 100;
}
