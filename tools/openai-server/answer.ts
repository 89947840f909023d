// What both answer writers (SSE stream and single JSON body) work from: the planned output,
// the request's meter, and the shared shapes of its message content.
import type { ServerResponse } from "node:http";
import type { Meter } from "./billing.js";
import type { Fault } from "./faults.js";
import type { Pacing } from "./pacing.js";
import type { Plan } from "./plan.js";
import { outputText, refusalPart } from "./responseObject.js";
import type { ContentPart, Ending, ResponseMeta, ResponseStatus } from "./responseObject.js";

export interface AnswerContext {
  res: ServerResponse;
  signal: AbortSignal;
  meta: ResponseMeta;
  plan: Plan;
  fault: Fault | null;
  meter: Meter;
  pacing: Pacing;
}

export function contentPart(plan: Plan, text: string): ContentPart {
  return plan.content === "refusal" ? refusalPart(text) : outputText(text);
}

/** Bills one written piece of the message as text or refusal. */
export function billPiece(plan: Plan, meter: Meter, piece: string): void {
  if (plan.content === "refusal") meter.addRefusal(piece);
  else meter.addText(piece);
}

/** Status and ending of a response whose plan ends normally (completed or incomplete). */
export function endingOf(plan: Plan): { status: ResponseStatus; ending: Ending } {
  const { finish } = plan;
  if (finish.kind === "end" && finish.status === "incomplete") {
    return { status: "incomplete", ending: { incompleteReason: finish.reason } };
  }
  return { status: "completed", ending: {} };
}
