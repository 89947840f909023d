// A small seeded random source (mulberry32) and the draws the demo business is built from, so
// a given seed and "today" always produce the same documents.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both included). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One of `items`, by `weights` (same length, non-negative, not all zero). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Normally distributed (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number;
  /** A version-4-shaped UUID (what the app generates for request ids). */
  uuid(): string;
}

export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const hex = (digits: number) =>
    Array.from({ length: digits }, () => Math.floor(next() * 16).toString(16)).join("");
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    weighted(items, weights) {
      const total = weights.reduce((sum, w) => sum + w, 0);
      if (items.length !== weights.length || !(total > 0)) {
        throw new RangeError("weighted needs one positive weight per item");
      }
      let pick = next() * total;
      for (let i = 0; i < items.length; i++) {
        pick -= weights[i] ?? 0;
        if (pick < 0) return items[i] as (typeof items)[number];
      }
      return items[items.length - 1] as (typeof items)[number];
    },
    normal(mean, sd) {
      const u = 1 - next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
    uuid: () =>
      `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`,
  };
}
