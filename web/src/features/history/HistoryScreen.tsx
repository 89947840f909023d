// Every past spark, searchable (topic, audience, constraints, idea titles and pitches) and
// filterable to starred ones, grouped by day in a windowed list; read from the Firestore offline
// cache when there is no network. All sparks are followed (no pages), so search covers every one.
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { EmptyState } from "../../ui/EmptyState";
import { Screen } from "../../ui/Screen";
import { HistoryList } from "./HistoryList";
import { HistorySkeleton } from "./HistorySkeleton";
import { SavedDataNotice } from "./SavedDataNotice";
import { filterSparks, groupByDay, historyRows } from "./sparkList";
import { useSparks } from "./useSparks";

export function HistoryScreen() {
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const starredOnly = params.get("starred") === "1";
  const sparks = useSparks(null);
  const [now] = useState(() => new Date());

  const update = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const all = useMemo(() => (sparks.status === "ready" ? sparks.data : []), [sparks]);
  // Filtering and grouping run again only when the sparks or the search change; the data layer
  // hands back the same list for snapshots that only change `fromCache`.
  const matching = useMemo(
    () => filterSparks(all, { query, starredOnly }),
    [all, query, starredOnly],
  );
  const rows = useMemo(() => historyRows(groupByDay(matching, now)), [matching, now]);

  return (
    <Screen
      title="History"
      lead="Every spark you have made, also when you are offline."
      testId="history-screen"
    >
      {sparks.status === "ready" && <SavedDataNotice fromCache={sparks.fromCache} />}
      {sparks.status === "ready" && all.length > 0 && (
        <div className="history-toolbar" role="search">
          <label className="history-search">
            <span className="visually-hidden">Search your sparks</span>
            <input
              type="search"
              placeholder="Search topics, audiences and ideas"
              value={query}
              onChange={(event) => update("q", event.target.value)}
              data-testid="history-search"
            />
          </label>
          <label className="checkbox history-starred-filter">
            <input
              type="checkbox"
              checked={starredOnly}
              onChange={(event) => update("starred", event.target.checked ? "1" : "")}
              data-testid="history-starred-only"
            />
            Starred only
          </label>
        </div>
      )}
      {sparks.status === "loading" && <HistorySkeleton />}
      {sparks.status === "error" && (
        <p className="form-alert" role="alert" data-testid="history-error">
          Your sparks could not be loaded. Check your connection and try again.
        </p>
      )}
      {sparks.status === "ready" && all.length === 0 && (
        <EmptyState
          title="Nothing here yet"
          action={
            <Link className="button button-secondary" to="/spark">
              Start a spark
            </Link>
          }
        >
          <p>
            Your past sparks will be listed here, newest first. They are kept on this device, so the
            list opens even without a connection.
          </p>
        </EmptyState>
      )}
      {all.length > 0 && matching.length === 0 && (
        <div className="history-no-results" data-testid="history-no-results" role="status">
          <p>
            No sparks match{query ? ` “${query}”` : ""}
            {starredOnly ? " among starred ones" : ""}.
          </p>
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => setParams(new URLSearchParams(), { replace: true })}
          >
            Clear search
          </button>
        </div>
      )}
      {matching.length > 0 && <HistoryList rows={rows} sparkCount={matching.length} />}
    </Screen>
  );
}
