// Placeholder for the usage meter (and chart) while their first snapshot is on its way.
export function UsageMeterSkeleton() {
  return (
    <div className="usage-skeleton" aria-busy="true" data-testid="usage-loading">
      <span className="visually-hidden" role="status">
        Loading your usage…
      </span>
      <span className="history-skeleton-line is-wide" aria-hidden="true" />
      <span className="usage-skeleton-bar" aria-hidden="true" />
    </div>
  );
}
