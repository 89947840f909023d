// "Heaviest this month": the five users whose requests cost the most this period (quota
// documents ordered by provider cost), with their email and tokens.
import { Link } from "react-router";
import { loadHeaviestQuotas, loadUsers } from "../../../data/adminUsers";
import { formatTokens } from "../../../lib/format";
import { useLoad } from "../data/useLoad";
import { formatMicros } from "./adminFormat";

const HEAVIEST = 5;

export function HeaviestStrip({ period }: { period: string }) {
  const heaviest = useLoad(`heaviest:${period}`, async () => {
    const quotas = (await loadHeaviestQuotas(period, HEAVIEST)).filter(
      (q) => q.providerCostMicros > 0,
    );
    const users = await loadUsers(quotas.map((q) => q.uid));
    return quotas.map((quota) => ({ quota, email: users.get(quota.uid)?.email ?? quota.uid }));
  });
  return (
    <section className="panel" aria-labelledby="heaviest-title" data-testid="heaviest-strip">
      <h2 id="heaviest-title">Heaviest this month</h2>
      {heaviest.status === "loading" && <p className="admin-muted">Loading…</p>}
      {heaviest.status === "error" && (
        <p className="form-alert" role="alert">
          The heaviest users could not be loaded: {heaviest.error.message}
        </p>
      )}
      {heaviest.status === "ready" &&
        (heaviest.data.length === 0 ? (
          <p className="admin-muted">No AI cost yet this month.</p>
        ) : (
          <ol className="admin-strip">
            {heaviest.data.map(({ quota, email }) => (
              <li key={quota.uid}>
                <Link to={`/admin/users/${encodeURIComponent(quota.uid)}`}>{email}</Link>
                <strong>{formatMicros(quota.providerCostMicros)}</strong>
                <span className="admin-muted">
                  {formatTokens(quota.used)} tokens · {formatTokens(quota.requests)} requests
                </span>
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
