// Which model ids the server accepts and lists. Any well-formed id is accepted (so admins can
// configure new models offline); retired ids and ids starting with "unknown" get the real
// API's 404 model_not_found.
import type { ServerResponse } from "node:http";
import { sendError, sendJson } from "./http.js";

export const LISTED_MODELS = [
  "gpt-6-luna",
  "gpt-5.4-nano",
  "gpt-5-mini",
  "gpt-5-nano",
  "gpt-5",
  "gpt-4.1-mini",
  "gpt-4o-mini",
  "omni-moderation-latest",
] as const;

/** Models OpenAI has shut down: requests naming them fail as if they never existed. */
export const RETIRED_MODELS: ReadonlySet<string> = new Set([
  "gpt-4.5-preview",
  "gpt-4.5-preview-2025-02-27",
  "o1-preview",
  "o1-preview-2024-09-12",
  "o1-mini",
  "o1-mini-2024-09-12",
  "gpt-4-32k",
  "gpt-4-32k-0613",
  "gpt-3.5-turbo-0613",
  "gpt-3.5-turbo-0301",
  "text-davinci-003",
  "text-davinci-002",
  "gpt-4-vision-preview",
  "gpt-4o-realtime-preview-2024-10-01",
  "chatgpt-4o-latest",
  "codex-mini-latest",
  // Shut down 2026-07-23 / 2026-08-10 / 2026-10-23 (OpenAI's deprecations page, read 2026-12-02).
  "gpt-5-chat-latest",
  "gpt-5-codex",
  "gpt-5.1-codex",
  "gpt-5.1-codex-mini",
  "gpt-5.2-chat-latest",
  "gpt-5.3-chat-latest",
  "o3-deep-research",
  "o4-mini-deep-research",
  "gpt-3.5-turbo",
  "gpt-3.5-turbo-0125",
  "gpt-4",
  "gpt-4-0613",
  "gpt-4-turbo",
  "gpt-4-turbo-2024-04-09",
  "gpt-4-1106-preview",
  "gpt-4o-2024-05-13",
  "o1",
  "o1-2024-12-17",
  "o1-pro",
  "o3-mini",
  "o3-mini-2025-01-31",
  "o4-mini",
  "o4-mini-2025-04-16",
  "gpt-4.1-nano",
  "gpt-4.1-nano-2025-04-14",
]);

const CREATED = 1_735_689_600;
const WELL_FORMED = /^[A-Za-z0-9][\w.:/-]{0,127}$/;

export type ModelCheck =
  | { ok: true; model: string }
  | { ok: false; status: number; message: string; param: string | null; code: string };

export function checkModel(model: unknown): ModelCheck {
  if (model === undefined || model === null || model === "") {
    return {
      ok: false,
      status: 400,
      message: "Missing required parameter: 'model'.",
      param: "model",
      code: "missing_required_parameter",
    };
  }
  if (typeof model !== "string") {
    return {
      ok: false,
      status: 400,
      message: "Invalid type for 'model': expected a string.",
      param: "model",
      code: "invalid_type",
    };
  }
  if (!WELL_FORMED.test(model) || /^unknown/i.test(model) || RETIRED_MODELS.has(model)) {
    return {
      ok: false,
      status: 404,
      message: `The model \`${model}\` does not exist or you do not have access to it.`,
      param: null,
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
