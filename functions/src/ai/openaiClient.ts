// ModelClient over the official `openai` SDK (Responses API, streaming, structured output;
// moderation endpoint). The same code talks to OpenAI and to the local dev server: only the
// base URL differs. Retries are ours (see generateIdeas), so the SDK's are off.
import OpenAI from "openai";
import type {
  ModelClient,
  ModerationResult,
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
}

function toCounts(usage: ResponseUsage | null | undefined): TokenCounts | null {
  if (!usage) return null;
  return {
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    cachedInputTokens: usage.input_tokens_details?.cached_tokens ?? 0,
  };
}

/** Describes any SDK/network failure for the retry policy. */
export function describeFailure(
  error: unknown,
  partialText = "",
  usage: TokenCounts | null = null,
): ModelCallError {
  if (error instanceof ModelCallError) return error;
  const partial = { text: partialText, usage };
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ModelCallError("The model did not answer in time", { code: "timeout" }, partial);
  }
  if (error instanceof OpenAI.APIUserAbortError) {
    return new ModelCallError("The model call was aborted", { code: "aborted" }, partial);
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new ModelCallError("Could not reach the model provider", { code: "network" }, partial);
  }
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const retryAfter = error.headers?.get("retry-after") ?? null;
    const code = typeof error.code === "string" ? error.code : null;
    return new ModelCallError(
      `Model provider answered ${error.status}`,
      { status: error.status, code, retryAfter },
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
        return { flagged: first?.flagged ?? false, categories };
      } catch (error) {
        throw describeFailure(error);
      }
    },

    async stream(request: StreamRequest): Promise<StreamResult> {
      let text = "";
      let usage: TokenCounts | null = null;
      try {
        const stream = await client.responses.create(
          {
            model: request.model,
            instructions: request.instructions,
            input: request.input,
            text: { format: request.format as OpenAI.Responses.ResponseFormatTextJSONSchemaConfig },
            max_output_tokens: request.maxOutputTokens,
            stream: true,
            store: false,
          },
          { signal: request.signal },
        );
        for await (const event of stream) {
          if (event.type === "response.output_text.delta") {
            text += event.delta;
            request.onText(event.delta);
          } else if (event.type === "response.completed" || event.type === "response.incomplete") {
            usage = toCounts(event.response.usage);
            return {
              text,
              usage,
              incomplete: event.type === "response.incomplete",
              model: event.response.model,
            };
          } else if (event.type === "response.failed") {
            const code = event.response.error?.code ?? "server_error";
            throw new ModelCallError(
              `The model failed: ${event.response.error?.message ?? code}`,
              { status: 500, code },
              { text, usage: toCounts(event.response.usage) },
            );
          } else if (event.type === "error") {
            throw new ModelCallError(
              `The model stream reported an error: ${event.message}`,
              { status: 500, code: event.code ?? null },
              { text, usage },
            );
          }
        }
        throw new ModelCallError(
          "The model stream ended before the answer was complete",
          { code: "stream-dropped" },
          { text, usage },
        );
      } catch (error) {
        throw describeFailure(error, text, usage);
      }
    },
  };
}
