// One spark's model work: stream structured ideas from the primary model, emitting each idea
// as soon as its JSON closes; on retryable failures wait (backoff + jitter, Retry-After) and
// try again, switching to the fallback model for the last attempt. Bounded, abortable.
import {
  createIdeaStreamParser,
  estimatePromptTokens,
  estimateTokens,
  ideaListFormat,
  IdeaStreamError,
  maxOutputTokensFor,
  nextStep,
  planAttempts,
  type AppConfig,
  type Idea,
  type SparkChunk,
  type SparkPrompt,
} from "@ideaspark/domain";
import { ModelCallError, type ModelClient, type TokenCounts } from "./modelClient.js";

export interface GenerateInput {
  client: ModelClient;
  prompt: SparkPrompt;
  count: number;
  config: Pick<AppConfig, "models" | "retry" | "maxOutputTokens" | "requestTimeoutMs">;
  /** Fires when the caller goes away: generation stops at once. */
  signal: AbortSignal;
  emit: (chunk: SparkChunk) => void;
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface Consumption {
  model: string;
  usage: TokenCounts;
  /** True when the provider did not report usage and it was estimated from the text. */
  estimated: boolean;
  attempts: number;
}

export interface Generated extends Consumption {
  ideas: Idea[];
}

/** Generation ended without ideas; `consumed` is what the last attempt used (for settling). */
export class GenerationError extends Error {
  override readonly name = "GenerationError";
  constructor(
    readonly reason: "cancelled" | "unavailable",
    message: string,
    readonly consumed: Consumption,
  ) {
    super(message);
  }
}

export function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

function measured(prompt: SparkPrompt, text: string, usage: TokenCounts | null) {
  if (usage) return { usage, estimated: false };
  const estimate = {
    inputTokens: estimatePromptTokens(prompt),
    outputTokens: estimateTokens(text),
    cachedInputTokens: 0,
  };
  return { usage: estimate, estimated: true };
}

export async function generateIdeas(input: GenerateInput): Promise<Generated> {
  const { client, prompt, count, config, signal, emit } = input;
  const random = input.random ?? Math.random;
  const sleep = input.sleep ?? sleepFor;
  const plan = planAttempts({
    maxAttempts: config.retry.maxAttempts,
    primary: config.models.primary,
    fallback: config.models.fallback,
  });
  const maxOutputTokens = maxOutputTokensFor(count, config.maxOutputTokens);
  let step = plan[0];

  while (step) {
    const { attempt, model } = step;
    const attemptAbort = AbortSignal.any([signal, AbortSignal.timeout(config.requestTimeoutMs)]);
    const parser = createIdeaStreamParser();
    let text = "";
    try {
      const result = await client.stream({
        model,
        instructions: prompt.instructions,
        input: prompt.input,
        format: ideaListFormat(count),
        maxOutputTokens,
        signal: attemptAbort,
        onText: (delta) => {
          text += delta;
          for (const idea of parser.push(delta))
            emit({ type: "idea", index: parser.count - 1, idea });
        },
      });
      const ideas = parser.finish(result.text, count);
      return {
        ideas,
        model: result.model || model,
        attempts: attempt,
        ...measured(prompt, result.text, result.usage),
      };
    } catch (raw) {
      const consumed = (usage: TokenCounts | null): Consumption => ({
        model,
        attempts: attempt,
        ...measured(prompt, text, usage),
      });
      const error =
        raw instanceof IdeaStreamError
          ? new ModelCallError(raw.message, { code: "malformed-output" }, { text, usage: null })
          : raw instanceof ModelCallError
            ? raw
            : new ModelCallError(String(raw), { code: "stream-dropped" }, { text, usage: null });
      if (signal.aborted) {
        throw new GenerationError(
          "cancelled",
          "The request was cancelled.",
          consumed(error.partial.usage),
        );
      }
      const failure =
        attemptAbort.aborted && error.failure.code === "aborted"
          ? { code: "timeout" }
          : error.failure;
      const next = nextStep({ attempt, failure, plan, policy: config.retry, random });
      if (!next.retry) {
        throw new GenerationError("unavailable", error.message, consumed(error.partial.usage));
      }
      emit({ type: "retry", attempt: next.attempt, delayMs: next.delayMs, model: next.model });
      await sleep(next.delayMs, signal);
      if (signal.aborted)
        throw new GenerationError(
          "cancelled",
          "The request was cancelled.",
          consumed(error.partial.usage),
        );
      step = plan[next.attempt - 1];
    }
  }
  throw new GenerationError("unavailable", "No model attempt was possible.", {
    model: config.models.primary,
    attempts: 0,
    usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 },
    estimated: false,
  });
}
