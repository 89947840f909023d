// Fault injection: validates fault entries posted to /__control/faults and keeps one FIFO
// queue per endpoint; each model request consumes at most one entry.
import { isRecord } from "./brief.js";

export type FaultEndpoint = "responses" | "moderations";

export interface Fault {
  endpoint?: FaultEndpoint;
  /** Answer with this HTTP status and an OpenAI error body. */
  status?: number;
  /** Seconds for the Retry-After header (with `status`). */
  retryAfter?: number;
  /** Error message override (with `status`). */
  message?: string;
  /** Wait this long before answering anything (combinable with the other kinds). */
  delayMs?: number;
  /** Streaming: send this many text deltas, then destroy the socket. Otherwise: destroy it. */
  dropStreamAfterChunks?: number;
  /** Answer 200 with a body (or SSE data) that is not valid JSON. */
  malformed?: boolean;
}

type Check = (value: unknown) => string | null;

const isInt =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? null
      : `must be an integer from ${min} to ${max}`;

const CHECKS: Record<keyof Fault, Check> = {
  endpoint: (v) =>
    v === "responses" || v === "moderations" ? null : `must be "responses" or "moderations"`,
  status: isInt(400, 599),
  retryAfter: (v) =>
    typeof v === "number" && v >= 0 && v <= 3600
      ? null
      : "must be a number of seconds from 0 to 3600",
  message: (v) => (typeof v === "string" && v.length > 0 ? null : "must be a non-empty string"),
  delayMs: isInt(0, 600_000),
  dropStreamAfterChunks: isInt(0, 100_000),
  malformed: (v) => (v === true ? null : "must be true"),
};

const EXCLUSIVE: (keyof Fault)[] = ["status", "dropStreamAfterChunks", "malformed"];

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
    return `needs one of status, delayMs, dropStreamAfterChunks, malformed`;
  }
  if (("retryAfter" in entry || "message" in entry) && !("status" in entry)) {
    return `"retryAfter" and "message" only apply together with "status"`;
  }
  return null;
}

export class FaultQueues {
  private readonly queues: Record<FaultEndpoint, Fault[]> = { responses: [], moderations: [] };

  push(faults: readonly Fault[]): void {
    for (const fault of faults) this.queues[fault.endpoint ?? "responses"].push(fault);
  }

  take(endpoint: FaultEndpoint): Fault | null {
    return this.queues[endpoint].shift() ?? null;
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
