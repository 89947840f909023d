// One data export per account per cooldown: an export reads up to ~26,000 documents, so a
// script calling `exportMyData` in a loop would turn one account into a read amplifier. The
// time of the account's last export lives in `limits/{uid}`, which only functions touch.
import { z } from "zod";
import { DomainError } from "./errors.js";

/** Seconds an account waits between two data exports. */
export const EXPORT_COOLDOWN_SECONDS = 10 * 60;

/** limits/{uid}: per-account limits of the self-service callables (functions only). */
export const AccountLimitsDoc = z.object({
  uid: z.string(),
  /** When the account's last data export started (ms); absent before the first. */
  lastExportAt: z.number().int().nonnegative().optional(),
});
export type AccountLimitsDoc = z.infer<typeof AccountLimitsDoc>;

export type CooldownDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Allows an export when none started in the last `cooldownSeconds`. On refusal, the whole
 * seconds until one may start (never more than the cooldown, should clocks disagree).
 */
export function decideExportCooldown(input: {
  lastExportAt: number | undefined;
  nowMs: number;
  cooldownSeconds?: number;
}): CooldownDecision {
  const { lastExportAt, nowMs, cooldownSeconds = EXPORT_COOLDOWN_SECONDS } = input;
  if (lastExportAt === undefined) return { ok: true };
  const waitMs = lastExportAt + cooldownSeconds * 1000 - nowMs;
  if (waitMs <= 0) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.min(cooldownSeconds, Math.ceil(waitMs / 1000)) };
}

/** "45 seconds", "1 minute", "7 minutes": a wait in the unit a person reads at a glance. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** The refusal of an export inside the cooldown: `rate-limited`, saying when to try again. */
export function exportCooldownError(
  retryAfterSeconds: number,
  cooldownSeconds: number = EXPORT_COOLDOWN_SECONDS,
): DomainError {
  const message =
    `You can download your data once every ${describeWait(cooldownSeconds)}. ` +
    `Please try again in ${describeWait(retryAfterSeconds)}.`;
  return new DomainError("rate-limited", message, { retryAfterSeconds });
}
