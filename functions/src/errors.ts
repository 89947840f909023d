// Maps failures to typed callable errors in one place, so no foreseeable failure surfaces as
// `internal` and every message is something a person can act on.
import { AppConfigError, DOMAIN_ERRORS, DomainError, isDomainError } from "@ideaspark/domain";
import { HttpsError } from "firebase-functions/https";
import { logger } from "firebase-functions/logger";
import type { z } from "zod";

/** Turns zod issues into one sentence naming each offending field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join(".") : "request";
      return `${where}: ${issue.message}`;
    })
    .join("; ");
}

/** Parses callable input with a schema or throws `invalid-argument` saying what is wrong. */
export function parseRequest<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data ?? {});
  if (!result.success) {
    throw new HttpsError("invalid-argument", `Invalid request: ${describeZodError(result.error)}`);
  }
  return result.data;
}

/** DomainErrors become their callable code with details; anything unforeseen is logged as `internal`. */
export function toHttpsError(error: unknown, context: string): HttpsError {
  if (error instanceof HttpsError) return error;
  if (isDomainError(error)) {
    return new HttpsError(DOMAIN_ERRORS[error.kind].code, error.message, error.details);
  }
  if (error instanceof AppConfigError) {
    // An operator's broken config/app: say so plainly, and log what is wrong for the admins.
    logger.error(`${context}: config/app is invalid`, { error: error.message });
    // Sent as AI paused, so the app shows the pause it is (not "could not reach the service").
    return new HttpsError(
      "failed-precondition",
      "IdeaSpark is being reconfigured right now. Please try again in a few minutes.",
      new DomainError("ai-paused").details,
    );
  }
  logger.error(`${context} failed unexpectedly`, {
    error: error instanceof Error ? error.stack : String(error),
  });
  return new HttpsError("internal", "Something went wrong on our side. Please try again.");
}
