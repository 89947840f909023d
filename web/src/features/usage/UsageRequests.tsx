// This period's requests, newest first: what each was charged (the record's top-level tokens
// and cost, not the provider's bill). Brief-cache answers are listed as 0-token entries.
import type { UsageRecord } from "@ideaspark/domain";
import { Link } from "react-router";
import { formatDate, formatTokens, formatUsd } from "../../lib/format";
import { chargedTokens } from "../../lib/usageChart";

const STATUS_LABELS: Record<UsageRecord["status"], string> = {
  pending: "Running",
  ok: "Completed",
  partial: "Partial",
  error: "Failed (not charged)",
  refused: "Refused",
  cancelled: "Cancelled",
};

export function UsageRequests({ records }: { records: readonly UsageRecord[] }) {
  if (records.length === 0) return null;
  const newestFirst = [...records].reverse();
  return (
    <section className="panel usage-requests" aria-labelledby="usage-requests-title">
      <h2 id="usage-requests-title">Requests this month</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Spark</th>
            <th scope="col">Tokens</th>
            <th scope="col">Cost</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((record) => (
            <tr
              key={`${record.sparkId}-${record.createdAt}`}
              data-testid="usage-request"
              data-cached={record.cached}
            >
              <td>{formatDate(record.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
              <td>
                <span data-testid="usage-request-status">{STATUS_LABELS[record.status]}</span>{" "}
                <Link to={`/spark/${encodeURIComponent(record.sparkId)}`}>View spark</Link>
                {record.cached && <span className="usage-cached-chip">Cached</span>}
              </td>
              <td data-testid="usage-request-tokens">{formatTokens(chargedTokens(record))}</td>
              <td>{formatUsd(record.cached ? 0 : record.costUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
