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
const outOfTokens: Finish = { kind: "end", status: "incomplete", reason: "max_output_tokens" };

const STREAM_ERROR_MESSAGE =
  "An error occurred while processing your request. You can retry your request, or contact " +
  "us through our help center at help.openai.com if the error persists.";

export function planResponse(request: ResponsesRequest, fault: Fault | null): Plan {
  return withFaultEnding(modelOutput(request, fault), fault);
}

/** What the model writes when nothing goes wrong (or what it refuses with). */
function modelOutput(request: ResponsesRequest, fault: Fault | null): Plan {
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
    return { reasoningItem, reasoningTokens: max, content: null, pieces: [], finish: outOfTokens };
  }
  const cut = truncateToTokens(answer, max === null ? null : max - reasoningTokens);
  return {
    reasoningItem,
    reasoningTokens,
    content: "text",
    pieces: splitIntoDeltas(cut.text),
    finish: cut.truncated ? outOfTokens : completed,
  };
}

/** A fault that cuts the output short: only its first pieces are written, then its ending. */
function withFaultEnding(plan: Plan, fault: Fault | null): Plan {
  if (fault?.dropStreamAfterChunks !== undefined) {
    const pieces = plan.pieces.slice(0, fault.dropStreamAfterChunks);
    return { ...plan, pieces, finish: { kind: "drop" } };
  }
  const pieces = plan.pieces.slice(0, fault?.afterChunks ?? 0);
  if (fault?.streamError !== undefined) {
    const message = fault.message ?? STREAM_ERROR_MESSAGE;
    return { ...plan, pieces, finish: { kind: "error", code: fault.streamError, message } };
  }
  if (fault?.incomplete !== undefined) {
    return {
      ...plan,
      pieces,
      finish: { kind: "end", status: "incomplete", reason: fault.incomplete },
    };
  }
  return plan;
}
