// Control of the local OpenAI-compatible server the functions call in tests (fault queue,
// request log). Its address comes from the test runner's environment.
export const OPENAI_SERVER_ORIGIN = process.env.OPENAI_SERVER_ORIGIN ?? "http://127.0.0.1:8787";

export interface LoggedRequest {
  method: string;
  path: string;
  model?: string | null;
  stream?: boolean;
  fault?: unknown;
}

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${OPENAI_SERVER_ORIGIN}/__control/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} /__control/${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

export const injectFaults = (faults: unknown[]) => control("POST", "faults", faults);
export const clearFaults = () => control("DELETE", "faults");
export const clearRequestLog = () => control("DELETE", "requests");

export async function requestLog(): Promise<LoggedRequest[]> {
  const body = (await control("GET", "requests")) as
    LoggedRequest[] | { requests: LoggedRequest[] };
  return Array.isArray(body) ? body : body.requests;
}

export async function modelCalls(): Promise<LoggedRequest[]> {
  return (await requestLog()).filter((r) => r.path === "/v1/responses");
}
