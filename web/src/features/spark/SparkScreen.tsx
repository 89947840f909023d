// One spark's result. A call running in this tab is shown live (sparkRunStore); otherwise —
// after a reload, from history, on another device — the stored spark is read from Firestore
// (live, and offline from the cache), with feedback, stars and "more like this".
import { RequestId, type SparkBrief, type SparkDoc } from "@ideaspark/domain";
import { Link, useNavigate, useParams } from "react-router";
import { useOnline } from "../../app/connectivityStore";
import { EmptyState } from "../../ui/EmptyState";
import { Screen } from "../../ui/Screen";
import { useAuth } from "../auth/authStore";
import { LiveRun } from "./LiveRun";
import { SparkErrorPanel } from "./SparkErrorPanel";
import type { SparkError } from "./sparkErrors";
import { sparkRuns, useSparkRun, type SparkRun } from "./sparkRunStore";
import { StoredSpark } from "./StoredSpark";
import { SparkUsageLine } from "./SparkUsageLine";
import { useSparkDoc } from "./useSparkDoc";

const STATUS_ERRORS: Partial<Record<SparkDoc["status"], SparkError>> = {
  error: { kind: "unavailable", message: "This spark failed before its ideas were written." },
  cancelled: { kind: "cancelled", message: "This spark was cancelled." },
  refused: {
    kind: "refused",
    message: "This brief can't be answered because it breaks our content rules.",
  },
  pending: { kind: "other", message: "This spark did not finish." },
};

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
    if (run && run.phase !== "done") return live(run);
    if (stored.status === "ready" && uid) {
      const failure = STATUS_ERRORS[stored.spark.status];
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
