// What went wrong with a spark and the step the screen offers next, decoded from the kind the
// function sends (`details.kind`) and the domain's one table, DOMAIN_ERRORS. Only failures that
// never got an answer from the function, and a cancel by the person, are worded here.
import {
  DOMAIN_ERRORS,
  DomainErrorDetails,
  type DomainErrorKind,
  type NextStep,
  type SparkDoc,
} from "@ideaspark/domain";

/** A kind the function reported, or "unreachable": no answer (network, SDK timeout, crash). */
export type SparkErrorKind = DomainErrorKind | "unreachable";

export interface SparkError {
  kind: SparkErrorKind;
  next: NextStep;
  message: string;
  retryAfterSeconds?: number;
  resetsAt?: string;
}

// The SDK's own failures (functions/internal, deadline-exceeded, unavailable, a lost network)
// carry no details and only words like "internal"; like a busy provider, a new try may work.
const UNREACHABLE: SparkError = {
  kind: "unreachable",
  next: "retry",
  message: "We couldn't get an answer from the AI service. Please try again.",
};

/** Maps a callable failure (FunctionsError-like: message, details) to a SparkError. */
export function describeSparkError(error: unknown): SparkError {
  const { message, details } = (error ?? {}) as { message?: unknown; details?: unknown };
  const parsed = DomainErrorDetails.safeParse(details);
  if (!parsed.success) return UNREACHABLE;
  const { kind, retryAfterSeconds, resetsAt } = parsed.data;
  const spec = DOMAIN_ERRORS[kind];
  const result: SparkError = {
    kind,
    next: spec.next,
    message: typeof message === "string" && message.trim() !== "" ? message : spec.message,
  };
  if (retryAfterSeconds !== undefined) result.retryAfterSeconds = retryAfterSeconds;
  if (resetsAt) result.resetsAt = resetsAt;
  return result;
}

/** The person pressed Cancel: the call was aborted in this tab, so no kind came back. */
export function cancelledByUser(): SparkError {
  return {
    kind: "cancelled",
    next: DOMAIN_ERRORS.cancelled.next,
    message: "You cancelled this spark.",
  };
}

const STORED_KIND: Partial<Record<SparkDoc["status"], DomainErrorKind>> = {
  pending: "in-progress",
  error: "provider-unavailable",
  refused: "refused",
  cancelled: "cancelled",
};

/**
 * Why a stored spark shows no result (null when it has one): the kind it recorded in
 * `errorCode` when that is a domain kind, else the kind its status implies. A pending spark
 * is still running somewhere, so it is followed.
 */
export function storedSparkError(spark: Pick<SparkDoc, "status" | "errorCode">): SparkError | null {
  const implied = STORED_KIND[spark.status];
  if (!implied) return null;
  const recorded = DomainErrorDetails.shape.kind.safeParse(spark.errorCode);
  const kind = recorded.success && spark.status !== "pending" ? recorded.data : implied;
  return { kind, next: DOMAIN_ERRORS[kind].next, message: DOMAIN_ERRORS[kind].message };
}
