// Control of the local OpenAI-compatible server the functions call in tests (fault queue,
// request log, billing totals, prompt cache). Its address comes from the test environment.
import type { BilledUsage, BillingTotals } from "../../tools/openai-server/billing.js";

export type { BilledUsage, BillingTotals };

export const OPENAI_SERVER_ORIGIN = process.env.OPENAI_SERVER_ORIGIN ?? "http://127.0.0.1:8787";

export interface LoggedRequest {
  method: string;
  path: string;
  model?: string | null;
  stream?: boolean;
  fault?: unknown;
  /** What this request was billed; null when it never started generating. */
  billed?: BilledUsage | null;
  /** The JSON body the client sent. */
  body?: Record<string, unknown> | null;
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
export const clearPromptCache = () => control("DELETE", "prompt-cache");

/** Totals billed since the server started or since the last resetBilling(). */
export async function billing(): Promise<BillingTotals> {
  return (await control("GET", "billing")) as BillingTotals;
}

/** Starts a new billing period; returns the totals of the one that ended. */
export async function resetBilling(): Promise<BillingTotals> {
  return (await control("DELETE", "billing")) as BillingTotals;
}

export async function requestLog(): Promise<LoggedRequest[]> {
  const body = (await control("GET", "requests")) as
    LoggedRequest[] | { requests: LoggedRequest[] };
  return Array.isArray(body) ? body : body.requests;
}

/** Model calls logged so far; with `about`, only those whose input mentions it (one test's). */
export async function modelCalls(about?: string): Promise<LoggedRequest[]> {
  return (await requestLog()).filter(
    (r) =>
      r.path === "/v1/responses" && (about === undefined || JSON.stringify(r.body).includes(about)),
  );
}
