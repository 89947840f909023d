// A coarse per-IP backstop for the `track` callable, kept in this instance's memory: a
// fixed one-minute window per address. Not shared between instances and never stored, so it
// costs no Firestore operation, keeps no address, and cannot become a hot document for the many
// people behind one carrier or office NAT; the exact limits are per visitor and per account.
import { RATE_WINDOW_MS } from "@ideaspark/domain";

export type LimitAnswer = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface WindowLimiter {
  /** Counts one call from `key` at `nowMs`, or refuses it when its window is full. */
  take(key: string, nowMs: number): LimitAnswer;
}

export function createWindowLimiter(options: {
  perMinute: number;
  /** Addresses remembered at most; the least recently seen is forgotten first. */
  maxKeys: number;
}): WindowLimiter {
  const { perMinute, maxKeys } = options;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key, nowMs) {
      let window = windows.get(key);
      if (!window || nowMs - window.start >= RATE_WINDOW_MS || nowMs < window.start) {
        window = { start: nowMs, count: 0 };
      }
      if (window.count >= perMinute) {
        const waitMs = window.start + RATE_WINDOW_MS - nowMs;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
      }
      window.count += 1;
      // Re-inserted so the Map's order is least recently seen first.
      windows.delete(key);
      windows.set(key, window);
      if (windows.size > maxKeys) {
        const oldest = windows.keys().next().value;
        if (oldest !== undefined) windows.delete(oldest);
      }
      return { ok: true };
    },
  };
}
