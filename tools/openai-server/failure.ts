// A response that fails mid-generation (the `failed` fault): its `error` object, and the HTTP
// error a non-streaming request gets instead, as the real API answers such failures.
import type { ServerResponse } from "node:http";
import { sendError } from "./http.js";

const MESSAGES: Record<string, string> = {
  server_error:
    "An error occurred while processing your request. You can retry your request, or contact " +
    "us through our help center at help.openai.com if the error persists.",
  rate_limit_exceeded: "Rate limit reached for requests. Please try again later.",
  invalid_prompt:
    "Invalid prompt: your prompt was flagged as potentially violating our usage policy. " +
    "Please try again with a different prompt.",
  vector_store_timeout: "The vector store search timed out.",
};

export function failureError(code: string, message?: string): { code: string; message: string } {
  return { code, message: message ?? MESSAGES[code] ?? `The response failed (${code}).` };
}

/** Non-streaming: no failed object, an error status by code (500, 429, else 400). */
export function sendFailure(res: ServerResponse, error: { code: string; message: string }): void {
  if (error.code === "server_error" || error.code === "vector_store_timeout") {
    sendError(res, 500, error.message, { type: "server_error", code: error.code });
  } else if (error.code === "rate_limit_exceeded") {
    sendError(res, 429, error.message, { type: "requests", code: error.code });
  } else {
    sendError(res, 400, error.message, { type: "invalid_request_error", code: error.code });
  }
}
