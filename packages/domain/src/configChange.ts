// Changing config/app: the `adminUpdateConfig` request (a complete AppConfig, checked strictly)
// and answer, the configChanges/{id} audit record, the save stamp on config/app, and which
// dotted keys a change touches.
import { z } from "zod";
import { AppConfig, AppConfigError, parseAppConfig } from "./config.js";
import { strictObject, wholeNumber } from "./fields.js";

const timestamp = (field: string) => wholeNumber(field, { min: 0, max: Number.MAX_SAFE_INTEGER });

/**
 * `adminUpdateConfig` request: the whole configuration (no defaults fill gaps) and the
 * `updatedAt` of config/app as the admin loaded it; `null` means it had never been saved, and
 * leaving it out saves over whatever is stored.
 */
export const AdminUpdateConfigRequest = strictObject("request", {
  config: AppConfig,
  expectedUpdatedAt: timestamp("expectedUpdatedAt").nullable().optional(),
});
export type AdminUpdateConfigRequest = z.infer<typeof AdminUpdateConfigRequest>;

/**
 * `adminUpdateConfig` answer. Nothing changed: `changeId` is null, `changedKeys` empty and
 * `updatedAt` the stored one (null when config/app was never saved); nothing was written.
 */
export const AdminUpdateConfigResult = z.object({
  changeId: z.string().nullable(),
  changedKeys: z.array(z.string()),
  updatedAt: z.number().int().nullable(),
});
export type AdminUpdateConfigResult = z.infer<typeof AdminUpdateConfigResult>;

/** A configuration as recorded in the audit log: kept as written, so older entries still read. */
const RecordedConfig = z.record(z.string(), z.unknown());

/** configChanges/{id}: who changed config/app, when (ms), the configs before and after. */
export const ConfigChange = z.object({
  by: z.string().min(1),
  byEmail: z.string().nullable(),
  at: z.number().int().nonnegative(),
  before: RecordedConfig,
  after: RecordedConfig,
  changedKeys: z.array(z.string()),
});
export type ConfigChange = z.infer<typeof ConfigChange>;

/** The fields `adminUpdateConfig` adds to config/app beside the AppConfig ones. */
export const CONFIG_STAMP_KEYS = ["updatedAt", "updatedBy"] as const;

/** When and by whom config/app was last saved; nulls for a document never saved (or missing). */
export function configStamp(raw: unknown): { updatedAt: number | null; updatedBy: string | null } {
  const doc = isPlainObject(raw) ? raw : {};
  return {
    updatedAt: Number.isSafeInteger(doc.updatedAt) ? (doc.updatedAt as number) : null,
    updatedBy: typeof doc.updatedBy === "string" ? doc.updatedBy : null,
  };
}

/** A stored config/app without its save stamp: the configuration part, as stored. */
export function withoutStamp(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(raw).filter(([key]) => !(CONFIG_STAMP_KEYS as readonly string[]).includes(key)),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) return collectChanges(a, b, "", []).length === 0;
  return Object.is(a, b);
}

function collectChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix: string,
  out: string[],
): string[] {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const path = prefix ? `${prefix}.${key}` : key;
    const [was, now] = [before[key], after[key]];
    const onBothSides = Object.hasOwn(before, key) && Object.hasOwn(after, key);
    if (onBothSides && isPlainObject(was) && isPlainObject(now)) {
      collectChanges(was, now, path, out);
    } else if (!onBothSides || !sameValue(was, now)) {
      out.push(path);
    }
  }
  return out;
}

/**
 * The dotted paths whose values differ between two configurations, sorted
 * (`plans.free.monthlyTokens`). Objects are compared key by key; an array, or a key present on
 * one side only (a new model's price), is reported whole at its own path.
 */
export function changedKeys(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  return collectChanges(before, after, "", []).sort();
}

/** What saving a configuration over the stored config/app comes to. */
export type ConfigUpdatePlan =
  | { outcome: "conflict"; storedUpdatedAt: number | null; storedBy: string | null }
  | { outcome: "unchanged"; updatedAt: number | null }
  | { outcome: "write"; stored: Record<string, unknown>; change: ConfigChange };

// The configuration in force before the change: the stored document parsed over the defaults,
// or, when it is broken, the document as stored (so an admin can repair it and the log shows
// what was there).
function configBefore(stored: unknown): Record<string, unknown> {
  try {
    return parseAppConfig(stored);
  } catch (error) {
    if (!(error instanceof AppConfigError)) throw error;
    return isPlainObject(stored) ? withoutStamp(stored) : {};
  }
}

/**
 * Decides a save of `request.config` over `stored` (config/app's data, undefined when missing):
 * a conflict when it changed since `expectedUpdatedAt`, nothing when no value differs, else the
 * new document (stamped; `updatedAt` always moves forward) and its audit record.
 */
export function planConfigUpdate(
  stored: unknown,
  request: AdminUpdateConfigRequest,
  author: { uid: string; email: string | null },
  nowMs: number,
): ConfigUpdatePlan {
  const stamp = configStamp(stored);
  const expected = request.expectedUpdatedAt;
  if (expected !== undefined && expected !== stamp.updatedAt) {
    return { outcome: "conflict", storedUpdatedAt: stamp.updatedAt, storedBy: stamp.updatedBy };
  }
  const before = configBefore(stored);
  const after = request.config;
  const keys = changedKeys(before, after);
  if (keys.length === 0) return { outcome: "unchanged", updatedAt: stamp.updatedAt };
  const at = Math.max(nowMs, (stamp.updatedAt ?? 0) + 1);
  return {
    outcome: "write",
    stored: { ...after, updatedAt: at, updatedBy: author.uid },
    change: { by: author.uid, byEmail: author.email, at, before, after, changedKeys: keys },
  };
}
