// Validates a POST /v1/responses body the way the real API does for the fields this server
// uses (model, input, stream, max_output_tokens, reasoning, text.format incl. strict schemas)
// and extracts the brief.
import { extractBrief, inputText, isRecord } from "./brief.js";
import type { Brief } from "./brief.js";
import type { TextFormat } from "./generate.js";
import { checkModel } from "./models.js";
import { checkReasoning } from "./reasoning.js";
import type { Effort } from "./reasoning.js";
import { snapshotFor } from "./snapshots.js";
import { strictSchemaProblem } from "./strictSchema.js";

export interface ResponsesRequest {
  raw: Record<string, unknown>;
  /** The model id as requested. */
  model: string;
  /** The dated snapshot the response reports. */
  snapshot: string;
  stream: boolean;
  maxOutputTokens: number | null;
  /** Reasoning effort; null for models that do not reason. */
  effort: Effort | null;
  format: TextFormat;
  brief: Brief;
  /** The prompt as the app's token estimator sees it. */
  prompt: { instructions: string; input: string };
}

export interface RequestProblem {
  ok: false;
  status: number;
  message: string;
  param: string | null;
  code: string | null;
}

const problem = (message: string, param: string | null, code: string | null): RequestProblem => ({
  ok: false,
  status: 400,
  message,
  param,
  code,
});

export function parseResponsesRequest(
  body: unknown,
): { ok: true; request: ResponsesRequest } | RequestProblem {
  if (!isRecord(body)) return problem("Request body must be a JSON object.", null, "invalid_type");
  const model = checkModel(body.model);
  if (!model.ok) return model;
  const { input, instructions, stream } = body;
  if (input === undefined && instructions === undefined) {
    return problem("Missing required parameter: 'input'.", "input", "missing_required_parameter");
  }
  if (input !== undefined && typeof input !== "string" && !Array.isArray(input)) {
    return problem(
      "Invalid type for 'input': expected a string or an array.",
      "input",
      "invalid_type",
    );
  }
  if (stream !== undefined && stream !== null && typeof stream !== "boolean") {
    return problem("Invalid type for 'stream': expected a boolean.", "stream", "invalid_type");
  }
  const max = body.max_output_tokens;
  if (max !== undefined && max !== null && (!Number.isInteger(max) || (max as number) < 16)) {
    const message = `Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got ${JSON.stringify(max)} instead.`;
    return problem(message, "max_output_tokens", "integer_below_min_value");
  }
  const reasoning = checkReasoning(model.model, body.reasoning);
  if (!reasoning.ok) return problem(reasoning.message, reasoning.param, reasoning.code);
  const format = parseFormat(body.text);
  if ("ok" in format) return format;
  if (format.type === "json_schema" && format.strict === true) {
    const invalid = strictSchemaProblem(format.name, format.schema);
    if (invalid) return problem(invalid, "text.format.schema", "invalid_json_schema");
  }
  return {
    ok: true,
    request: {
      raw: body,
      model: model.model,
      snapshot: snapshotFor(model.model),
      stream: stream === true,
      maxOutputTokens: typeof max === "number" ? max : null,
      effort: reasoning.effort,
      format,
      brief: extractBrief(instructions, input),
      prompt: {
        instructions: typeof instructions === "string" ? instructions : "",
        input: inputText(input),
      },
    },
  };
}

function parseFormat(text: unknown): TextFormat | RequestProblem {
  if (text === undefined || text === null) return { type: "text" };
  if (!isRecord(text))
    return problem("Invalid type for 'text': expected an object.", "text", "invalid_type");
  const format = text.format;
  if (format === undefined || format === null) return { type: "text" };
  if (!isRecord(format)) {
    return problem(
      "Invalid type for 'text.format': expected an object.",
      "text.format",
      "invalid_type",
    );
  }
  if (format.type === "text" || format.type === "json_object") return { type: format.type };
  if (format.type !== "json_schema") {
    const message = `Invalid value: '${String(format.type)}'. Supported values are: 'text', 'json_object', and 'json_schema'.`;
    return problem(message, "text.format.type", "invalid_value");
  }
  if (typeof format.name !== "string" || !/^[\w-]{1,64}$/.test(format.name)) {
    return problem(
      "Missing required parameter: 'text.format.name'.",
      "text.format.name",
      "missing_required_parameter",
    );
  }
  if (!isRecord(format.schema)) {
    return problem(
      "Missing required parameter: 'text.format.schema'.",
      "text.format.schema",
      "missing_required_parameter",
    );
  }
  return { ...format, type: "json_schema", name: format.name, schema: format.schema };
}
