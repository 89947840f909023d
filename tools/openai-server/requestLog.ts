// The log of API requests the server received, for tests that count attempts or check which
// model and fault each attempt saw (GET/DELETE /__control/requests).
import type { BilledUsage } from "./billing.js";
import type { Fault } from "./faults.js";

export interface RequestLogEntry {
  method: string;
  path: string;
  model: string | null;
  stream: boolean;
  /** The fault this request consumed, if any. */
  fault: Fault | null;
  /** ISO time the request arrived. */
  timestamp: string;
  /** HTTP status sent, or null while pending or when the connection was dropped first. */
  status: number | null;
  /** True once the whole response was sent (false while pending, after drops and aborts). */
  completed: boolean;
  /** What this request was billed so far (null: it never started generating). */
  billed: BilledUsage | null;
  body: unknown;
}

const MAX_ENTRIES = 1000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  record(method: string, path: string, body: unknown): RequestLogEntry {
    const fields =
      typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    const entry: RequestLogEntry = {
      method,
      path,
      model: typeof fields.model === "string" ? fields.model : null,
      stream: fields.stream === true,
      fault: null,
      timestamp: new Date().toISOString(),
      status: null,
      completed: false,
      billed: null,
      body,
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    return entry;
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): number {
    const count = this.entries.length;
    this.entries = [];
    return count;
  }
}
