// A failed spark: the message, and the one next step its kind allows (`next` in the domain's
// error table) — a fresh retry, a countdown, the upgrade path, editing the brief, signing in
// again, verifying the email address, or "Already running…" while the screen follows a request
// running elsewhere.
import type { SparkBrief } from "@ideaspark/domain";
import { useEffect, useState } from "react";
import { Link, useLocation } from "react-router";
import { confirmEmailVerified, resendVerificationEmail } from "../../data/auth";
import { trackEvent } from "../../data/track";
import { signInPathFor } from "../../lib/nextPath";
import { authStore } from "../auth/authStore";
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

/**
 * "Verify your email": resend the link, or say it has been opened — Auth is asked again, the ID
 * token renewed, and the spark retried.
 */
function VerifyEmailControls({ onRetry }: { onRetry: () => void }) {
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch {
      setNote("That did not work. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button-primary"
        data-testid="spark-verified"
        disabled={busy}
        onClick={() =>
          void act(async () => {
            if (await confirmEmailVerified()) onRetry();
            else setNote("Your address is not verified yet: open the link in the email first.");
          })
        }
      >
        I’ve verified — try again
      </button>
      <button
        type="button"
        className="button button-secondary"
        data-testid="spark-resend-verification"
        disabled={busy}
        onClick={() =>
          void act(async () => {
            await resendVerificationEmail();
            setNote("We sent a new link. It can take a minute to arrive.");
          })
        }
      >
        Resend the link
      </button>
      {note && (
        <p className="spark-error-note" role="status" data-testid="spark-verify-note">
          {note}
        </p>
      )}
    </>
  );
}

export function SparkErrorPanel({ error, brief, onRetry }: Props) {
  const location = useLocation();
  const left = useCountdown(error.next === "wait" ? error.retryAfterSeconds : undefined);
  if (error.next === "follow") {
    return (
      <div
        className="spark-following"
        data-testid="spark-following"
        data-kind={error.kind}
        data-next={error.next}
      >
        <p className="spark-phase" role="status">
          <span className="spark-spinner" aria-hidden="true" />
          Already running…
        </p>
        <p className="spark-following-message">{error.message}</p>
      </div>
    );
  }
  const reset = resetDay(error.resetsAt);
  return (
    <div
      className="spark-error"
      role="alert"
      data-testid="spark-error"
      data-kind={error.kind}
      data-next={error.next}
    >
      <p className="spark-error-message">{error.message}</p>
      <div className="button-row">
        {error.next === "retry" && (
          <button
            type="button"
            className="button button-primary"
            data-testid="spark-retry"
            onClick={onRetry}
          >
            Retry
          </button>
        )}
        {error.next === "wait" && (
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
        {error.next === "upgrade" && (
          <>
            {reset && (
              <p className="spark-quota" data-testid="spark-quota">
                Quota used — resets on {reset}
              </p>
            )}
            <Link
              className="button button-primary"
              to="/usage"
              data-testid="spark-upgrade"
              onClick={() => trackEvent("upgrade_clicked", { from: "spark-quota" })}
            >
              Upgrade
            </Link>
          </>
        )}
        {error.next === "verify-email" && <VerifyEmailControls onRetry={onRetry} />}
        {error.next === "sign-in" && (
          <button
            type="button"
            className="button button-primary"
            data-testid="spark-sign-in"
            onClick={() => void authStore.signOut(signInPathFor(location), location.pathname)}
          >
            Sign in again
          </button>
        )}
        <Link
          className={`button ${error.next === "edit-brief" ? "button-primary" : "button-secondary"}`}
          to="/spark"
          state={{ form: formFromBrief(brief) }}
          data-testid="spark-edit"
        >
          Edit brief
        </Link>
      </div>
    </div>
  );
}
