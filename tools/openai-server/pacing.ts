// Timing: how fast text arrives (first token, then per delta) and an abortable pause that
// frees its timer the moment the client disconnects or the server closes.
import { setTimeout as delay } from "node:timers/promises";

export interface Pacing {
  /** Wait before the first text delta (and before a non-streaming answer). */
  firstTokenMs: number;
  /** Mean wait between deltas; each wait varies ±30%. */
  chunkMs: number;
}

export const DEFAULT_PACING: Pacing = { firstTokenMs: 400, chunkMs: 22 };
export const FAST_PACING: Pacing = { firstTokenMs: 0, chunkMs: 0 };

export function chunkDelay(pacing: Pacing): number {
  if (pacing.chunkMs <= 0) return 0;
  return Math.round(pacing.chunkMs * (0.7 + Math.random() * 0.6));
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
export async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  if (ms <= 0) return true;
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
