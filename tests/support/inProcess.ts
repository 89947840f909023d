// The `spark` handler run in-process (real Firestore emulator, real `openai` SDK against the
// local model server), for what the Functions emulator cannot show: a caller's disconnect,
// operation counts, and races wider than its worker pool.
import type { AppConfig, SparkChunk, SparkResult } from "@ideaspark/domain";
import { OPENAI_SERVER_ORIGIN } from "./openaiServer.js";

export interface InProcessCall {
  uid: string;
  /** The caller's token says their address is verified. */
  emailVerified?: boolean;
  data: unknown;
  emit?: (chunk: SparkChunk) => void;
  signal?: AbortSignal;
}

export async function inProcessSpark(
  options: {
    baseUrl?: string;
    cacheTtlMs?: number;
    /** A configuration of the test's own instead of config/app (shared with other suites). */
    config?: AppConfig;
    now?: () => number;
  } = {},
): Promise<(call: InProcessCall) => Promise<SparkResult>> {
  const { handleSpark } = await import("../../functions/src/spark/handleSpark.js");
  const { createOpenAIClient } = await import("../../functions/src/ai/openaiClient.js");
  const client = createOpenAIClient({
    apiKey: "local-test-key",
    baseURL: options.baseUrl ?? `${OPENAI_SERVER_ORIGIN}/v1`,
    timeoutMs: 60_000,
  });
  return (call) =>
    handleSpark(
      {
        uid: call.uid,
        // A verified caller unless the test says otherwise.
        emailVerified: call.emailVerified ?? true,
        data: call.data,
        emit: call.emit ?? (() => undefined),
        signal: call.signal ?? new AbortController().signal,
      },
      {
        client: () => client,
        cacheTtlMs: options.cacheTtlMs ?? 0,
        safetyIdentifier: (uid) => `test-${uid.slice(0, 8)}`,
        ...(options.config ? { loadConfig: async () => options.config as AppConfig } : {}),
        ...(options.now ? { now: options.now } : {}),
      },
    );
}
