// What the spark pipeline needs from a model provider, independent of any SDK: moderation of
// a brief and one streamed structured-output call. Failures surface as ModelCallError.
import type { FailureInfo } from "@ideaspark/domain";

export interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
}

export interface ModerationResult {
  flagged: boolean;
  categories: string[];
}

export interface StreamRequest {
  model: string;
  instructions: string;
  input: string;
  format: { type: "json_schema"; name: string; strict: boolean; schema: unknown };
  maxOutputTokens: number;
  signal: AbortSignal;
  /** Called with each piece of output text as it arrives. */
  onText: (delta: string) => void;
}

export interface StreamResult {
  text: string;
  /** Provider-reported usage; null when the provider did not report it. */
  usage: TokenCounts | null;
  /** The provider stopped early (e.g. max output tokens). */
  incomplete: boolean;
  /** The model id the provider answered with. */
  model: string;
}

export interface ModelClient {
  moderate(input: string, model: string, signal: AbortSignal): Promise<ModerationResult>;
  stream(request: StreamRequest): Promise<StreamResult>;
}

/** A failed provider call described for the retry policy; `partialText` is what arrived first. */
export class ModelCallError extends Error {
  override readonly name = "ModelCallError";
  constructor(
    message: string,
    readonly failure: FailureInfo,
    readonly partial: { text: string; usage: TokenCounts | null } = { text: "", usage: null },
  ) {
    super(message);
  }
}
