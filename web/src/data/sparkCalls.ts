// The `spark` callable as a stream: sends a domain SparkRequest, hands every progress chunk
// (parsed with the domain schema) to `onChunk`, and resolves with the parsed final result.
// Aborting `signal` ends the stream; errors reach the caller as FunctionsError (code, details).
import { SparkChunk, SparkRequest, SparkResult } from "@ideaspark/domain";
import { httpsCallable } from "firebase/functions";
import { functionsClient } from "./firebase";

const SPARK_TIMEOUT_MS = 180_000;

export async function streamSpark(
  request: SparkRequest,
  onChunk: (chunk: SparkChunk) => void,
  signal: AbortSignal,
): Promise<SparkResult> {
  const call = httpsCallable<SparkRequest, unknown, unknown>(functionsClient(), "spark", {
    timeout: SPARK_TIMEOUT_MS,
  });
  // `spark` consumes each App Check token (replay protection), so every call needs a fresh one.
  const { stream, data } = await call.stream(SparkRequest.parse(request), {
    signal,
    limitedUseAppCheckTokens: true,
  });
  // The final result rejects too when the stream does; the loop below reports it once.
  data.catch(() => undefined);
  for await (const raw of stream) {
    const chunk = SparkChunk.safeParse(raw);
    if (chunk.success) onChunk(chunk.data);
    else console.warn("IdeaSpark ignored an unknown spark chunk", raw);
  }
  return SparkResult.parse(await data);
}
