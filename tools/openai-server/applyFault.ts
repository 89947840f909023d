// Carries out the part of a fault that happens before any normal output: the delay, an
// error status, and (for non-streaming answers) a dropped socket or a malformed body.
import type { ServerResponse } from "node:http";
import type { Fault } from "./faults.js";
import { dropConnection, sendError } from "./http.js";
import { pause } from "./pacing.js";

const DEFAULT_MESSAGES: Record<number, string> = {
  429: "Rate limit reached for requests. Please try again in 1s. (injected by the local server)",
  500: "The server had an error while processing your request. Sorry about that!",
  502: "Bad gateway.",
  503: "The server is overloaded or not ready yet.",
};

/** Returns true when the fault has fully answered the request (or the client left). */
export async function applyLeadingFault(
  fault: Fault | null,
  res: ServerResponse,
  signal: AbortSignal,
  streaming: boolean,
): Promise<boolean> {
  if (!fault) return false;
  if (fault.delayMs !== undefined && !(await pause(fault.delayMs, signal))) return true;
  if (fault.status !== undefined) {
    const message =
      fault.message ?? DEFAULT_MESSAGES[fault.status] ?? `Injected fault: HTTP ${fault.status}.`;
    const headers: Record<string, string> =
      fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {};
    sendError(res, fault.status, message, { headers });
    return true;
  }
  if (streaming) return false;
  if (fault.dropStreamAfterChunks !== undefined) {
    dropConnection(res);
    return true;
  }
  if (fault.malformed) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"id":"resp_malformed","object":"response","output":[{"type":"mess');
    return true;
  }
  return false;
}
