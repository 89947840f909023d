// Placeholder rows while the first snapshot of a spark list is on its way.
export function HistorySkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <ul className="history-list history-skeleton" aria-busy="true" data-testid="sparks-loading">
      <li className="visually-hidden" role="status">
        Loading your sparks…
      </li>
      {Array.from({ length: rows }, (_, index) => (
        <li key={index} className="history-item history-skeleton-row" aria-hidden="true">
          <span className="history-skeleton-line is-wide" />
          <span className="history-skeleton-line" />
        </li>
      ))}
    </ul>
  );
}
