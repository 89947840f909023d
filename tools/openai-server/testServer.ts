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
  /** Clears the fault queues, the request log and the billing totals. */
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
    },
  };
}

/** The brief IdeaSpark sends, in the shape its prompt builder uses. */
export const COFFEE_BRIEF = [
  {
    role: "user" as const,
    content: "Topic: a zero-waste coffee shop in Lisbon\nAudience: students\nNumber of ideas: 4",
  },
];
