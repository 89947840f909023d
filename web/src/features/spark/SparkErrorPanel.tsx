// A failed spark: the message from the function, and the next step its kind allows — a fresh
// retry, a countdown for rate limits, the upgrade path for a spent quota, or editing the brief.
import type { SparkBrief } from "@ideaspark/domain";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { formFromBrief } from "./briefForm";
import type { SparkError } from "./sparkErrors";

interface Props {
  error: SparkError;
  brief: SparkBrief;
  onRetry: () => void;
}

function useCountdown(seconds: number | undefined): number {
  const [left, setLeft] = useState(seconds ?? 0);
  useEffect(() => {
    if (!seconds) return;
    const endsAt = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}

function resetDay(resetsAt: string | undefined): string | null {
  if (!resetsAt) return null;
  // Quotas reset at midnight UTC on the 1st; show that day, not the local day before it.
  return new Date(resetsAt).toLocaleDateString(undefined, { dateStyle: "long", timeZone: "UTC" });
}

export function SparkErrorPanel({ error, brief, onRetry }: Props) {
  const left = useCountdown(error.kind === "rate-limited" ? error.retryAfterSeconds : undefined);
  const edit = (
    <Link
      className="button button-secondary"
      to="/spark"
      state={{ form: formFromBrief(brief) }}
      data-testid="spark-edit"
    >
      Edit brief
    </Link>
  );
  return (
    <div className="spark-error" role="alert" data-testid="spark-error" data-kind={error.kind}>
      <p className="spark-error-message">{error.message}</p>
      <div className="button-row">
        {(error.kind === "unavailable" || error.kind === "cancelled" || error.kind === "other") && (
          <button
            type="button"
            className="button button-primary"
            data-testid="spark-retry"
            onClick={onRetry}
          >
            Retry
          </button>
        )}
        {error.kind === "rate-limited" && (
          <button
            type="button"
            className="button button-primary"
            data-testid="spark-retry"
            disabled={left > 0}
            onClick={onRetry}
          >
            {left > 0 ? `Try again in ${left} s` : "Try again"}
          </button>
        )}
        {error.kind === "quota-exhausted" && (
          <>
            <p className="spark-quota" data-testid="spark-quota">
              Quota used{resetDay(error.resetsAt) ? ` — resets on ${resetDay(error.resetsAt)}` : ""}
            </p>
            <Link className="button button-primary" to="/usage" data-testid="spark-upgrade">
              Upgrade
            </Link>
          </>
        )}
        {edit}
      </div>
    </div>
  );
}
