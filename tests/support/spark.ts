// Calling the `spark` callable the way the web app does: plain or streamed.
import type { SparkChunk, SparkResult } from "@ideaspark/domain";
import { httpsCallable, type FunctionsError } from "firebase/functions";
import { randomUUID } from "node:crypto";
import type { WebClient } from "./webClient.js";

export interface BriefInput {
  topic: string;
  audience?: string;
  constraints?: string;
  count?: number;
  tone?: "practical" | "bold" | "playful";
}

export function newRequest(brief: BriefInput, requestId: string = randomUUID()) {
  return { requestId, brief };
}

export async function callSpark(client: WebClient, data: unknown): Promise<SparkResult> {
  const result = await httpsCallable<unknown, SparkResult>(client.functions, "spark", {
    timeout: 120_000,
  })(data);
  return result.data;
}

/** Streams a spark, collecting every chunk; `onChunk` may abort via the returned controller. */
export async function streamSpark(
  client: WebClient,
  data: unknown,
  onChunk?: (chunk: SparkChunk, abort: () => void) => void,
): Promise<{ chunks: SparkChunk[]; result: Promise<SparkResult> }> {
  const controller = new AbortController();
  const callable = httpsCallable<unknown, SparkResult, SparkChunk>(client.functions, "spark", {
    timeout: 120_000,
  });
  const { stream, data: result } = await callable.stream(data, { signal: controller.signal });
  result.catch(() => undefined);
  const chunks: SparkChunk[] = [];
  try {
    for await (const chunk of stream) {
      chunks.push(chunk);
      onChunk?.(chunk, () => controller.abort());
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return { chunks, result };
}

export async function sparkError(promise: Promise<unknown>): Promise<FunctionsError> {
  try {
    await promise;
  } catch (error) {
    return error as FunctionsError;
  }
  throw new Error("expected the spark call to fail, but it succeeded");
}

/**
 * Posts a callable request as raw JSON, the way it crosses the wire, so payloads the SDK
 * would reshape (own "__proto__" keys, undefined) reach the function exactly as written.
 */
export async function rawCallSpark(
  idToken: string,
  data: unknown,
): Promise<{ httpStatus: number; status?: string; message?: string }> {
  const { emulator, PROJECT_ID, REGION } = await import("./emulators.js");
  const { host, port } = emulator("functions");
  const response = await fetch(`http://${host}:${port}/${PROJECT_ID}/${REGION}/spark`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
    body: `{"data":${data === undefined ? "null" : JSON.stringify(data)}}`,
  });
  const body = (await response.json()) as { error?: { status?: string; message?: string } };
  return { httpStatus: response.status, status: body.error?.status, message: body.error?.message };
}
