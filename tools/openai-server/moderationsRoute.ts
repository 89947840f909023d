// POST /v1/moderations: one result per input string (or one for a multimodal input list),
// with its own fault queue (faults posted with "endpoint": "moderations"; a `flagged` fault
// flags every result of the request it is taken by).
import { applyBodyFault, applyLeadingFault } from "./applyFault.js";
import { isRecord } from "./brief.js";
import { sendError, sendJson } from "./http.js";
import { classify, flag } from "./moderation.js";
import { checkModel } from "./models.js";
import { randomId } from "./random.js";
import type { RouteContext } from "./routeContext.js";

interface ModerationInput {
  text: string;
  hasImage: boolean;
}

export async function handleModerations(ctx: RouteContext): Promise<void> {
  const { res, body } = ctx;
  if (!isRecord(body)) return sendError(res, 400, "Request body must be a JSON object.");
  const model = checkModel(body.model ?? "omni-moderation-latest");
  if (!model.ok)
    return sendError(res, model.status, model.message, { param: model.param, code: model.code });
  const inputs = readInputs(body.input);
  if (!inputs) {
    const message =
      "Invalid 'input': expected a string, an array of strings, or an array of text/image_url objects.";
    return sendError(res, 400, message, { param: "input", code: "invalid_type" });
  }
  const fault = ctx.state.faults.take("moderations", JSON.stringify(body.input));
  if (ctx.entry) ctx.entry.fault = fault;
  if (await applyLeadingFault(fault, res, ctx.signal)) return;
  if (applyBodyFault(fault, res)) return;
  sendJson(res, 200, {
    id: randomId("modr").replace("_", "-"),
    model: model.model,
    results: inputs.map((input) => {
      const result = classify(input.text, input.hasImage);
      return fault?.flagged ? flag(result, fault.flagged) : result;
    }),
  });
}

function readInputs(input: unknown): ModerationInput[] | null {
  if (typeof input === "string") return [{ text: input, hasImage: false }];
  if (!Array.isArray(input) || input.length === 0) return null;
  if (input.every((item) => typeof item === "string")) {
    return input.map((text: string) => ({ text, hasImage: false }));
  }
  const parts = input.filter(isRecord);
  if (parts.length !== input.length) return null;
  const texts = parts.filter((p) => p.type === "text" && typeof p.text === "string");
  const hasImage = parts.some((p) => p.type === "image_url");
  if (texts.length + (hasImage ? 1 : 0) === 0) return null;
  return [{ text: texts.map((p) => p.text as string).join("\n"), hasImage }];
}
