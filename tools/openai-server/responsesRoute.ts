// POST /v1/responses: validates, consumes a queued fault, opens the request's bill once
// generation starts (with its prompt-cache hit), then answers as JSON or as an SSE stream.
import { applyLeadingFault } from "./applyFault.js";
import { sendFinalResponse } from "./finalResponse.js";
import { sendError } from "./http.js";
import { planResponse } from "./plan.js";
import { randomId } from "./random.js";
import { parseResponsesRequest } from "./responsesRequest.js";
import type { RouteContext } from "./routeContext.js";
import { streamResponse } from "./streamResponse.js";
import { promptTokens } from "./tokens.js";

export async function handleResponses(ctx: RouteContext): Promise<void> {
  const { res, signal, state } = ctx;
  const parsed = parseResponsesRequest(ctx.body);
  if (!parsed.ok) {
    sendError(res, parsed.status, parsed.message, { param: parsed.param, code: parsed.code });
    return;
  }
  const { request } = parsed;
  const fault = state.faults.take("responses", request.brief.promptText);
  if (ctx.entry) ctx.entry.fault = fault;
  if (await applyLeadingFault(fault, res, signal)) return;
  if (signal.aborted) return;

  // Generation starts here: from now on the request is billed.
  const { instructions, input } = request.prompt;
  const inputTokens = promptTokens(instructions, input);
  const cached = state.promptCache.use(request.snapshot, request.brief.promptText, inputTokens);
  const entry = ctx.entry;
  const meter = state.billing.open(inputTokens, cached, (usage) => {
    if (entry) entry.billed = usage;
  });
  const answer = {
    res,
    signal,
    meta: {
      id: randomId("resp"),
      messageId: randomId("msg"),
      reasoningId: randomId("rs"),
      createdAt: Math.floor(Date.now() / 1000),
      request,
    },
    plan: planResponse(request, fault),
    fault,
    meter,
    pacing: state.pacing,
  };
  if (request.stream) await streamResponse(answer);
  else await sendFinalResponse(answer);
}
