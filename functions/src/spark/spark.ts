// `spark` callable (streaming): auth and App Check gate, then the handler; errors mapped once.
import { DomainError, findForbiddenKey, type SparkChunk } from "@ideaspark/domain";
import { onCall } from "firebase-functions/https";
import { createOpenAIClient } from "../ai/openaiClient.js";
import type { ModelClient } from "../ai/modelClient.js";
import {
  CONFIG_CACHE_SECONDS,
  ENFORCE_APP_CHECK,
  OPENAI_API_KEY,
  OPENAI_BASE_URL,
} from "../config.js";
import { toHttpsError } from "../errors.js";
import { handleSpark } from "./handleSpark.js";

let client: ModelClient | undefined;

function modelClient(timeoutMs = 60_000): ModelClient {
  client ??= createOpenAIClient({
    apiKey: OPENAI_API_KEY.value(),
    baseURL: OPENAI_BASE_URL.value() || undefined,
    timeoutMs,
  });
  return client;
}

export const spark = onCall<unknown, Promise<unknown>, SparkChunk>(
  { secrets: [OPENAI_API_KEY], timeoutSeconds: 300, memory: "512MiB", cors: true },
  async (request, response) => {
    try {
      if (ENFORCE_APP_CHECK.value() && !request.app) {
        throw new DomainError(
          "unauthenticated",
          "This app could not be verified (App Check). Update or reload the app.",
        );
      }
      // The callable decoder turns an own "__proto__" key into a prototype, hiding it from
      // validation; the raw JSON body still shows it, so refuse such payloads here.
      const forbidden = findForbiddenKey(
        (request.rawRequest?.body as { data?: unknown } | undefined)?.data,
      );
      if (forbidden)
        throw new DomainError(
          "invalid-argument",
          `Invalid request: "${forbidden}" is not allowed (reserved key).`,
        );
      return await handleSpark(
        {
          uid: request.auth?.uid,
          data: request.data,
          emit: (chunk) => void response?.sendChunk(chunk).catch(() => false),
          signal: response?.signal ?? new AbortController().signal,
        },
        { client: () => modelClient(), cacheTtlMs: CONFIG_CACHE_SECONDS.value() * 1000 },
      );
    } catch (error) {
      throw toHttpsError(error, "spark");
    }
  },
);
