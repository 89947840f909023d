// Contracts of the self-service account callables (`exportMyData`, `deleteMyAccount`) and
// the pure rules behind them: the export's size budget, the recent-sign-in check before an
// irreversible deletion, and how a deleted user's usage records are anonymised.
import { z } from "zod";
import { strictObject } from "./fields.js";
import { UserProfile } from "./profile.js";
import { QuotaDoc } from "./quota.js";
import { SparkDoc } from "./sparkDoc.js";
import { UsageRecordFields } from "./usage.js";

/**
 * Caps of one export. Callable responses must stay under 10 MB; a spark can reach ~50 KB, so
 * the byte budget is what really binds, and the counts bound the reads.
 */
export const EXPORT_LIMITS = { sparks: 5_000, usage: 20_000, quotas: 1_000, bytes: 8_000_000 };

/** `exportMyData` takes no arguments. */
export const ExportMyDataRequest = strictObject("request", {});
export type ExportMyDataRequest = z.infer<typeof ExportMyDataRequest>;

/** users/{uid} as exported: known fields checked when present, every other field kept. */
export const ExportedProfile = UserProfile.partial().loose();
export type ExportedProfile = z.infer<typeof ExportedProfile>;

const withId = { id: z.string() };

/** `exportMyData` answer: everything stored about the caller (newest sparks first). */
export const ExportMyDataResult = z.object({
  /** ISO 8601 time of the export. */
  exportedAt: z.iso.datetime(),
  uid: z.string(),
  profile: ExportedProfile.nullable(),
  sparks: z.array(SparkDoc.extend(withId)),
  /** Oldest first. */
  usage: z.array(UsageRecordFields.extend(withId)),
  quotas: z.array(QuotaDoc.extend(withId)),
  /** True when a list was cut short by EXPORT_LIMITS (the newest sparks are kept). */
  truncated: z.boolean(),
});
export type ExportMyDataResult = z.infer<typeof ExportMyDataResult>;

/** UTF-8 size of `value` as JSON (what it adds to the response body). */
export function jsonByteLength(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Counts the bytes an export has used so it can stop before the response limit. */
export class ExportBudget {
  #left: number;

  constructor(bytes: number = EXPORT_LIMITS.bytes) {
    this.#left = bytes;
  }

  /** Reserves room for `value`; false (and nothing reserved) when it does not fit. */
  take(value: unknown): boolean {
    const size = jsonByteLength(value) + 1;
    if (size > this.#left) return false;
    this.#left -= size;
    return true;
  }
}

/**
 * Takes items from `source` until `max` items or the byte budget is reached; `truncated` says
 * whether anything was left behind. Stops reading the source as soon as it is full.
 */
export async function collectWithin<T>(
  source: AsyncIterable<T>,
  max: number,
  budget: ExportBudget,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  for await (const item of source) {
    if (items.length >= max || !budget.take(item)) return { items, truncated: true };
    items.push(item);
  }
  return { items, truncated: false };
}

/** `deleteMyAccount` request: the person typed DELETE to confirm. */
export const DeleteMyAccountRequest = strictObject("request", {
  confirm: z.literal("DELETE", { error: 'confirm must be "DELETE"' }),
});
export type DeleteMyAccountRequest = z.infer<typeof DeleteMyAccountRequest>;

const count = z.number().int().nonnegative();

/** `deleteMyAccount` answer, sent just before the Auth account disappears. */
export const DeleteMyAccountResult = z.object({
  uid: z.string(),
  deleted: z.literal(true),
  /** Profile, sparks and quota documents removed. */
  documentsDeleted: count,
  /** Usage records kept for accounting, no longer linked to the person. */
  usageAnonymised: count,
  /** Analytics events kept for the funnel, no longer linked to the person. */
  eventsAnonymised: count,
});
export type DeleteMyAccountResult = z.infer<typeof DeleteMyAccountResult>;

/** How recent a sign-in must be for an irreversible action such as deleting the account. */
export const RECENT_SIGN_IN_SECONDS = 5 * 60;
/** Tolerated clock difference between Firebase Auth and the server. */
const CLOCK_SKEW_SECONDS = 60;

export const REAUTH_MESSAGE = "Please sign in again to delete your account.";

/** True when the ID token's `auth_time` (seconds since epoch) is within `maxAgeSeconds`. */
export function isRecentSignIn(
  authTime: unknown,
  nowMs: number,
  maxAgeSeconds: number = RECENT_SIGN_IN_SECONDS,
): boolean {
  if (typeof authTime !== "number" || !Number.isFinite(authTime)) return false;
  const ageSeconds = nowMs / 1000 - authTime;
  return ageSeconds <= maxAgeSeconds && ageSeconds >= -CLOCK_SKEW_SECONDS;
}

/**
 * What a deleted user's usage records and analytics events keep pointing at: a fixed marker,
 * so cost accounting and the funnel stay whole while nothing links a record to the person.
 */
export const DELETED_USER_UID = "deleted";

/** The change that anonymises one usage record or analytics event. */
export function anonymisedRecord(nowMs: number): { uid: string; anonymisedAt: number } {
  return { uid: DELETED_USER_UID, anonymisedAt: nowMs };
}
