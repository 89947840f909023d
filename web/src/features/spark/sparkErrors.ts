// What went wrong with a spark, in words and with the next step the screen offers: a fresh
// retry, a countdown, an upgrade, or editing the brief. Reads the callable's code + details.
import { DomainErrorDetails } from "@ideaspark/domain";

export type SparkErrorKind =
  | "unavailable"
  | "cancelled"
  | "rate-limited"
  | "quota-exhausted"
  | "refused"
  | "paused"
  | "unauthenticated"
  | "other";

export interface SparkError {
  kind: SparkErrorKind;
  message: string;
  retryAfterSeconds?: number;
  resetsAt?: string;
}

const FALLBACK: Record<SparkErrorKind, string> = {
  unavailable: "The AI service could not be reached. Please try again.",
  cancelled: "You cancelled this spark.",
  "rate-limited": "Too many requests. Wait a moment and try again.",
  "quota-exhausted": "You have used this month's tokens.",
  refused: "This brief can't be answered. Please edit it and try again.",
  paused: "Idea generation is paused right now. Please try again later.",
  unauthenticated: "Please sign in again to continue.",
  other: "Something went wrong. Please try again.",
};

/** Maps a callable failure (FunctionsError-like: code, message, details) to a SparkError. */
export function describeSparkError(error: unknown): SparkError {
  const {
    code = "",
    message = "",
    details,
  } = (error ?? {}) as {
    code?: string;
    message?: string;
    details?: unknown;
  };
  const bare = code.replace(/^functions\//, "");
  const parsed = DomainErrorDetails.safeParse(details);
  const info = parsed.success ? parsed.data : null;
  const kind = kindOf(bare, info);
  const result: SparkError = { kind, message: humanMessage(bare, message) ?? FALLBACK[kind] };
  if (info?.retryAfterSeconds !== undefined) result.retryAfterSeconds = info.retryAfterSeconds;
  if (info?.resetsAt) result.resetsAt = info.resetsAt;
  return result;
}

function kindOf(code: string, info: DomainErrorDetails | null): SparkErrorKind {
  if (info?.kind === "rate-limited") return "rate-limited";
  if (info?.kind === "quota-exhausted") return "quota-exhausted";
  switch (code) {
    case "unavailable":
    case "deadline-exceeded":
    case "internal":
      return "unavailable";
    case "cancelled":
      return "cancelled";
    case "resource-exhausted":
      return "rate-limited";
    case "invalid-argument":
      return "refused";
    case "failed-precondition":
      return "paused";
    case "unauthenticated":
      return "unauthenticated";
    default:
      return "other";
  }
}

// The SDK's own messages for transport failures ("internal", "deadline-exceeded") are not
// meant for people; the function's messages are.
function humanMessage(code: string, message: string): string | null {
  if (!message || code === "internal" || code === "deadline-exceeded") return null;
  if (message.toLowerCase() === code) return null;
  return message;
}
