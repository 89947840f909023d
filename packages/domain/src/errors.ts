// The failures a person can meet, as one typed `DomainError`, and the single table that maps
// each kind to a callable error code, whether retrying can help, and a default message.
import { z } from "zod";
import { describeIssues } from "./issues.js";

export const DOMAIN_ERROR_KINDS = [
  "invalid-argument",
  "quota-exhausted",
  "rate-limited",
  "ai-paused",
  "budget-exhausted",
  "moderation-refused",
  "provider-unavailable",
  "unauthenticated",
  "permission-denied",
  "not-found",
  "cancelled",
  "refused",
  "in-progress",
  "request-id-taken",
  "email-unverified",
] as const;
export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[number];

/** The Firebase callable error codes the app uses (a subset of FunctionsErrorCode). */
export type CallableErrorCode =
  | "invalid-argument"
  | "resource-exhausted"
  | "failed-precondition"
  | "unavailable"
  | "unauthenticated"
  | "permission-denied"
  | "not-found"
  | "already-exists"
  | "aborted"
  | "cancelled";

/**
 * What a person can do next, which the app offers as its one button: try again with a new
 * request, wait out a countdown, upgrade, edit the brief, follow the request already running,
 * sign in again, or nothing.
 */
export type NextStep =
  "retry" | "wait" | "upgrade" | "edit-brief" | "follow" | "sign-in" | "verify-email" | "none";

export interface DomainErrorSpec {
  code: CallableErrorCode;
  /** Whether the same request may succeed if tried again later without changes. */
  retryable: boolean;
  message: string;
  next: NextStep;
}

/** Kind → callable code, retryability and default message: the one place they are decided. */
export const DOMAIN_ERRORS: Readonly<Record<DomainErrorKind, DomainErrorSpec>> = {
  "invalid-argument": {
    code: "invalid-argument",
    retryable: false,
    next: "edit-brief",
    message: "The request is invalid.",
  },
  "quota-exhausted": {
    code: "resource-exhausted",
    retryable: false,
    next: "upgrade",
    message: "You have used this month's tokens.",
  },
  "rate-limited": {
    code: "resource-exhausted",
    retryable: true,
    next: "wait",
    message: "Too many requests. Wait a moment and try again.",
  },
  "email-unverified": {
    code: "failed-precondition",
    retryable: false,
    next: "verify-email",
    message: "Verify your email address to get ideas: open the link we sent you, then try again.",
  },
  "ai-paused": {
    code: "failed-precondition",
    retryable: false,
    next: "none",
    message: "Idea generation is paused for maintenance. Please try again later.",
  },
  "budget-exhausted": {
    code: "failed-precondition",
    retryable: false,
    next: "upgrade",
    message: "Free idea generation is paused until next month. Upgrade to keep going.",
  },
  "moderation-refused": {
    code: "invalid-argument",
    retryable: false,
    next: "edit-brief",
    message:
      "This brief can't be answered because it breaks our content rules. Please rephrase it.",
  },
  "provider-unavailable": {
    code: "unavailable",
    retryable: true,
    next: "retry",
    message: "The AI service is busy right now. Please try again in a minute.",
  },
  unauthenticated: {
    code: "unauthenticated",
    retryable: false,
    next: "sign-in",
    message: "Please sign in to continue.",
  },
  "permission-denied": {
    code: "permission-denied",
    retryable: false,
    next: "none",
    message: "You don't have access to this.",
  },
  "not-found": {
    code: "not-found",
    retryable: false,
    next: "none",
    message: "That item doesn't exist (or was deleted).",
  },
  cancelled: {
    code: "cancelled",
    retryable: true,
    next: "retry",
    message: "The request was cancelled.",
  },
  refused: {
    code: "invalid-argument",
    retryable: false,
    next: "edit-brief",
    message: "The AI declined to answer this brief. Please rephrase it and try again.",
  },
  "in-progress": {
    code: "aborted",
    retryable: true,
    next: "follow",
    message: "This request is already running. Its ideas will appear here when it finishes.",
  },
  "request-id-taken": {
    code: "already-exists",
    retryable: false,
    next: "retry",
    message: "This request id belongs to another request. Start a new spark.",
  },
};

/** Structured details sent with a callable error so the web app can react to the kind. */
export const DomainErrorDetails = z.object({
  kind: z.enum(DOMAIN_ERROR_KINDS),
  retryable: z.boolean(),
  resetsAt: z.iso.datetime().optional(),
  retryAfterSeconds: z.number().int().nonnegative().optional(),
});
export type DomainErrorDetails = z.infer<typeof DomainErrorDetails>;

/** A failure with a kind the callable maps to an error code, and a message a person can act on. */
export class DomainError extends Error {
  override readonly name = "DomainError";
  readonly details: DomainErrorDetails;

  constructor(
    readonly kind: DomainErrorKind,
    message: string = DOMAIN_ERRORS[kind].message,
    extra: { resetsAt?: Date; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.details = { kind, retryable: DOMAIN_ERRORS[kind].retryable };
    if (extra.resetsAt) this.details.resetsAt = extra.resetsAt.toISOString();
    if (extra.retryAfterSeconds !== undefined)
      this.details.retryAfterSeconds = extra.retryAfterSeconds;
  }

  /** The callable error code for this kind. */
  get code(): CallableErrorCode {
    return DOMAIN_ERRORS[this.kind].code;
  }

  static invalidArgument(error: { readonly issues: readonly z.core.$ZodIssue[] }): DomainError {
    return new DomainError("invalid-argument", `Invalid request: ${describeIssues(error)}`);
  }

  static quotaExhausted(resetsAt: Date): DomainError {
    const day = resetsAt.toISOString().slice(0, 10);
    const message = `You have used this month's tokens. They reset on ${day} (UTC); upgrade for more.`;
    return new DomainError("quota-exhausted", message, { resetsAt });
  }

  static rateLimited(retryAfterSeconds: number): DomainError {
    const wait = `${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}`;
    return new DomainError("rate-limited", `Too many requests. Try again in ${wait}.`, {
      retryAfterSeconds,
    });
  }
}

/** True for a DomainError (also across bundles, where `instanceof` can fail). */
export function isDomainError(error: unknown): error is DomainError {
  return (
    error instanceof DomainError ||
    (error instanceof Error &&
      error.name === "DomainError" &&
      DOMAIN_ERROR_KINDS.includes((error as { kind?: unknown }).kind as DomainErrorKind))
  );
}
