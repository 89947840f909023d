// `spark` callable (streaming): auth and App Check gate, then the handler; errors mapped once.
import {
  DomainError,
  findForbiddenKey,
  SPARK_TIMEOUT_SECONDS,
  type SparkChunk,
} from "@ideaspark/domain";
import { createHmac } from "node:crypto";
import { onCall } from "firebase-functions/https";
import { logger } from "firebase-functions/logger";
import { createOpenAIClient } from "../ai/openaiClient.js";
import type { ModelClient } from "../ai/modelClient.js";
import { requireAppCheck } from "../appCheck.js";
import { CONFIG_CACHE_SECONDS, OPENAI_API_KEY, OPENAI_BASE_URL } from "../config.js";
import { withOpsTally } from "../data/opsCounter.js";
import { toHttpsError } from "../errors.js";
import { handleSpark } from "./handleSpark.js";
import { callableCors } from "../callableCors.js";

let client: ModelClient | undefined;

// The SDK timeout is only a backstop: attempts have their own idle timeout and deadline.
function modelClient(timeoutMs = SPARK_TIMEOUT_SECONDS * 1000): ModelClient {
  client ??= createOpenAIClient({
    apiKey: OPENAI_API_KEY.value(),
    baseURL: OPENAI_BASE_URL.value() || undefined,
    timeoutMs,
  });
  return client;
}

/**
 * OpenAI's `safety_identifier`: an HMAC of the uid keyed with the API key, so OpenAI can tell
 * one abusive person from the rest of the app's traffic without ever learning who they are.
 */
function safetyIdentifier(uid: string): string {
  return createHmac("sha256", OPENAI_API_KEY.value()).update(uid).digest("hex").slice(0, 32);
}

export const spark = onCall<unknown, Promise<unknown>, SparkChunk>(
  {
    secrets: [OPENAI_API_KEY],
    timeoutSeconds: SPARK_TIMEOUT_SECONDS,
    memory: "512MiB",
    cors: callableCors,
    // Replay protection: each call spends its App Check token, so a captured token cannot
    // start another paid generation (the web app asks for a limited-use token per spark).
    consumeAppCheckToken: true,
  },
  async (request, response) => {
    const ops = { reads: 0, writes: 0 };
    try {
      requireAppCheck(request);
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
      return await withOpsTally(ops, () =>
        handleSpark(
          {
            uid: request.auth?.uid,
            emailVerified: request.auth?.token.email_verified === true,
            data: request.data,
            emit: (chunk) => void response?.sendChunk(chunk).catch(() => false),
            signal: response?.signal ?? new AbortController().signal,
          },
          {
            client: () => modelClient(),
            cacheTtlMs: CONFIG_CACHE_SECONDS.value() * 1000,
            safetyIdentifier,
          },
        ),
      );
    } catch (error) {
      throw toHttpsError(error, "spark");
    } finally {
      logger.info("spark firestore ops", ops);
    }
  },
);
