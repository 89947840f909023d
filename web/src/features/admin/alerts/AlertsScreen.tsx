// /admin/alerts: the newest alerts with their kind, time, message and whether they are resolved.
import { formatDate } from "../../../lib/format";
import { EmptyState } from "../../../ui/EmptyState";
import { Screen } from "../../../ui/Screen";
import { SEVERITY_LABELS, kindLabel } from "./alertText";
import { useRecentAlerts } from "./useAlerts";

const when = (ms: number) => formatDate(ms, { dateStyle: "medium", timeStyle: "short" });

export function AlertsScreen() {
  const alerts = useRecentAlerts();
  return (
    <Screen
      title="Admin · Alerts"
      lead="Budget thresholds, provider failures, spend spikes and error rates, newest first."
      testId="admin-alerts"
    >
      {alerts.status === "loading" && (
        <p className="loading" role="status">
          Loading alerts…
        </p>
      )}
      {alerts.status === "error" && (
        <p className="form-alert" role="alert" data-testid="alerts-error">
          Alerts could not be loaded: {alerts.error.message}
        </p>
      )}
      {alerts.status === "ready" && alerts.data.length === 0 && (
        <EmptyState title="No alerts">
          <p>Nothing has crossed a budget threshold or failed often enough to raise an alert.</p>
        </EmptyState>
      )}
      {alerts.status === "ready" && alerts.data.length > 0 && (
        <ol className="alert-list" data-testid="alert-list">
          {alerts.data.map(({ id, alert }) => (
            <li
              key={id}
              className={`alert-item is-${alert.severity}${alert.resolvedAt === null ? "" : " is-resolved"}`}
              data-testid="alert-item"
              data-id={id}
              data-resolved={alert.resolvedAt !== null}
            >
              <p className="alert-heading">
                <span className={`severity-tag is-${alert.severity}`}>
                  {SEVERITY_LABELS[alert.severity]}
                </span>{" "}
                <strong>{alert.title}</strong>
              </p>
              <p>{alert.message}</p>
              <dl className="alert-facts">
                <div>
                  <dt>Kind</dt>
                  <dd>{kindLabel(alert.kind)}</dd>
                </div>
                <div>
                  <dt>Raised</dt>
                  <dd>{when(alert.createdAt)}</dd>
                </div>
                <div>
                  <dt>Status</dt>
                  <dd data-testid="alert-status">
                    {alert.resolvedAt === null
                      ? "Unresolved"
                      : `Resolved ${when(alert.resolvedAt)}`}
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </Screen>
  );
}
