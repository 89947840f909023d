// Builds the Responses API `response` object (as sent non-streaming and inside lifecycle
// events), its assistant message item and its usage block.
import type { ResponsesRequest } from "./responsesRequest.js";

export type ResponseStatus = "in_progress" | "completed" | "incomplete";

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
  createdAt: number;
  request: ResponsesRequest;
}

export function usageFor(inputTokens: number, outputTokens: number): Usage {
  return {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: inputTokens + outputTokens,
  };
}

export function outputText(text: string) {
  return { type: "output_text", text, annotations: [], logprobs: [] };
}

export function messageItem(id: string, status: ResponseStatus, text: string | null) {
  const content = text === null ? [] : [outputText(text)];
  return { id, type: "message", status, content, role: "assistant" };
}

export function responseObject(
  meta: ResponseMeta,
  status: ResponseStatus,
  output: unknown[],
  usage: Usage | null,
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
    error: null,
    incomplete_details: status === "incomplete" ? { reason: "max_output_tokens" } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: request.maxOutputTokens,
    max_tool_calls: null,
    model: request.model,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: null, summary: null },
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
