// Streams one response as the Responses API's SSE event sequence: created, in_progress,
// item/part added, text deltas, text/part/item done, then completed (or incomplete).
import type { ServerResponse } from "node:http";
import type { Fault } from "./faults.js";
import { dropConnection } from "./http.js";
import { chunkDelay, pause } from "./pacing.js";
import type { Pacing } from "./pacing.js";
import { messageItem, outputText, responseObject, usageFor } from "./responseObject.js";
import type { ResponseMeta } from "./responseObject.js";
import { SseWriter, splitIntoDeltas } from "./sse.js";
import type { Truncation } from "./tokens.js";

export interface StreamPlan {
  meta: ResponseMeta;
  output: Truncation;
  inputTokens: number;
  pacing: Pacing;
  fault: Fault | null;
}

export async function streamResponse(
  res: ServerResponse,
  signal: AbortSignal,
  plan: StreamPlan,
): Promise<void> {
  const { meta, output, fault } = plan;
  const sse = new SseWriter(res, signal);
  sse.open();
  const inProgress = { response: responseObject(meta, "in_progress", [], null) };
  if (!(await sse.send("response.created", inProgress))) return;
  if (!(await sse.send("response.in_progress", inProgress))) return;
  if (fault?.malformed) {
    await sse.write(
      'event: response.output_item.added\ndata: {"type":"response.output_item.added","item":{"id":\n\n',
    );
    sse.end();
    return;
  }
  if (!(await pause(plan.pacing.firstTokenMs, signal))) return;
  const at = { item_id: meta.messageId, output_index: 0, content_index: 0 };
  const item = messageItem(meta.messageId, "in_progress", null);
  if (!(await sse.send("response.output_item.added", { output_index: 0, item }))) return;
  if (!(await sse.send("response.content_part.added", { ...at, part: outputText("") }))) return;
  const deltas = splitIntoDeltas(output.text);
  for (const [index, delta] of deltas.entries()) {
    if (index === fault?.dropStreamAfterChunks) {
      dropConnection(res);
      return;
    }
    if (!(await sse.send("response.output_text.delta", { ...at, delta, logprobs: [] }))) return;
    if (index < deltas.length - 1 && !(await pause(chunkDelay(plan.pacing), signal))) return;
  }
  if (fault?.dropStreamAfterChunks !== undefined) {
    // Asked to drop after at least as many deltas as there were: drop before the done events.
    dropConnection(res);
    return;
  }
  const text = output.text;
  if (!(await sse.send("response.output_text.done", { ...at, text, logprobs: [] }))) return;
  if (!(await sse.send("response.content_part.done", { ...at, part: outputText(text) }))) return;
  const status = output.truncated ? "incomplete" : "completed";
  const done = messageItem(meta.messageId, status, text);
  if (!(await sse.send("response.output_item.done", { output_index: 0, item: done }))) return;
  const usage = usageFor(plan.inputTokens, output.tokens);
  const final = { response: responseObject(meta, status, [done], usage) };
  await sse.send(output.truncated ? "response.incomplete" : "response.completed", final);
  sse.end();
}
