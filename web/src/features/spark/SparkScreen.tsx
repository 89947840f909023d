// One spark's result. A call running in this tab is shown live (sparkRunStore); otherwise —
// after a reload, from history, on another device, or while the same request runs elsewhere
// ("in-progress") — the stored spark is followed in Firestore (live, and offline from the
// cache) and shown with feedback, stars and "more like this" as soon as it lands.
import { DEFAULT_APP_CONFIG, RequestId, type SparkBrief, type SparkDoc } from "@ideaspark/domain";
import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useOnline } from "../../state/connectivityStore";
import { EmptyState } from "../../ui/EmptyState";
import { Screen } from "../../ui/Screen";
import { useAuth } from "../auth/authStore";
import { LiveRun } from "./LiveRun";
import { PartialNotice } from "./PartialNotice";
import { SparkErrorPanel } from "./SparkErrorPanel";
import { storedSparkError } from "./sparkErrors";
import { sparkRuns, useSparkRun, type SparkRun } from "./sparkRunStore";
import { StoredSpark } from "./StoredSpark";
import { SparkUsageLine } from "./SparkUsageLine";
import { useSparkDoc } from "./useSparkDoc";

const settled = (spark: SparkDoc) => spark.status !== "pending";

/**
 * How long a request running elsewhere is followed: past its hold (plus a minute), its run is
 * gone (the function cannot run that long) and the server settles it as an error.
 */
export const FOLLOW_LIMIT_MS = (DEFAULT_APP_CONFIG.holdTtlSeconds + 60) * 1000;

const GONE = {
  kind: "provider-unavailable",
  next: "retry",
  message: "This request stopped without an answer. Please try again.",
} as const;

/** True once `active` has stayed true for `ms`. */
function useExpired(active: boolean, ms: number): boolean {
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setExpired(true), ms);
    return () => {
      clearTimeout(timer);
      setExpired(false);
    };
  }, [active, ms]);
  return active && expired;
}

export function SparkScreen() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const online = useOnline();
  const uid = useAuth((state) => state.user?.uid ?? null);
  const valid = RequestId.safeParse(id).success;
  const run = useSparkRun(id);
  const stored = useSparkDoc(uid, id, valid);

  const retry = (brief: SparkBrief) => {
    const requestId = crypto.randomUUID();
    void sparkRuns.start(requestId, brief);
    navigate(`/spark/${requestId}`);
  };

  const landed = stored.status === "ready" && settled(stored.spark);
  const gone = useExpired(run?.error?.next === "follow" && !landed, FOLLOW_LIMIT_MS);

  const topic = run?.brief.topic ?? (stored.status === "ready" ? stored.spark.brief.topic : null);
  return (
    <Screen
      title="Spark"
      lead={topic ?? undefined}
      testId="spark-screen"
      actions={
        <Link className="button button-secondary" to="/spark">
          New spark
        </Link>
      }
    >
      {body()}
    </Screen>
  );

  function body() {
    if (!valid) return <NotFound id={id} />;
    // Following a request that runs elsewhere ends when its spark document is settled, or
    // when it has run longer than any request can.
    const following = run?.error?.next === "follow";
    if (run && following && gone && !landed) {
      return <SparkErrorPanel error={GONE} brief={run.brief} onRetry={() => retry(run.brief)} />;
    }
    if (run && run.phase !== "done" && !(following && landed)) return live(run);
    if (stored.status === "ready" && uid) {
      const failure = storedSparkError(stored.spark);
      if (failure) {
        return (
          <SparkErrorPanel
            error={failure}
            brief={stored.spark.brief}
            onRetry={() => retry(stored.spark.brief)}
          />
        );
      }
      return <StoredSpark uid={uid} id={id} spark={stored.spark} />;
    }
    if (run) return live(run);
    if (stored.status === "missing")
      return <NotFound id={id} offline={stored.fromCache && !online} />;
    if (stored.status === "error") {
      return (
        <EmptyState title="This spark can't be shown" action={<Link to="/history">History</Link>}>
          <p data-testid="spark-load-error">
            {online
              ? "It could not be loaded. Please try again in a moment."
              : "You're offline and it isn't saved on this device yet."}
          </p>
        </EmptyState>
      );
    }
    return (
      <p className="spark-phase" role="status" data-testid="spark-loading">
        Loading…
      </p>
    );
  }

  function live(current: SparkRun) {
    return (
      <>
        {current.result && (
          <SparkUsageLine usage={current.result.usage} cached={current.result.cached} />
        )}
        {current.result?.partial && (
          <PartialNotice brief={current.brief} delivered={current.result.ideas.length} />
        )}
        <LiveRun run={current} onCancel={() => sparkRuns.cancel(id)} />
        {current.error && (
          <SparkErrorPanel
            error={current.error}
            brief={current.brief}
            onRetry={() => retry(current.brief)}
          />
        )}
      </>
    );
  }
}

function NotFound({ id, offline = false }: { id: string; offline?: boolean }) {
  return (
    <div data-testid="spark-not-found">
      <EmptyState
        title={offline ? "Not available offline" : "Spark not found"}
        action={<Link to="/history">Back to history</Link>}
      >
        <p>
          {offline
            ? "This spark isn't saved on this device yet. Connect to the internet to load it."
            : "There is no spark at this address. It may have been deleted, or the link is wrong."}
        </p>
        <p>
          Spark id: <span className="mono">{id}</span>
        </p>
      </EmptyState>
    </div>
  );
}
