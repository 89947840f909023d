// Answers a non-streaming request with one response object (after the first-token wait), or
// with the fault's replacement: a cut connection, malformed JSON, or the HTTP error a failure
// mid-generation turns into.
import { applyBodyFault } from "./applyFault.js";
import { billPiece, contentPart, endingOf } from "./answer.js";
import type { AnswerContext } from "./answer.js";
import { failureError, sendFailure } from "./failure.js";
import { sendError, sendJson } from "./http.js";
import { pause } from "./pacing.js";
import { messageItem, reasoningItem, responseObject, usageFrom } from "./responseObject.js";

export async function sendFinalResponse(a: AnswerContext): Promise<void> {
  const { res, signal, meta, plan, fault, meter, pacing } = a;
  if (!(await pause(pacing.firstTokenMs, signal))) return;
  if (applyBodyFault(fault, res)) return;
  if (fault?.failed !== undefined)
    return sendFailure(res, failureError(fault.failed, fault.message));
  if (plan.finish.kind === "error") {
    const { code, message } = plan.finish;
    return sendError(res, 500, message, { type: "server_error", code });
  }
  if (signal.aborted || res.destroyed) return;
  meter.addReasoning(plan.reasoningTokens);
  const output: unknown[] = plan.reasoningItem ? [reasoningItem(meta.reasoningId)] : [];
  const { status, ending } = endingOf(plan);
  if (plan.content !== null) {
    const text = plan.pieces.join("");
    billPiece(plan, meter, text);
    output.push(messageItem(meta.messageId, status, [contentPart(plan, text)]));
  }
  sendJson(res, 200, responseObject(meta, status, output, usageFrom(meter), ending));
}
