// Fault injection: validates fault entries posted to /__control/faults and keeps one FIFO
// queue per endpoint; each model request consumes at most one entry.
import { isRecord } from "./brief.js";
import { CATEGORIES, type Category } from "./moderation.js";

export type FaultEndpoint = "responses" | "moderations";
export type IncompleteReason = "max_output_tokens" | "content_filter";

export interface Fault {
  endpoint?: FaultEndpoint;
  /**
   * Only a request whose input contains this text takes the fault (others pass it by), so
   * tests running side by side against one server cannot take each other's faults.
   */
  match?: string;
  /** Answer with this HTTP status and an OpenAI error body. */
  status?: number;
  /** The error body's `code` (with `status`); "insufficient_quota" also sets its type and message. */
  code?: string;
  /** Seconds for the Retry-After header (with `status`). */
  retryAfter?: number;
  /** Milliseconds for the retry-after-ms header (with `status`). */
  retryAfterMs?: number;
  /** Error message override (with `status`, `failed` or `streamError`). */
  message?: string;
  /** Wait this long before answering anything (combinable with the other kinds). */
  delayMs?: number;
  /** Streaming: send this many text deltas, then destroy the socket. Otherwise: destroy it. */
  dropStreamAfterChunks?: number;
  /** Answer 200 with a body (or SSE data) that is not valid JSON. */
  malformed?: boolean;
  /** The model refuses with this text (a `refusal` content part instead of output_text). */
  refusal?: string;
  /** End as `incomplete` with this reason after `afterChunks` text deltas. */
  incomplete?: IncompleteReason;
  /** End as `failed` with this error code (streaming: response.failed; otherwise an HTTP error). */
  failed?: string;
  /** Streaming: after `afterChunks` text deltas, an SSE `error` event with this code, then EOF. */
  streamError?: string;
  /** Text deltas sent before `incomplete` or `streamError` (default 0). */
  afterChunks?: number;
  /** Moderations: classify the input as flagged in this category, whatever its text. */
  flagged?: Category;
}

/** The error codes a failed response can carry (ResponseError.code in the API reference). */
export const FAILED_CODES = [
  "server_error",
  "rate_limit_exceeded",
  "invalid_prompt",
  "vector_store_timeout",
  "invalid_image",
  "invalid_image_format",
  "invalid_base64_image",
  "invalid_image_url",
  "image_too_large",
  "image_too_small",
  "image_parse_error",
  "image_content_policy_violation",
  "invalid_image_mode",
  "image_file_too_large",
  "unsupported_image_media_type",
  "empty_image_file",
  "failed_to_download_image",
  "image_file_not_found",
];

type Check = (value: unknown) => string | null;

const isInt =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? null
      : `must be an integer from ${min} to ${max}`;

const nonEmpty: Check = (v) =>
  typeof v === "string" && v.length > 0 ? null : "must be a non-empty string";

const CHECKS: Record<keyof Fault, Check> = {
  endpoint: (v) =>
    v === "responses" || v === "moderations" ? null : `must be "responses" or "moderations"`,
  match: nonEmpty,
  status: isInt(400, 599),
  code: nonEmpty,
  retryAfter: (v) =>
    typeof v === "number" && v >= 0 && v <= 3600
      ? null
      : "must be a number of seconds from 0 to 3600",
  retryAfterMs: isInt(0, 3_600_000),
  message: nonEmpty,
  delayMs: isInt(0, 600_000),
  dropStreamAfterChunks: isInt(0, 100_000),
  malformed: (v) => (v === true ? null : "must be true"),
  refusal: nonEmpty,
  incomplete: (v) =>
    v === "max_output_tokens" || v === "content_filter"
      ? null
      : `must be "max_output_tokens" or "content_filter"`,
  failed: (v) =>
    typeof v === "string" && FAILED_CODES.includes(v)
      ? null
      : `must be a response error code (${FAILED_CODES.slice(0, 3).join(", ")}, …)`,
  streamError: nonEmpty,
  afterChunks: isInt(0, 100_000),
  flagged: (v) =>
    typeof v === "string" && (CATEGORIES as readonly string[]).includes(v)
      ? null
      : `must be a moderation category (${CATEGORIES.slice(0, 3).join(", ")}, …)`,
};

