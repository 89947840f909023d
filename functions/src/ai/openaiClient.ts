// ModelClient over the official `openai` SDK (Responses API, streaming, structured output;
// moderation endpoint). The same code talks to OpenAI and to the local dev server: only the
// base URL differs. Retries are ours (see generateIdeas), so the SDK's are off.
import OpenAI from "openai";
import type {
  ModelClient,
  ModerationResult,
  PartialOutput,
  StreamRequest,
  StreamResult,
  TokenCounts,
} from "./modelClient.js";
import { ModelCallError } from "./modelClient.js";

export interface OpenAIClientOptions {
  apiKey: string;
  baseURL?: string;
  timeoutMs: number;
}

interface ResponseUsage {
  input_tokens: number;
  output_tokens: number;
  input_tokens_details?: { cached_tokens?: number } | null;
  output_tokens_details?: { reasoning_tokens?: number } | null;
}

function toCounts(usage: ResponseUsage | null | undefined): TokenCounts | null {
  if (!usage) return null;
  return {
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    cachedInputTokens: usage.input_tokens_details?.cached_tokens ?? 0,
    reasoningTokens: usage.output_tokens_details?.reasoning_tokens ?? 0,
  };
}

/** The error code of an API error: `code`, else a meaningful `type` (insufficient_quota). */
function apiErrorCode(error: InstanceType<typeof OpenAI.APIError>): string | null {
  if (typeof error.code === "string") return error.code;
  return error.type === "insufficient_quota" ? error.type : null;
}

/** Describes any SDK/network failure for the retry policy. */
export function describeFailure(error: unknown, partial: PartialOutput): ModelCallError {
  if (error instanceof ModelCallError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ModelCallError("The model did not answer in time", { code: "timeout" }, partial);
  }
  if (error instanceof OpenAI.APIUserAbortError) {
    return new ModelCallError("The model call was aborted", { code: "aborted" }, partial);
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new ModelCallError("Could not reach the model provider", { code: "network" }, partial);
  }
  if (error instanceof OpenAI.APIError && error.status === undefined) {
    // An SSE `error` event: the SDK throws it as an APIError without a status.
    const code = apiErrorCode(error) ?? "stream-error";
    return new ModelCallError(
      `The model stream reported an error (${code}): ${error.message}`,
      { code, stream: true },
      partial,
    );
  }
  if (error instanceof OpenAI.APIError) {
    return new ModelCallError(
      `Model provider answered ${error.status}`,
      {
        status: error.status,
        code: apiErrorCode(error),
        retryAfter: error.headers?.get("retry-after") ?? null,
        retryAfterMs: error.headers?.get("retry-after-ms") ?? null,
      },
      partial,
    );
  }
  if (error instanceof SyntaxError) {
    return new ModelCallError(
      "The model provider sent a malformed response",
      { code: "malformed-output" },
      partial,
    );
  }
  // A stream cut mid-way surfaces as a fetch/undici TypeError ("terminated") or similar.
  return new ModelCallError(
    `The model stream broke: ${String(error)}`,
    { code: "stream-dropped" },
    partial,
  );
}

export function createOpenAIClient(options: OpenAIClientOptions): ModelClient {
  const client = new OpenAI({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    maxRetries: 0,
    timeout: options.timeoutMs,
  });
  return {
    async moderate(input, model, signal): Promise<ModerationResult> {
      try {
        const result = await client.moderations.create({ model, input }, { signal });
        const first = result.results[0];
        const categories = Object.entries(first?.categories ?? {})
          .filter(([, flagged]) => flagged === true)
          .map(([name]) => name);
        return { flagged: first?.flagged ?? false, categories, model: result.model || model };
      } catch (error) {
        throw describeFailure(error, { text: "", usage: null });
      }
    },
    async stream(request: StreamRequest): Promise<StreamResult> {
      const partial: PartialOutput = { text: "", usage: null };
      let refusal = "";
      try {
        const stream = await client.responses.create(
          {
            model: request.model,
            instructions: request.instructions,
            input: request.input,
            text: { format: request.format as OpenAI.Responses.ResponseFormatTextJSONSchemaConfig },
            max_output_tokens: request.maxOutputTokens,
            ...(request.reasoningEffort ? { reasoning: { effort: request.reasoningEffort } } : {}),
            safety_identifier: request.safetyIdentifier,
            stream: true,
            store: false,
          },
          { signal: request.signal },
        );
        for await (const event of stream) {
          request.onActivity?.();
          switch (event.type) {
            case "response.created":
              partial.model = event.response.model;
              break;
            case "response.output_text.delta":
              partial.text += event.delta;
              request.onText(event.delta);
              break;
            case "response.refusal.delta":
              refusal += event.delta;
              break;
            case "response.refusal.done":
              refusal = event.refusal;
              break;
            case "response.completed":
            case "response.incomplete": {
              const { response } = event;
              const model = response.model || partial.model || request.model;
              const usage = toCounts(response.usage);
              const end =
                refusal !== ""
                  ? ({ kind: "refused", refusal } as const)
                  : event.type === "response.incomplete"
                    ? ({
                        kind: "incomplete",
                        reason: response.incomplete_details?.reason ?? "unknown",
                      } as const)
                    : ({ kind: "completed" } as const);
              return { text: partial.text, usage, end, model };
            }
            case "response.failed": {
              const code = event.response.error?.code ?? "server_error";
              partial.usage = toCounts(event.response.usage);
              throw new ModelCallError(
                `The model failed (${code}): ${event.response.error?.message ?? ""}`,
                { code, stream: true, failedResponse: true },
                partial,
              );
            }
          }
        }
        throw new ModelCallError(
          "The model stream ended before the answer was complete",
          { code: "stream-dropped" },
          partial,
        );
      } catch (error) {
        throw describeFailure(error, partial);
      }
    },
  };
}
