// POST /v1/responses: validates, consumes a queued fault, generates the text, then answers
// with one JSON response object or an SSE stream.
import { applyLeadingFault } from "./applyFault.js";
import { generateOutputText } from "./generate.js";
import { sendError, sendJson } from "./http.js";
import { pause } from "./pacing.js";
import { randomId } from "./random.js";
import { messageItem, responseObject, usageFor } from "./responseObject.js";
import { parseResponsesRequest } from "./responsesRequest.js";
import type { RouteContext } from "./routeContext.js";
import { streamResponse } from "./streamResponse.js";
import { estimateTokens, truncateToTokens } from "./tokens.js";

export async function handleResponses(ctx: RouteContext): Promise<void> {
  const { res, signal, state } = ctx;
  const parsed = parseResponsesRequest(ctx.body);
  if (!parsed.ok) {
    sendError(res, parsed.status, parsed.message, { param: parsed.param, code: parsed.code });
    return;
  }
  const { request } = parsed;
  const fault = state.faults.take("responses");
  if (ctx.entry) ctx.entry.fault = fault;
  if (await applyLeadingFault(fault, res, signal, request.stream)) return;

  const output = truncateToTokens(
    generateOutputText(request.brief, request.format),
    request.maxOutputTokens,
  );
  const inputTokens = estimateTokens(request.brief.promptText);
  const meta = {
    id: randomId("resp"),
    messageId: randomId("msg"),
    createdAt: Math.floor(Date.now() / 1000),
    request,
  };
  if (request.stream) {
    await streamResponse(res, signal, { meta, output, inputTokens, pacing: state.pacing, fault });
    return;
  }
  if (!(await pause(state.pacing.firstTokenMs, signal))) return;
  const status = output.truncated ? "incomplete" : "completed";
  const item = messageItem(meta.messageId, status, output.text);
  const usage = usageFor(inputTokens, output.tokens);
  sendJson(res, 200, responseObject(meta, status, [item], usage));
}
