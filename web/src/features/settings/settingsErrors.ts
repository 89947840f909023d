// Messages for failed settings actions: Auth codes via the auth messages, a callable's own
// message when it sends a domain kind, other Firestore and callable codes
// ("permission-denied", "functions/unavailable"…) in words a person can act on.
import { DomainErrorDetails } from "@ideaspark/domain";
import { authErrorCode, describeAuthError, OFFLINE_MESSAGE } from "../auth/authErrors";

const GENERIC = "Something went wrong. Please try again.";

const BY_CODE: Record<string, string> = {
  unavailable: "The service cannot be reached right now. Please try again in a moment.",
  "deadline-exceeded": "That took too long. Please try again.",
  "permission-denied": "You are not allowed to make this change.",
  unauthenticated: "Your session has expired. Sign in again and retry.",
  "resource-exhausted": "Too many attempts, try again later",
  "not-found": "This is not available yet. Please try again later.",
};

export function describeSettingsError(
  error: unknown,
  online: boolean = typeof navigator === "undefined" || navigator.onLine,
): string {
  if (!online) return OFFLINE_MESSAGE;
  const code = authErrorCode(error) ?? "";
  if (code.startsWith("auth/")) return describeAuthError(error, online)?.message ?? GENERIC;
  const { message, details } = (error ?? {}) as { message?: unknown; details?: unknown };
  // A function's typed refusal is worded for the person (e.g. when the next export may start).
  if (DomainErrorDetails.safeParse(details).success && typeof message === "string" && message) {
    // The web SDK appends the HTTP status (" [429]") to a callable's message.
    return message.replace(/ \[\d{3}\]$/, "");
  }
  const bare = code.replace(/^(functions|firestore)\//, "");
  if (bare === "failed-precondition" && error instanceof Error && error.message) {
    return error.message; // the function's own explanation, e.g. "sign in again first"
  }
  if (BY_CODE[bare]) return BY_CODE[bare];
  console.error("IdeaSpark settings action failed", error);
  return GENERIC;
}
