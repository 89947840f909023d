// What the model "does" for one request, decided before anything is sent: the reasoning it
// spends first, the text (or refusal) pieces that will be written, and how the output ends.
import type { Fault } from "./faults.js";
import { generateOutputText } from "./generate.js";
import { emitsReasoningItem, reasoningTokensFor } from "./reasoning.js";
import type { ResponsesRequest } from "./responsesRequest.js";
import { splitIntoDeltas } from "./sse.js";
import { estimateTokens, truncateToTokens } from "./tokens.js";

export type Finish =
  | { kind: "end"; status: "completed" }
  | { kind: "end"; status: "incomplete"; reason: string }
  /** Cut the connection after the pieces. */
  | { kind: "drop" }
  /** Streaming: an SSE `error` event after the pieces. */
  | { kind: "error"; code: string; message: string };

export interface Plan {
  reasoningItem: boolean;
  /** Spent before the first piece (all of max_output_tokens when reasoning runs out of it). */
  reasoningTokens: number;
  /** What the assistant message holds; null when reasoning used the whole output budget. */
  content: "text" | "refusal" | null;
  /** The deltas that will be written, in order (already cut short by a fault). */
  pieces: string[];
  finish: Finish;
}

const completed: Finish = { kind: "end", status: "completed" };

const STREAM_ERROR_MESSAGE =
  "An error occurred while processing your request. You can retry your request, or contact " +
  "us through our help center at help.openai.com if the error persists.";

export function planResponse(request: ResponsesRequest, fault: Fault | null): Plan {
  const reasoningItem = emitsReasoningItem(request.effort);
  if (fault?.refusal !== undefined) {
    const reasoningTokens = reasoningTokensFor(request.effort, estimateTokens(fault.refusal));
    const pieces = splitIntoDeltas(fault.refusal);
    return { reasoningItem, reasoningTokens, content: "refusal", pieces, finish: completed };
  }
  const answer = generateOutputText(request.brief, request.format);
  const reasoningTokens = reasoningTokensFor(request.effort, estimateTokens(answer));
  const max = request.maxOutputTokens;
  if (max !== null && reasoningTokens >= max) {
    const finish: Finish = { kind: "end", status: "incomplete", reason: "max_output_tokens" };
    return { reasoningItem, reasoningTokens: max, content: null, pieces: [], finish };
  }
  const cut = truncateToTokens(answer, max === null ? null : max - reasoningTokens);
  const all = splitIntoDeltas(cut.text);
  const plan: Plan = {
    reasoningItem,
    reasoningTokens,
    content: "text",
    pieces: all,
    finish: cut.truncated
      ? { kind: "end", status: "incomplete", reason: "max_output_tokens" }
      : completed,
  };
  if (fault?.dropStreamAfterChunks !== undefined) {
    return { ...plan, pieces: all.slice(0, fault.dropStreamAfterChunks), finish: { kind: "drop" } };
  }
  const after = fault?.afterChunks ?? 0;
  if (fault?.streamError !== undefined) {
    const message = fault.message ?? STREAM_ERROR_MESSAGE;
    const finish: Finish = { kind: "error", code: fault.streamError, message };
    return { ...plan, pieces: all.slice(0, after), finish };
  }
  if (fault?.incomplete !== undefined) {
    const finish: Finish = { kind: "end", status: "incomplete", reason: fault.incomplete };
    return { ...plan, pieces: all.slice(0, after), finish };
  }
  return plan;
}
