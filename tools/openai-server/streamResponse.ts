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

export async function streamResponse(a: AnswerContext): Promise<void> {
  const { res, signal, meta, plan, fault, meter, pacing } = a;
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

  const output: unknown[] = [];
  const reasoning = reasoningItem(meta.reasoningId);
  if (plan.reasoningItem) {
    if (!(await sse.send("response.output_item.added", { output_index: 0, item: reasoning })))
      return;
  }
  if (!(await pause(pacing.firstTokenMs, signal))) return;
  // The model has finished thinking: its reasoning tokens are spent from here on.
  meter.addReasoning(plan.reasoningTokens);
  if (plan.reasoningItem) {
    if (!(await sse.send("response.output_item.done", { output_index: 0, item: reasoning })))
      return;
    output.push(reasoning);
  }
  const { status, ending } = endingOf(plan);
  if (plan.content === null) {
    const final = responseObject(meta, status, output, usageFrom(meter), ending);
    await sse.send(`response.${status}`, { response: final });
    return sse.end();
  }

  const at = { item_id: meta.messageId, output_index: output.length, content_index: 0 };
  const refusal = plan.content === "refusal";
  const added = messageItem(meta.messageId, "in_progress", []);
  if (
    !(await sse.send("response.output_item.added", { output_index: at.output_index, item: added }))
  )
    return;
  if (!(await sse.send("response.content_part.added", { ...at, part: contentPart(plan, "") })))
    return;
  let written = "";
  for (const [index, piece] of plan.pieces.entries()) {
    if (index > 0 && !(await pause(chunkDelay(pacing), signal))) return;
    const sent = refusal
      ? await sse.send("response.refusal.delta", { ...at, delta: piece })
      : await sse.send("response.output_text.delta", { ...at, delta: piece, logprobs: [] });
    if (!sent) return;
    billPiece(plan, meter, piece);
    written += piece;
  }

  const { finish } = plan;
  if (finish.kind === "drop") return dropConnection(res);
  if (finish.kind === "error") {
    await sse.send("error", { code: finish.code, message: finish.message, param: null });
    return sse.end();
  }
  const textDone = refusal
    ? await sse.send("response.refusal.done", { ...at, refusal: written })
    : await sse.send("response.output_text.done", { ...at, text: written, logprobs: [] });
  if (!textDone) return;
  const part = contentPart(plan, written);
  if (!(await sse.send("response.content_part.done", { ...at, part }))) return;
  const done = messageItem(meta.messageId, status, [part]);
  if (!(await sse.send("response.output_item.done", { output_index: at.output_index, item: done })))
    return;
  output.push(done);
  const final = responseObject(meta, status, output, usageFrom(meter), ending);
  await sse.send(`response.${status}`, { response: final });
  sse.end();
}
