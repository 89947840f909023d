// A local model server of a test's own (its fault queue, request log and bill are that test's
// alone), with the in-process spark handler wired to it, a configuration of its own, and a
// month of its own, so nothing another suite does can blur what the test measures.
import { DEFAULT_APP_CONFIG, periodKey, type AppConfig, type SparkChunk } from "@ideaspark/domain";
import { FAST_PACING, type Pacing } from "../../tools/openai-server/pacing.js";
import { startOpenAIServer } from "../../tools/openai-server/server.js";
import type { BillingTotals } from "../../tools/openai-server/billing.js";
import { inProcessSpark } from "./inProcess.js";
import type { LoggedRequest } from "./openaiServer.js";

/**
 * The default model settings with reasoning off: the hidden reasoning tokens of a stream cut
 * before its end are billed but reported nowhere, so no client could reconcile them exactly.
 */
export const SETTINGS_WITHOUT_REASONING: AppConfig["modelSettings"] = Object.fromEntries(
  Object.entries(DEFAULT_APP_CONFIG.modelSettings).map(([model, settings]) => [
    model,
    { ...settings, reasoningEffort: "none" as const },
  ]),
);

export interface OwnModelServer {
  /** The month every request of this setup falls in. */
  period: string;
  spark(call: {
    uid: string;
    data: unknown;
    emit?: (chunk: SparkChunk) => void;
    signal?: AbortSignal;
  }): Promise<unknown>;
  faults(faults: unknown[]): Promise<void>;
  billing(): Promise<BillingTotals>;
  resetBilling(): Promise<void>;
  requests(): Promise<LoggedRequest[]>;
  close(): Promise<void>;
}

export async function ownModelServer(options: {
  config: AppConfig;
  /** The first day of the test's month (UTC ms); the clock runs in real time from there. */
  monthStart: number;
  pacing?: Pacing;
  cacheMinTokens?: number;
}): Promise<OwnModelServer> {
  const server = await startOpenAIServer({
    pacing: options.pacing ?? FAST_PACING,
    ...(options.cacheMinTokens ? { cacheMinTokens: options.cacheMinTokens } : {}),
  });
  const origin = server.url.replace(/\/v1$/, "");
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${origin}/__control/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${await response.text()}`);
    return response.json();
  };
  const offset = options.monthStart - Date.now();
  const spark = await inProcessSpark({
    baseUrl: server.url,
    config: options.config,
    now: () => Date.now() + offset,
  });
  return {
    period: periodKey(options.monthStart),
    spark,
    faults: async (faults) => void (await control("POST", "faults", faults)),
    billing: async () => (await control("GET", "billing")) as BillingTotals,
    resetBilling: async () => void (await control("DELETE", "billing")),
    requests: async () => {
      const body = (await control("GET", "requests")) as
        LoggedRequest[] | { requests: LoggedRequest[] };
      return Array.isArray(body) ? body : body.requests;
    },
    close: () => server.close(),
  };
}
