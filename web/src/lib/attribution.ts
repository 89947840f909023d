// First-touch campaign attribution: `utm_*` / `ref` query parameters seen on landing are kept in
// localStorage for ATTRIBUTION_TTL_DAYS, so a sign-up days later is still credited to the campaign
// that brought the visitor. First touch wins; expired or malformed records are dropped.
import { ATTRIBUTION_KEYS, ATTRIBUTION_TTL_DAYS, Attribution } from "@ideaspark/domain";

export const ATTRIBUTION_STORAGE_KEY = "ideaspark.attribution";
const TTL_MS = ATTRIBUTION_TTL_DAYS * 24 * 60 * 60 * 1000;
const MAX_VALUE_CHARS = 100;
const MAX_PATH_CHARS = 200;

export type AttributionStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** Cuts `text` to at most `max` Unicode code points (never splitting a surrogate pair). */
function truncate(text: string, max: number): string {
  return Array.from(text).slice(0, max).join("");
}

/** Attribution from a landing URL, or null when it carries no usable `utm_*` / `ref` value. */
export function attributionFromUrl(
  url: { search: string; pathname: string },
  now: number,
): Attribution | null {
  const params = new URLSearchParams(url.search);
  const found: Partial<Record<(typeof ATTRIBUTION_KEYS)[number], string>> = {};
  for (const key of ATTRIBUTION_KEYS) {
    const raw = params.get(key);
    // U+FFFD is what URLSearchParams makes of bytes that were not UTF-8: garbage, not a name.
    if (raw === null || raw.includes("\uFFFD")) continue;
    // Each value is checked on its own, so one garbage parameter does not void the others.
    const value = Attribution.shape[key].safeParse(truncate(raw.trim(), MAX_VALUE_CHARS));
    if (value.success && value.data !== undefined) found[key] = value.data;
  }
  if (Object.keys(found).length === 0) return null;
  const landingPath = truncate(url.pathname || "/", MAX_PATH_CHARS);
  const parsed = Attribution.safeParse({ ...found, landingPath, capturedAt: Math.floor(now) });
  return parsed.success ? parsed.data : null;
}

/** The stored attribution while it is valid and younger than the TTL; otherwise null. */
export function readAttribution(storage: AttributionStorage, now: number): Attribution | null {
  let raw: string | null;
  try {
    raw = storage.getItem(ATTRIBUTION_STORAGE_KEY);
  } catch {
    return null; // storage disabled (private mode, blocked cookies)
  }
  if (raw === null) return null;
  let parsed: Attribution | null = null;
  try {
    const result = Attribution.safeParse(JSON.parse(raw));
    if (result.success) parsed = result.data;
  } catch {
    // not JSON: dropped below
  }
  const fresh = parsed && parsed.capturedAt <= now && now - parsed.capturedAt < TTL_MS;
  if (!fresh) {
    forget(storage);
    return null;
  }
  return parsed;
}

/**
 * Records the attribution carried by `url` unless an unexpired first touch is already stored.
 * Returns the attribution in effect afterwards (possibly the older one, possibly null).
 */
export function captureAttribution(
  storage: AttributionStorage,
  url: { search: string; pathname: string },
  now: number,
): Attribution | null {
  const existing = readAttribution(storage, now);
  if (existing) return existing;
  const touch = attributionFromUrl(url, now);
  if (!touch) return null;
  try {
    storage.setItem(ATTRIBUTION_STORAGE_KEY, JSON.stringify(touch));
  } catch {
    // Quota or disabled storage: attribution is best effort.
  }
  return touch;
}

function forget(storage: AttributionStorage): void {
  try {
    storage.removeItem(ATTRIBUTION_STORAGE_KEY);
  } catch {
    // nothing to do
  }
}
