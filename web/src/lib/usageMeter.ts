// The usage meter's arithmetic: how full the bar is, what is left, and whether the person is near
// or over their monthly limit (which is when the upgrade path is offered).

/** From this share of the limit on, the meter warns and offers the upgrade. */
export const NEAR_LIMIT_RATIO = 0.8;

export type MeterLevel = "ok" | "near" | "over";

export interface MeterState {
  used: number;
  limit: number;
  /** Share of the limit used, in whole percent; may exceed 100. */
  percent: number;
  /** Width of the bar, 0–100. */
  barPercent: number;
  /** Tokens left (never negative). */
  remaining: number;
  level: MeterLevel;
}

export function meterState(used: number, limit: number): MeterState {
  const safeUsed = Math.max(0, used);
  const safeLimit = Math.max(0, limit);
  // A limit of 0 leaves nothing to spend: the meter is full whatever was used.
  const ratio = safeLimit === 0 ? (safeUsed > 0 ? Infinity : 1) : safeUsed / safeLimit;
  const percent = Number.isFinite(ratio) ? Math.floor(ratio * 100) : 100;
  const level: MeterLevel = ratio >= 1 ? "over" : ratio >= NEAR_LIMIT_RATIO ? "near" : "ok";
  return {
    used: safeUsed,
    limit: safeLimit,
    percent: safeLimit === 0 ? 100 : percent,
    barPercent: Math.min(100, safeLimit === 0 ? 100 : percent),
    remaining: Math.max(0, safeLimit - safeUsed),
    level,
  };
}
