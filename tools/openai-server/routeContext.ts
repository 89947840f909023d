// What every route handler receives: the parsed body, its log entry, an abort signal that
// fires when the client disconnects or the server closes, and the shared server state.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Billing } from "./billing.js";
import type { FaultQueues } from "./faults.js";
import type { Pacing } from "./pacing.js";
import type { PromptCache } from "./promptCache.js";
import type { RequestLog, RequestLogEntry } from "./requestLog.js";

export interface ServerState {
  faults: FaultQueues;
  log: RequestLog;
  pacing: Pacing;
  billing: Billing;
  promptCache: PromptCache;
  /** Requests still being answered, aborted on close. */
  inFlight: Set<AbortController>;
}

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  body: unknown;
  entry: RequestLogEntry | null;
  signal: AbortSignal;
  state: ServerState;
}
