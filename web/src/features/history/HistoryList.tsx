// History's windowed list: a day heading before each day's sparks, and only the rows near the
// viewport in the DOM (2,000 sparks render a few dozen rows). It stays one list for assistive
// technology: every row says its place (aria-posinset) among all rows (aria-setsize).
import { memo } from "react";
import "./historyList.css";
import { type HistoryRow } from "./sparkList";
import { SparkListItem } from "./SparkListItem";
import { useWindowedRows } from "./useWindowedRows";

/** Row heights assumed until measured (px at the default font size). */
const ESTIMATES = { day: 48, spark: 84 };
/** Rows rendered beyond the viewport, above and below, so fast scrolls and Tab find them. */
const OVERSCAN_PX = 800;

const Row = memo(function Row({
  row,
  top,
  position,
  setSize,
}: {
  row: HistoryRow;
  top: number;
  position: number;
  setSize: number;
}) {
  const style = { transform: `translateY(${top}px)` };
  if (row.kind === "spark") {
    return (
      <SparkListItem
        stored={row.stored}
        dateStyle="time"
        row={{ key: row.key, position, setSize, style }}
      />
    );
  }
  return (
    <li
      className="history-window-day"
      data-row-key={row.key}
      aria-posinset={position}
      aria-setsize={setSize}
      style={style}
    >
      <h2 className="history-day-title" data-testid="history-day">
        {row.label}
      </h2>
    </li>
  );
});

export function HistoryList({ rows, sparkCount }: { rows: HistoryRow[]; sparkCount: number }) {
  const { listRef, indices, offsets, onFocus, onBlur } = useWindowedRows(
    rows,
    ESTIMATES,
    OVERSCAN_PX,
  );
  return (
    <ul
      ref={listRef}
      className="history-window"
      style={{ height: offsets.at(-1) }}
      aria-label={`${sparkCount} ${sparkCount === 1 ? "spark" : "sparks"}, newest first`}
      data-testid="history-list"
      data-rows={rows.length}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {indices.map((index) => (
        <Row
          key={rows[index]!.key}
          row={rows[index]!}
          top={offsets[index]!}
          position={index + 1}
          setSize={rows.length}
        />
      ))}
    </ul>
  );
}
