// Small node:http helpers: reading JSON bodies, sending JSON, and OpenAI-shaped error bodies
// ({ error: { message, type, param, code } }) with the types the real API uses per status.
import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface ErrorDetails {
  type?: string;
  param?: string | null;
  code?: string | null;
  headers?: Record<string, string>;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  details: ErrorDetails = {},
): void {
  const error = {
    message,
    type: details.type ?? errorTypeFor(status),
    param: details.param ?? null,
    code: details.code !== undefined ? details.code : defaultCodeFor(status),
  };
  sendJson(res, status, { error }, details.headers);
}

export function errorTypeFor(status: number): string {
  if (status === 429) return "requests";
  if (status >= 500) return "server_error";
  return "invalid_request_error";
}

function defaultCodeFor(status: number): string | null {
  if (status === 401) return "invalid_api_key";
  if (status === 429) return "rate_limit_exceeded";
  return null;
}

/**
 * Cuts the connection without completing the HTTP response, after flushing what was already
 * written (a plain destroy() could discard the last events before they reach the client).
 */
export function dropConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket || socket.destroyed) {
    res.destroy();
    return;
  }
  socket.end(() => socket.destroy());
}

export function hasBearerToken(req: IncomingMessage): boolean {
  return /^Bearer\s+\S+/i.test(req.headers.authorization ?? "");
}

export type BodyResult =
  { ok: true; value: unknown } | { ok: false; status: number; message: string };

/** Reads and parses a JSON request body; an empty body reads as `undefined`. */
export async function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      return { ok: false, status: 413, message: `Request body exceeds ${MAX_BODY_BYTES} bytes.` };
    }
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const message =
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't " +
      "using your HTTP library correctly.)";
    return { ok: false, status: 400, message };
  }
}
