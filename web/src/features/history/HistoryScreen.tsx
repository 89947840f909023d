// Every past spark, searchable (topic, audience, idea titles) and filterable to starred ones,
// grouped by day; read from the Firestore offline cache when there is no network.
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { EmptyState } from "../../ui/EmptyState";
import { Screen } from "../../ui/Screen";
import { HistorySkeleton } from "./HistorySkeleton";
import { SavedDataNotice } from "./SavedDataNotice";
import { SparkListItem } from "./SparkListItem";
import { filterSparks, groupByDay } from "./sparkList";
import { useSparks } from "./useSparks";

/** Sparks fetched per "Load more". */
export const HISTORY_PAGE_SIZE = 50;

export function HistoryScreen() {
  const [max, setMax] = useState(HISTORY_PAGE_SIZE);
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const starredOnly = params.get("starred") === "1";
  const sparks = useSparks(max);
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
  const groups = useMemo(
    () => groupByDay(filterSparks(all, { query, starredOnly }), now),
    [all, query, starredOnly, now],
  );
  const hasMore = all.length >= max;

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
      {all.length > 0 && groups.length === 0 && (
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
      {groups.map((group) => (
        <section className="history-day" key={group.day} aria-labelledby={`day-${group.day}`}>
          <h2 id={`day-${group.day}`} className="history-day-title">
            {group.label}
          </h2>
          <ul className="history-list" data-testid="history-list">
            {group.sparks.map((stored) => (
              <SparkListItem key={stored.id} stored={stored} dateStyle="time" />
            ))}
          </ul>
        </section>
      ))}
      {hasMore && (
        <div className="history-more">
          {query && <p className="screen-footnote">Search covers the sparks loaded so far.</p>}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setMax((current) => current + HISTORY_PAGE_SIZE)}
            data-testid="history-load-more"
          >
            Load older sparks
          </button>
        </div>
      )}
    </Screen>
  );
}
