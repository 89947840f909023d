// Home: recent sparks, this month's usage meter and the way to start a new spark.
import { Link } from "react-router";
import { EmptyState } from "../../ui/EmptyState";
import { Screen } from "../../ui/Screen";
import { HistorySkeleton } from "../history/HistorySkeleton";
import { SavedDataNotice } from "../history/SavedDataNotice";
import { SparkListItem } from "../history/SparkListItem";
import { useSparks } from "../history/useSparks";
import { UsageMeter } from "../usage/UsageMeter";
import { UsageMeterSkeleton } from "../usage/UsageMeterSkeleton";
import { useUsageSummary } from "../usage/useUsageSummary";
import { useAuth } from "../auth/authStore";
import { useRememberedHeight } from "./useRememberedHeight";

/** Sparks shown on home; the rest are in History. */
export const RECENT_SPARKS = 5;

export function HomeScreen() {
  const sparks = useSparks(RECENT_SPARKS);
  const usage = useUsageSummary();
  const uid = useAuth((state) => state.user?.uid ?? null);
  const [recentRef, recentHeight] = useRememberedHeight<HTMLDivElement>(
    "homeRecent",
    uid,
    sparks.status,
  );
  return (
    <Screen
      title="Your sparks"
      documentTitle="IdeaSpark"
      lead="Recent sparks and how much of this month's allowance you have used."
      testId="home-screen"
      actions={
        <Link className="button button-primary" to="/spark" data-testid="new-spark">
          New spark
        </Link>
      }
    >
      {sparks.status === "ready" && <SavedDataNotice fromCache={sparks.fromCache} />}
      <div className="home-grid">
        <section className="panel home-recent" aria-labelledby="home-recent-title">
          <h2 id="home-recent-title">Recent sparks</h2>
          {/* Loading, it takes the room the list took last time (no jump when it arrives). */}
          <div
            ref={recentRef}
            className="home-recent-body"
            style={recentHeight ? { height: recentHeight, overflow: "hidden" } : undefined}
          >
            {sparks.status === "loading" && <HistorySkeleton />}
            {sparks.status === "error" && (
              <p className="form-alert" role="alert" data-testid="home-sparks-error">
                Your sparks could not be loaded. Check your connection and try again.
              </p>
            )}
            {sparks.status === "ready" && sparks.data.length === 0 && (
              <EmptyState
                title="No sparks yet"
                action={
                  <Link className="button button-secondary" to="/spark">
                    Start your first spark
                  </Link>
                }
              >
                <p>
                  Describe what you need ideas for — a product, a campaign, a talk, a gift — and
                  your sparks will appear here, newest first, readable offline too.
                </p>
              </EmptyState>
            )}
            {sparks.status === "ready" && sparks.data.length > 0 && (
              <>
                <ul className="history-list" data-testid="home-recent-list">
                  {sparks.data.map((stored) => (
                    <SparkListItem key={stored.id} stored={stored} />
                  ))}
                </ul>
                <p className="home-more">
                  <Link to="/history">All sparks in History</Link>
                </p>
              </>
            )}
          </div>
        </section>
        <section className="panel home-usage" aria-labelledby="home-usage-title">
          <h2 id="home-usage-title">This month's usage</h2>
          {usage.status === "loading" && <UsageMeterSkeleton />}
          {usage.status === "error" && (
            <p className="form-alert" role="alert" data-testid="home-usage-error">
              Your usage could not be loaded right now.
            </p>
          )}
          {usage.status === "ready" && <UsageMeter summary={usage} />}
          <p className="home-more">
            <Link to="/usage">Usage details</Link>
          </p>
        </section>
      </div>
    </Screen>
  );
}
