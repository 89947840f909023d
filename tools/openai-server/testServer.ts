// Test helper (not a test): starts the server on an ephemeral port with fast pacing and
// returns an OpenAI SDK client plus typed access to the /__control API.
import OpenAI from "openai";
import type { BillingTotals } from "./billing.js";
import type { Fault } from "./faults.js";
import { FAST_PACING } from "./pacing.js";
import type { Pacing } from "./pacing.js";
import type { RequestLogEntry } from "./requestLog.js";
import { startOpenAIServer } from "./server.js";
import type { OpenAIServer, OpenAIServerOptions } from "./server.js";

export interface TestServer {
  server: OpenAIServer;
  client: OpenAI;
  /** fetch() against the server root, e.g. control("/__control/health"). */
  control(path: string, init?: RequestInit): Promise<Response>;
  addFaults(faults: Fault[]): Promise<void>;
  requests(): Promise<RequestLogEntry[]>;
  billing(): Promise<BillingTotals>;
  /** Clears the fault queues, the request log, the billing totals and the prompt cache. */
  reset(): Promise<void>;
}

export async function startTestServer(
  pacing: Pacing = FAST_PACING,
  options: Omit<OpenAIServerOptions, "port" | "pacing"> = {},
): Promise<TestServer> {
  const server = await startOpenAIServer({ ...options, port: 0, pacing });
  const client = new OpenAI({ apiKey: "local", baseURL: server.url, maxRetries: 0 });
  const root = server.url.replace(/\/v1$/, "");
  const control = (path: string, init?: RequestInit) => fetch(`${root}${path}`, init);
  return {
    server,
    client,
    control,
    async addFaults(faults) {
      const res = await control("/__control/faults", {
        method: "POST",
        body: JSON.stringify(faults),
      });
      if (!res.ok) throw new Error(`addFaults failed: ${res.status} ${await res.text()}`);
    },
    async requests() {
      return (await (await control("/__control/requests")).json()) as RequestLogEntry[];
    },
    async billing() {
      return (await (await control("/__control/billing")).json()) as BillingTotals;
    },
    async reset() {
      await control("/__control/faults", { method: "DELETE" });
      await control("/__control/requests", { method: "DELETE" });
      await control("/__control/billing", { method: "DELETE" });
      await control("/__control/prompt-cache", { method: "DELETE" });
    },
  };
}

/** Every event of an SDK stream, in order. */
export async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const events: T[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

export interface WireEvent {
  event: string;
  data: Record<string, unknown>;
}

/** POSTs a streaming /v1/responses request with fetch and parses the SSE text as sent. */
export async function rawStream(url: string, body: object): Promise<WireEvent[]> {
  const res = await fetch(`${url}/responses`, {
    method: "POST",
    headers: { authorization: "Bearer local", "content-type": "application/json" },
    body: JSON.stringify({ ...body, stream: true }),
  });
  const text = await res.text();
  return text
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "";
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? "null") as WireEvent["data"];
      return { event, data };
    });
}

/** The brief IdeaSpark sends, in the shape its prompt builder uses. */
export const COFFEE_BRIEF = [
  {
    role: "user" as const,
    content: "Topic: a zero-waste coffee shop in Lisbon\nAudience: students\nNumber of ideas: 4",
  },
];