const EXCLUSIVE: (keyof Fault)[] = [
  "status",
  "dropStreamAfterChunks",
  "malformed",
  "refusal",
  "incomplete",
  "failed",
  "streamError",
  "flagged",
];

/** Kinds that only make sense for a generated response, not a moderation. */
const RESPONSES_ONLY: (keyof Fault)[] = ["refusal", "incomplete", "failed", "streamError"];

/** Fields that only refine another field. */
const REFINES: [keyof Fault, (keyof Fault)[]][] = [
  ["code", ["status"]],
  ["retryAfter", ["status"]],
  ["retryAfterMs", ["status"]],
  ["message", ["status", "failed", "streamError"]],
  ["afterChunks", ["incomplete", "streamError"]],
];

export type FaultParse = { ok: true; faults: Fault[] } | { ok: false; message: string };

export function parseFaults(body: unknown): FaultParse {
  if (!Array.isArray(body)) {
    return {
      ok: false,
      message: 'Expected a JSON array of faults, e.g. [{"status":429,"retryAfter":1}].',
    };
  }
  const faults: Fault[] = [];
  for (const [index, entry] of body.entries()) {
    const problem = faultProblem(entry);
    if (problem) return { ok: false, message: `faults[${index}]: ${problem}` };
    faults.push(entry as Fault);
  }
  return { ok: true, faults };
}

function faultProblem(entry: unknown): string | null {
  if (!isRecord(entry)) return "must be an object";
  for (const [key, value] of Object.entries(entry)) {
    if (!(key in CHECKS))
      return `unknown field "${key}" (allowed: ${Object.keys(CHECKS).join(", ")})`;
    const problem = CHECKS[key as keyof Fault](value);
    if (problem) return `"${key}" ${problem}`;
  }
  const kinds = EXCLUSIVE.filter((key) => key in entry);
  if (kinds.length > 1)
    return `combine at most one of ${EXCLUSIVE.join(", ")} (got ${kinds.join(" and ")})`;
  if (kinds.length === 0 && !("delayMs" in entry)) {
    return `needs one of delayMs, ${EXCLUSIVE.join(", ")}`;
  }
  for (const [field, owners] of REFINES) {
    if (field in entry && !owners.some((owner) => owner in entry)) {
      return `"${field}" only applies together with ${owners.map((o) => `"${o}"`).join(" or ")}`;
    }
  }
  const responsesOnly = RESPONSES_ONLY.find((key) => key in entry);
  if (entry.endpoint === "moderations" && responsesOnly) {
    return `"${responsesOnly}" only applies to the responses endpoint`;
  }
  if ("flagged" in entry && entry.endpoint !== "moderations") {
    return `"flagged" only applies to the moderations endpoint`;
  }
  return null;
}

export class FaultQueues {
  private readonly queues: Record<FaultEndpoint, Fault[]> = { responses: [], moderations: [] };

  push(faults: readonly Fault[]): void {
    for (const fault of faults) this.queues[fault.endpoint ?? "responses"].push(fault);
  }

  /** The first queued fault for `endpoint` that applies to a request with input `text`. */
  take(endpoint: FaultEndpoint, text = ""): Fault | null {
    const queue = this.queues[endpoint];
    const index = queue.findIndex(
      (fault) => fault.match === undefined || text.includes(fault.match),
    );
    return index === -1 ? null : (queue.splice(index, 1)[0] ?? null);
  }

  /** Empties every queue and returns how many entries were dropped. */
  clear(): number {
    const count = this.queues.responses.length + this.queues.moderations.length;
    this.queues.responses = [];
    this.queues.moderations = [];
    return count;
  }

  snapshot(): Record<FaultEndpoint, Fault[]> {
    return { responses: [...this.queues.responses], moderations: [...this.queues.moderations] };
  }
}
