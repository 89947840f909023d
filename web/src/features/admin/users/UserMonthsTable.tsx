// One user's tokens, requests, AI cost (with a bar against their costliest month) and active
// days for each of the given months, from their quota documents.
import type { QuotaDoc } from "@ideaspark/domain";
import { formatTokens } from "../../../lib/format";
import { formatMicros, formatPeriod } from "./adminFormat";
import { TableScroll } from "../shell/TableScroll";

export function UserMonthsTable({
  periods,
  months,
}: {
  periods: string[];
  months: Map<string, QuotaDoc>;
}) {
  const peak = Math.max(1, ...periods.map((p) => months.get(p)?.providerCostMicros ?? 0));
  return (
    <TableScroll label="Months table">
      <table className="admin-table" data-testid="user-months">
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Tokens</th>
            <th scope="col">Requests</th>
            <th scope="col">AI cost</th>
            <th scope="col">Active days</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((period) => {
            const quota = months.get(period);
            const cost = quota?.providerCostMicros ?? 0;
            return (
              <tr key={period}>
                <th scope="row">{formatPeriod(period)}</th>
                <td>{formatTokens(quota?.used ?? 0)}</td>
                <td>{formatTokens(quota?.requests ?? 0)}</td>
                <td>
                  <span
                    className="admin-bar"
                    style={{ width: `${Math.round((cost / peak) * 6)}rem` }}
                    aria-hidden="true"
                  />
                  {formatMicros(cost)}
                </td>
                <td>{Object.keys(quota?.activeDays ?? {}).length}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
