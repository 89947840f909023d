// Which model ids the server accepts and lists. Any well-formed id is accepted (so admins can
// configure new models offline); ids starting with "unknown" are refused like a missing model.
import type { ServerResponse } from "node:http";
import { sendError, sendJson } from "./http.js";

export const LISTED_MODELS = [
  "gpt-5-mini",
  "gpt-5-nano",
  "gpt-5",
  "gpt-4.1-mini",
  "gpt-4o-mini",
  "omni-moderation-latest",
] as const;

const CREATED = 1_735_689_600;
const WELL_FORMED = /^[A-Za-z0-9][\w.:/-]{0,127}$/;

export type ModelCheck =
  { ok: true; model: string } | { ok: false; status: number; message: string; code: string };

export function checkModel(model: unknown): ModelCheck {
  if (model === undefined || model === null || model === "") {
    return {
      ok: false,
      status: 400,
      message: "Missing required parameter: 'model'.",
      code: "missing_required_parameter",
    };
  }
  if (typeof model !== "string") {
    return {
      ok: false,
      status: 400,
      message: "Invalid type for 'model': expected a string.",
      code: "invalid_type",
    };
  }
  if (!WELL_FORMED.test(model) || /^unknown/i.test(model)) {
    return {
      ok: false,
      status: 400,
      message: `The requested model '${model}' does not exist.`,
      code: "model_not_found",
    };
  }
  return { ok: true, model };
}

export function modelObject(id: string) {
  return { id, object: "model", created: CREATED, owned_by: "system" };
}

export function sendModelList(res: ServerResponse): void {
  sendJson(res, 200, { object: "list", data: LISTED_MODELS.map(modelObject) });
}

export function sendModel(res: ServerResponse, id: string): void {
  const check = checkModel(id);
  if (!check.ok) {
    sendError(res, 404, check.message, { param: "model", code: "model_not_found" });
    return;
  }
  sendJson(res, 200, modelObject(check.model));
}
