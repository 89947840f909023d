// What one logged configuration change did to each key: the value before and after, as text.

/** The value at a dotted path ("plans.pro.priceUsd") of a recorded configuration. */
export function valueAt(config: Record<string, unknown>, dottedKey: string): unknown {
  let value: unknown = config;
  for (const part of dottedKey.split(".")) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, part))
      return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A recorded value as an admin reads it: "not set", strings quoted, objects as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "not set";
  if (typeof value === "string") return `"${value}"`;
  return JSON.stringify(value);
}

export interface KeyChange {
  key: string;
  before: string;
  after: string;
}

export function keyChanges(change: {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  changedKeys: string[];
}): KeyChange[] {
  return change.changedKeys.map((key) => ({
    key,
    before: describeValue(valueAt(change.before, key)),
    after: describeValue(valueAt(change.after, key)),
  }));
}
