// The month selector of the admin screens that show one month (campaign results, exports): the
// current month and the twelve before it.
import { useState } from "react";
import { formatPeriod, recentPeriods } from "../users/adminFormat";

const MONTHS_SHOWN = 13;

interface Props {
  /** The select's id (its label points at it); also its test id. */
  id: string;
  value: string;
  onChange: (period: string) => void;
}

export function MonthPicker({ id, value, onChange }: Props) {
  const [months] = useState(() => recentPeriods(Date.now(), MONTHS_SHOWN));
  return (
    <div className="field">
      <label htmlFor={id}>Month</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={id}
      >
        {months.map((month) => (
          <option key={month} value={month}>
            {formatPeriod(month)}
          </option>
        ))}
      </select>
    </div>
  );
}
