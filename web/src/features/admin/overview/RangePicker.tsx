// Which days the overview covers: the last 7, 30 or 90 (UTC), today included.
import type { RangeDays } from "../data/rollups";

export const RANGES: readonly RangeDays[] = [7, 30, 90];

export function parseRange(value: string | null): RangeDays {
  return RANGES.find((range) => String(range) === value) ?? 30;
}

export function RangePicker({
  value,
  onChange,
}: {
  value: RangeDays;
  onChange: (range: RangeDays) => void;
}) {
  return (
    <div className="range-picker" role="group" aria-label="Days shown">
      {RANGES.map((range) => (
        <button
          key={range}
          type="button"
          className={`button button-small ${range === value ? "button-primary" : "button-secondary"}`}
          aria-pressed={range === value}
          data-testid={`range-${range}`}
          onClick={() => onChange(range)}
        >
          Last {range} days
        </button>
      ))}
    </div>
  );
}
