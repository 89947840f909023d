// Carries out the parts of a fault that replace a normal answer outright: the delay and an
// error status (before any generation), and a dropped socket or malformed JSON body.
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

/** Codes whose error body differs from the status's usual one, as the real API sends them. */
const CODE_BODIES: Record<string, { type: string; message: string }> = {
  insufficient_quota: {
    type: "insufficient_quota",
    message:
      "You exceeded your current quota, please check your plan and billing details. For more " +
      "information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
  },
};

/** Returns true when the fault has fully answered the request (or the client left). */
export async function applyLeadingFault(
  fault: Fault | null,
  res: ServerResponse,
  signal: AbortSignal,
): Promise<boolean> {
  if (!fault) return false;
  if (fault.delayMs !== undefined && !(await pause(fault.delayMs, signal))) return true;
  if (fault.status === undefined) return false;
  const byCode = fault.code !== undefined ? CODE_BODIES[fault.code] : undefined;
  const message =
    fault.message ??
    byCode?.message ??
    DEFAULT_MESSAGES[fault.status] ??
    `Injected fault: HTTP ${fault.status}.`;
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
  if (fault.retryAfterMs !== undefined) headers["retry-after-ms"] = String(fault.retryAfterMs);
  const details = byCode ? { type: byCode.type, code: fault.code } : { code: fault.code };
  sendError(res, fault.status, message, { ...details, headers });
  return true;
}

/** Non-streaming answers: a dropped connection or a JSON body cut in half. */
export function applyBodyFault(fault: Fault | null, res: ServerResponse): boolean {
  if (fault?.dropStreamAfterChunks !== undefined) {
    dropConnection(res);
    return true;
  }
  if (fault?.malformed) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"id":"resp_malformed","object":"response","output":[{"type":"mess');
    return true;
  }
  return false;
}
