// One user's most recent requests: status, model, ideas, charged tokens, provider cost, latency.
import type { UsageRecord } from "@ideaspark/domain";
import { formatTokens, formatUsd } from "../../../lib/format";
import { formatDateTime } from "./adminFormat";
import { TableScroll } from "../shell/TableScroll";

export function UserRecentTable({ records }: { records: UsageRecord[] }) {
  if (records.length === 0) return <p className="admin-muted">No requests yet.</p>;
  return (
    <TableScroll label="Recent requests table">
      <table className="admin-table" data-testid="user-recent">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Status</th>
            <th scope="col">Model</th>
            <th scope="col">Ideas</th>
            <th scope="col">Charged tokens</th>
            <th scope="col">Provider cost</th>
            <th scope="col">Latency</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.requestId}>
              <td>{formatDateTime(record.createdAt)}</td>
              <td>
                {record.status}
                {record.errorCode ? ` (${record.errorCode})` : ""}
                {record.cached ? " · cached" : ""}
              </td>
              <td className="mono">{record.model}</td>
              <td>
                {record.ideasDelivered}/{record.ideasRequested}
              </td>
              <td>{formatTokens(record.inputTokens + record.outputTokens)}</td>
              <td>{formatUsd(record.providerUsage.costUsd)}</td>
              <td>{(record.latencyMs / 1000).toFixed(1)} s</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
