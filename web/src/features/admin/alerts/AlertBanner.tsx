// Shown at the top of every admin page while alerts are unresolved, newest first, the most
// severe setting the banner's colour; it links to the full list.
import { Link } from "react-router";
import { formatDate } from "../../../lib/format";
import { MAX_UNRESOLVED_ALERTS } from "../data/limits";
import { SEVERITY_LABELS, kindLabel } from "./alertText";
import { useUnresolvedAlerts } from "./useAlerts";

const SHOWN = 3;

export function AlertBanner() {
  const alerts = useUnresolvedAlerts();
  if (alerts.status !== "ready" || alerts.data.length === 0) return null;
  const list = alerts.data;
  const worst = list.some(({ alert }) => alert.severity === "critical")
    ? "critical"
    : list.some(({ alert }) => alert.severity === "warning")
      ? "warning"
      : "info";
  const more = list.length - SHOWN;
  return (
    <section
      className={`alert-banner is-${worst}`}
      role={worst === "info" ? "status" : "alert"}
      aria-label="Unresolved alerts"
      data-testid="alert-banner"
    >
      <ul>
        {list.slice(0, SHOWN).map(({ id, alert }) => (
          <li
            key={id}
            className={`is-${alert.severity}`}
            data-testid="alert-banner-item"
            data-id={id}
          >
            <strong>
              {SEVERITY_LABELS[alert.severity]} · {kindLabel(alert.kind)}:
            </strong>{" "}
            {alert.title}{" "}
            <span className="alert-time">
              ({formatDate(alert.createdAt, { dateStyle: "medium", timeStyle: "short" })})
            </span>
          </li>
        ))}
      </ul>
      <Link to="/admin/alerts">
        {more > 0
          ? `${more}${list.length >= MAX_UNRESOLVED_ALERTS ? " or more" : ""} more unresolved – see all alerts`
          : "See all alerts"}
      </Link>
    </section>
  );
}
