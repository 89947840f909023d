// Builds the Responses API `response` object (as sent non-streaming and inside lifecycle
// events), its output items (reasoning, assistant message with text or refusal) and usage.
import type { Meter } from "./billing.js";
import type { ResponsesRequest } from "./responsesRequest.js";

export type ResponseStatus = "in_progress" | "completed" | "incomplete" | "failed";

export interface Usage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export interface ResponseMeta {
  id: string;
  messageId: string;
  reasoningId: string;
  createdAt: number;
  request: ResponsesRequest;
}

/** How a finished response ended, beyond its status. */
export interface Ending {
  incompleteReason?: string;
  error?: { code: string; message: string };
}

/** The usage block for exactly what `meter` billed. */
export function usageFrom(meter: Meter): Usage {
  const { inputTokens, outputTokens, cachedInputTokens } = meter.usage();
  return {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: cachedInputTokens },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: meter.reasoningTokens },
    total_tokens: inputTokens + outputTokens,
  };
}

export function outputText(text: string) {
  return { type: "output_text", text, annotations: [], logprobs: [] };
}

export function refusalPart(refusal: string) {
  return { type: "refusal", refusal };
}

export type ContentPart = ReturnType<typeof outputText> | ReturnType<typeof refusalPart>;

export function messageItem(id: string, status: ResponseStatus, content: ContentPart[]) {
  return { id, type: "message", status, content, role: "assistant" };
}

export function reasoningItem(id: string) {
  return { id, type: "reasoning", summary: [] };
}

export function responseObject(
  meta: ResponseMeta,
  status: ResponseStatus,
  output: unknown[],
  usage: Usage | null,
  ending: Ending = {},
) {
  const { request } = meta;
  const body = request.raw;
  const finished = status !== "in_progress";
  return {
    id: meta.id,
    object: "response",
    created_at: meta.createdAt,
    status,
    background: false,
    completed_at: status === "completed" ? Math.floor(Date.now() / 1000) : null,
    error: ending.error ?? null,
    incomplete_details: ending.incompleteReason ? { reason: ending.incompleteReason } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: request.maxOutputTokens,
    max_tool_calls: null,
    model: request.snapshot,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: request.effort, summary: null },
    service_tier: finished ? "default" : "auto",
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: { format: request.format, verbosity: "medium" },
    tool_choice: body.tool_choice ?? "auto",
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: "disabled",
    usage: finished ? usage : null,
    user: null,
    metadata: body.metadata ?? {},
  };
}
