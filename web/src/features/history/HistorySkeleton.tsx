// Placeholder rows while the first snapshot of a spark list is on its way. The rows are drawn
// for the eye only; assistive technology hears the one status line.
export function HistorySkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div className="history-skeleton" aria-busy="true" data-testid="sparks-loading">
      <p className="visually-hidden" role="status">
        Loading your sparks…
      </p>
      <ul className="history-list" aria-hidden="true">
        {Array.from({ length: rows }, (_, index) => (
          <li key={index} className="history-item history-skeleton-row">
            <span className="history-skeleton-line is-wide" />
            <span className="history-skeleton-line" />
          </li>
        ))}
      </ul>
    </div>
  );
}
