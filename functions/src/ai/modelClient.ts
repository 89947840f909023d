// What the spark pipeline needs from a model provider, independent of any SDK: moderation of
// a brief and one streamed structured-output call. Failures surface as ModelCallError, always
// with what the call consumed as far as it is known.
import type { FailureInfo, ReasoningEffort } from "@ideaspark/domain";

export interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  /** Output tokens spent on reasoning (part of outputTokens). */
  reasoningTokens?: number;
}

export interface ModerationResult {
  flagged: boolean;
  categories: string[];
  /** The moderation model as the provider answered. */
  model: string;
}

export interface StreamRequest {
  model: string;
  instructions: string;
  input: string;
  format: { type: "json_schema"; name: string; strict: boolean; schema: unknown };
  maxOutputTokens: number;
  /** null: the model does not reason and no `reasoning` parameter is sent. */
  reasoningEffort: ReasoningEffort | null;
  /** A stable, non-identifying id of the person (OpenAI's `safety_identifier`). */
  safetyIdentifier: string;
  signal: AbortSignal;
  /** Called with each piece of output text as it arrives. */
  onText: (delta: string) => void;
  /** Called on every event from the provider (for the idle timeout). */
  onActivity?: () => void;
}

/** How a stream that reached its end finished. */
export type StreamEnd =
  | { kind: "completed" }
  | { kind: "incomplete"; reason: string }
  | { kind: "refused"; refusal: string };

export interface StreamResult {
  text: string;
  /** Provider-reported usage; null when the provider did not report it. */
  usage: TokenCounts | null;
  end: StreamEnd;
  /** The model id the provider answered with (a dated snapshot). */
  model: string;
}

export interface ModelClient {
  moderate(input: string, model: string, signal: AbortSignal): Promise<ModerationResult>;
  stream(request: StreamRequest): Promise<StreamResult>;
}

/** What a failed call had produced: the text that arrived and any usage the provider sent. */
export interface PartialOutput {
  text: string;
  usage: TokenCounts | null;
  /** Set once the provider said which model answered. */
  model?: string;
}

/** A failed provider call described for the retry policy. */
export class ModelCallError extends Error {
  override readonly name = "ModelCallError";
  constructor(
    message: string,
    readonly failure: FailureInfo,
    readonly partial: PartialOutput = { text: "", usage: null },
  ) {
    super(message);
  }
}
