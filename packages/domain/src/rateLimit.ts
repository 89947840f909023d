// Per-user requests-per-minute limit over a short list of recent request times kept in the
// user's own document (no shared counter, so it scales with users).

export const RATE_WINDOW_MS = 60_000;

export type RateDecision =
  { ok: true; recent: number[] } | { ok: false; retryAfterSeconds: number };

/**
 * Allows a request when fewer than `perMinute` requests happened in the last minute. On
 * success `recent` is the list to store: the in-window times plus now, oldest first, never
 * longer than `perMinute`. On refusal, `retryAfterSeconds` is when the oldest one leaves.
 */
export function decideRate(input: {
  recent: readonly number[];
  nowMs: number;
  perMinute: number;
}): RateDecision {
  const { nowMs, perMinute } = input;
  if (!Number.isInteger(perMinute) || perMinute < 1) throw new RangeError("perMinute must be ≥ 1");
  const inWindow = input.recent
    .filter((time) => Number.isFinite(time) && time > nowMs - RATE_WINDOW_MS)
    .sort((a, b) => a - b);
  if (inWindow.length >= perMinute) {
    const oldest = inWindow[inWindow.length - perMinute] ?? nowMs;
    const waitMs = oldest + RATE_WINDOW_MS - nowMs;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
  return { ok: true, recent: [...inWindow, nowMs].slice(-perMinute) };
}
