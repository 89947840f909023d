// Retry policy for model calls: which failures are worth retrying, how long to wait
// (exponential backoff with full jitter, honouring Retry-After), and which model each
// bounded attempt uses (the last one falls back to the cheaper, separately rate-limited model).

export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

/** A failure as seen by the retry policy: an HTTP status and/or an error code. */
export interface FailureInfo {
  status?: number | null;
  code?: string | null;
  retryAfter?: string | null;
  /** OpenAI's `retry-after-ms` header (milliseconds); preferred over `retryAfter`. */
  retryAfterMs?: string | null;
  /** The failure arrived inside a 200 stream (a failed response or an SSE error event). */
  stream?: boolean;
  /** The provider finished the response as `failed` (rather than breaking the stream). */
  failedResponse?: boolean;
}

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "network",
  "timeout",
  "stream-dropped",
  "malformed-output",
  // Codes of a failed response or an SSE error event that say "try again".
  "server_error",
  "rate_limit_exceeded",
]);

// 429 "insufficient_quota" is the account being out of credit: retrying cannot help.
const PERMANENT_CODES = new Set(["insufficient_quota", "invalid_api_key", "model_not_found"]);

/** True when the provider account is out of credit: an operator must act, retrying cannot help. */
export function isOutOfCredit({ code }: FailureInfo): boolean {
  return code === "insufficient_quota";
}

/** True for 408/409/429/5xx and network or timeout errors; false for other 4xx. */
export function isRetryable({ status, code }: FailureInfo): boolean {
  if (code && PERMANENT_CODES.has(code)) return false;
  if (typeof status === "number") {
    return status === 408 || status === 409 || status === 429 || (status >= 500 && status <= 599);
  }
  return code ? NETWORK_CODES.has(code) : false;
}

/** True when the model itself is missing or refused, so another model may still succeed. */
export function isModelUnavailable({ status, code }: FailureInfo): boolean {
  return code === "model_not_found" || status === 404;
}

const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Retry-After as milliseconds from `nowMs` (delta-seconds or HTTP-date), or null if unusable. */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | null {
  const trimmed = value?.trim() ?? "";
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  if (!IMF_FIXDATE.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** How long the provider asked us to wait: `retry-after-ms` first, then `retry-after`. */
export function providerWaitMs(failure: FailureInfo, nowMs: number): number | null {
  const ms = failure.retryAfterMs?.trim() ?? "";
  if (/^\d+(\.\d+)?$/.test(ms)) return Math.ceil(Number(ms));
  return parseRetryAfterMs(failure.retryAfter, nowMs);
}

/**
 * Delay before retry number `attempt` (1 = the first retry): a uniform random delay in
 * [0, min(maxMs, baseMs·2^(attempt−1))) — "full jitter" — but never less than Retry-After,
 * and never more than maxMs.
 */
export function retryDelayMs(input: {
  attempt: number;
  baseMs: number;
  maxMs: number;
  retryAfter?: string | null;
  retryAfterMs?: string | null;
  random: () => number;
  now?: () => number;
}): number {
  const { attempt, baseMs, maxMs, random, now = Date.now } = input;
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError("attempt starts at 1");
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  const jitter = Math.floor(Math.min(Math.max(random(), 0), 0.999999) * ceiling);
  const floor = providerWaitMs(input, now()) ?? 0;
  return Math.min(maxMs, Math.max(floor, jitter));
}

export interface AttemptPlan {
  attempt: number;
  model: string;
}

/** Models for each attempt: the primary, then the fallback for the last (if it differs). */
export function planAttempts(input: {
  maxAttempts: number;
  primary: string;
  fallback?: string | null;
}): AttemptPlan[] {
  const { maxAttempts, primary, fallback } = input;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError("maxAttempts ≥ 1");
  const useFallback = Boolean(fallback) && fallback !== primary && maxAttempts > 1;
  return Array.from({ length: maxAttempts }, (_, i) => ({
    attempt: i + 1,
    model: useFallback && i === maxAttempts - 1 ? (fallback as string) : primary,
  }));
}

export type RetryStep =
  | { retry: true; attempt: number; model: string; delayMs: number }
  | { retry: false; reason: "not-retryable" | "attempts-exhausted" };

/**
 * What to do after `attempt` failed. A missing model, or a Retry-After longer than maxMs,
 * skips straight to the fallback model (it has its own rate limits) when the plan has one.
 */
export function nextStep(input: {
  attempt: number;
  failure: FailureInfo;
  plan: readonly AttemptPlan[];
  policy: Pick<RetryPolicy, "baseMs" | "maxMs">;
  random: () => number;
  now?: () => number;
}): RetryStep {
  const { attempt, failure, plan, policy, random, now = Date.now } = input;
  const current = plan[attempt - 1];
  const later = plan.slice(attempt);
  const fallback = later.find((step) => step.model !== current?.model);
  const waitTooLong = (providerWaitMs(failure, now()) ?? 0) > policy.maxMs;
  if (fallback && (isModelUnavailable(failure) || (waitTooLong && isRetryable(failure)))) {
    return { retry: true, attempt: fallback.attempt, model: fallback.model, delayMs: 0 };
  }
  if (!isRetryable(failure)) return { retry: false, reason: "not-retryable" };
  const next = later[0];
  if (!next) return { retry: false, reason: "attempts-exhausted" };
  const delayMs = retryDelayMs({
    attempt,
    ...policy,
    retryAfter: failure.retryAfter,
    retryAfterMs: failure.retryAfterMs,
    random,
    now,
  });
  return { retry: true, attempt: next.attempt, model: next.model, delayMs };
}
