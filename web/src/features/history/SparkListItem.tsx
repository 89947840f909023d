// One spark in a list (home, history): topic, date, idea count, status and starred count,
// linking to the spark's own screen. History's windowed list also places it (`row`).
import type { SparkDoc } from "@ideaspark/domain";
import type { CSSProperties } from "react";
import { Link } from "react-router";
import type { StoredSpark } from "../../data/history";
import { formatDate } from "../../lib/format";

const STATUS_LABELS: Record<SparkDoc["status"], string> = {
  pending: "In progress",
  complete: "Complete",
  partial: "Partial",
  error: "Failed",
  refused: "Refused",
  cancelled: "Cancelled",
};

/** Where a row of a windowed list sits: its key, place among `setSize` rows, and style. */
export interface ListRow {
  key: string;
  position: number;
  setSize: number;
  style: CSSProperties;
}

export function SparkListItem({
  stored,
  dateStyle = "date",
  row,
}: {
  stored: StoredSpark;
  /** "time" inside a day group, "date" elsewhere. */
  dateStyle?: "date" | "time";
  row?: ListRow;
}) {
  const { id, spark } = stored;
  const ideas = spark.ideas.length;
  const starred = spark.starred.length;
  return (
    <li
      className="history-item"
      data-testid="spark-item"
      data-spark-id={id}
      data-row-key={row?.key}
      aria-posinset={row?.position}
      aria-setsize={row?.setSize}
      style={row?.style}
    >
      <Link className="history-item-link" to={`/spark/${encodeURIComponent(id)}`}>
        <span className="history-item-title" data-testid="spark-topic">
          {spark.brief.topic}
        </span>
        <span className="history-item-meta">
          <time dateTime={new Date(spark.createdAt).toISOString()}>
            {formatDate(
              spark.createdAt,
              dateStyle === "time"
                ? { timeStyle: "short" }
                : { dateStyle: "medium", timeStyle: "short" },
            )}
          </time>
          <span data-testid="spark-idea-count">
            {spark.status === "partial"
              ? `${ideas} of ${spark.brief.count} ideas`
              : `${ideas} ${ideas === 1 ? "idea" : "ideas"}`}
          </span>
          {starred > 0 && (
            <span className="history-starred" data-testid="spark-starred-count">
              <span aria-hidden="true">★</span> {starred} starred
            </span>
          )}
          <span className={`history-chip is-${spark.status}`} data-testid="spark-status">
            {STATUS_LABELS[spark.status]}
          </span>
        </span>
      </Link>
    </li>
  );
}
