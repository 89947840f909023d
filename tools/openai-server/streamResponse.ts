// Streams one response as the Responses API's SSE event sequence: created, in_progress, an
// optional reasoning item, the message (text or refusal deltas) and completed/incomplete; or
// the fault's ending (response.failed, an `error` event, a cut connection, malformed data).
import { billPiece, contentPart, endingOf } from "./answer.js";
import type { AnswerContext } from "./answer.js";
import { failureError } from "./failure.js";
import { dropConnection } from "./http.js";
import { chunkDelay, pause } from "./pacing.js";
import { messageItem, reasoningItem, responseObject, usageFrom } from "./responseObject.js";
import { SseWriter } from "./sse.js";

/** Where the message's events point: its id, output index and (only) content part. */
interface At {
  item_id: string;
  output_index: number;
  content_index: number;
}

export async function streamResponse(a: AnswerContext): Promise<void> {
  const { res, signal, meta, plan, fault, meter } = a;
  const sse = new SseWriter(res, signal);
  sse.open();
  const inProgress = { response: responseObject(meta, "in_progress", [], null) };
  if (!(await sse.send("response.created", inProgress))) return;
  if (!(await sse.send("response.in_progress", inProgress))) return;
  if (fault?.malformed) {
    await sse.write(
      'event: response.output_item.added\ndata: {"type":"response.output_item.added","item":{"id":\n\n',
    );
    return sse.end();
  }
  if (fault?.failed !== undefined) {
    const error = failureError(fault.failed, fault.message);
    const failed = responseObject(meta, "failed", [], usageFrom(meter), { error });
    await sse.send("response.failed", { response: failed });
    return sse.end();
  }

  const output = await streamReasoning(sse, a);
  if (!output) return;
  const at: At = { item_id: meta.messageId, output_index: output.length, content_index: 0 };
  const written = plan.content === null ? "" : await streamMessage(sse, a, at);
  if (written === null) return;

  const { finish } = plan;
  if (finish.kind === "drop") return dropConnection(res);
  if (finish.kind === "error") {
    await sse.send("error", { code: finish.code, message: finish.message, param: null });
    return sse.end();
  }
  const { status, ending } = endingOf(plan);
  if (plan.content !== null) {
    const done = await finishMessage(sse, a, at, written);
    if (!done) return;
    output.push(done);
  }
  const final = responseObject(meta, status, output, usageFrom(meter), ending);
  await sse.send(`response.${status}`, { response: final });
  sse.end();
}

/** The reasoning item (if any) and the thinking time; returns the output so far, or null. */
async function streamReasoning(sse: SseWriter, a: AnswerContext): Promise<unknown[] | null> {
  const { plan, meter } = a;
  const item = reasoningItem(a.meta.reasoningId);
  if (plan.reasoningItem && !(await sse.send("response.output_item.added", at0(item)))) return null;
  if (!(await pause(a.pacing.firstTokenMs, a.signal))) return null;
  // The model has finished thinking: its reasoning tokens are spent from here on.
  meter.addReasoning(plan.reasoningTokens);
  if (!plan.reasoningItem) return [];
  return (await sse.send("response.output_item.done", at0(item))) ? [item] : null;
}

const at0 = (item: unknown) => ({ output_index: 0, item });

/** Opens the message and writes its pieces; returns the text written, or null if cut off. */
async function streamMessage(sse: SseWriter, a: AnswerContext, at: At): Promise<string | null> {
  const { plan, meter } = a;
  const item = messageItem(at.item_id, "in_progress", []);
  if (!(await sse.send("response.output_item.added", { output_index: at.output_index, item })))
    return null;
  if (!(await sse.send("response.content_part.added", { ...at, part: contentPart(plan, "") })))
    return null;
  let written = "";
  for (const [index, delta] of plan.pieces.entries()) {
    if (index > 0 && !(await pause(chunkDelay(a.pacing), a.signal))) return null;
    const sent =
      plan.content === "refusal"
        ? await sse.send("response.refusal.delta", { ...at, delta })
        : await sse.send("response.output_text.delta", { ...at, delta, logprobs: [] });
    if (!sent) return null;
    billPiece(plan, meter, delta);
    written += delta;
  }
  return written;
}

/** The text/part/item done events; returns the finished message item, or null if cut off. */
async function finishMessage(sse: SseWriter, a: AnswerContext, at: At, written: string) {
  const { plan } = a;
  const textDone =
    plan.content === "refusal"
      ? await sse.send("response.refusal.done", { ...at, refusal: written })
      : await sse.send("response.output_text.done", { ...at, text: written, logprobs: [] });
  if (!textDone) return null;
  const part = contentPart(plan, written);
  if (!(await sse.send("response.content_part.done", { ...at, part }))) return null;
  const done = messageItem(at.item_id, endingOf(plan).status, [part]);
  if (!(await sse.send("response.output_item.done", { output_index: at.output_index, item: done })))
    return null;
  return done;
}
