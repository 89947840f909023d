// Admin · one user (/admin/users/:uid): profile, plan and role with the actions to change them,
// growth totals and milestones, tokens and AI cost per month for the last 6 months, and the 20
// most recent requests.
import { type QuotaDoc, type UsageRecord } from "@ideaspark/domain";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { loadRecentUsage, loadUser, loadUserMonths } from "../../../data/adminUsers";
import { formatDate, formatTokens, formatUsd } from "../../../lib/format";
import { EmptyState } from "../../../ui/EmptyState";
import { Screen } from "../../../ui/Screen";
import { useLoad } from "../data/useLoad";
import { NONE, acquisitionName, formatMicros, formatPeriod, recentPeriods } from "./adminFormat";
import { UserActions } from "./UserActions";
import { useCampaignNames } from "./useUsersPage";
import "./admin.css";

const MONTHS = 6;
const RECENT = 20;

const when = (at: number | null) =>
  at === null ? NONE : formatDate(at, { dateStyle: "medium", timeStyle: "short" });

export function UserScreen() {
  const { uid = "" } = useParams();
  const [periods] = useState(() => recentPeriods(Date.now(), MONTHS));
  const profile = useLoad(`user:${uid}`, () => loadUser(uid));
  const months = useLoad(`user-months:${uid}`, () => loadUserMonths(uid, periods));
  const recent = useLoad(`user-usage:${uid}`, () => loadRecentUsage(uid, RECENT));
  const names = useCampaignNames();

  if (profile.status === "loading") {
    return <Screen title="Admin · User" lead="Loading…" testId="admin-user" />;
  }
  if (profile.status === "error" || profile.data === null) {
    return (
      <Screen title="Admin · User" testId="admin-user">
        <EmptyState
          title={profile.status === "error" ? "This user could not be loaded" : "No such user"}
        >
          <p role="alert">
            {profile.status === "error"
              ? profile.error.message
              : `No profile has the uid "${uid}".`}
          </p>
        </EmptyState>
        <Link to="/admin/users">Back to users</Link>
      </Screen>
    );
  }
  const user = profile.data;
  const { growth } = user;
  return (
    <Screen title={`Admin · ${user.email}`} lead={user.displayName} testId="admin-user">
      <p>
        <Link to="/admin/users">← All users</Link>
      </p>
      <section className="panel" aria-labelledby="user-profile-title">
        <h2 id="user-profile-title">Profile</h2>
        <dl className="admin-facts">
          <dt>Email</dt>
          <dd data-testid="user-email">{user.email}</dd>
          <dt>uid</dt>
          <dd className="mono">{uid}</dd>
          <dt>Plan</dt>
          <dd data-testid="user-plan">{user.plan}</dd>
          <dt>Role</dt>
          <dd data-testid="user-role">{user.role}</dd>
          <dt>Signed up</dt>
          <dd>{when(user.createdAt)}</dd>
          <dt>Campaign</dt>
          <dd>
            {acquisitionName(growth.campaignId, names.status === "ready" ? names.data : null)}
          </dd>
          <dt>Verified</dt>
          <dd>{when(growth.verifiedAt)}</dd>
          <dt>First spark</dt>
          <dd>{when(growth.firstSparkAt)}</dd>
          <dt>Pro since</dt>
          <dd>{when(growth.proAt)}</dd>
          <dt>Last active</dt>
          <dd>{when(growth.lastActiveAt)}</dd>
          <dt>All time</dt>
          <dd>
            {formatTokens(growth.requests)} requests · {formatTokens(growth.chargedTokens)} tokens ·
            AI cost {formatMicros(growth.providerCostMicros)} · charged{" "}
            {formatMicros(growth.chargedCostMicros)}
          </dd>
        </dl>
      </section>
      <UserActions
        uid={uid}
        email={user.email}
        plan={user.plan}
        admin={user.role === "admin"}
        onChanged={profile.reload}
      />
      <section className="panel" aria-labelledby="user-months-title">
        <h2 id="user-months-title">Last {MONTHS} months</h2>
        {months.status === "error" && (
          <p className="form-alert" role="alert">
            Monthly usage could not be loaded: {months.error.message}
          </p>
        )}
        {months.status === "ready" && <MonthsTable periods={periods} months={months.data} />}
      </section>
      <section className="panel" aria-labelledby="user-recent-title">
        <h2 id="user-recent-title">Recent requests</h2>
        {recent.status === "error" && (
          <p className="form-alert" role="alert">
            Recent requests could not be loaded: {recent.error.message}
          </p>
        )}
        {recent.status === "ready" && <RecentTable records={recent.data} />}
      </section>
    </Screen>
  );
}

function MonthsTable({ periods, months }: { periods: string[]; months: Map<string, QuotaDoc> }) {
  const peak = Math.max(1, ...periods.map((p) => months.get(p)?.providerCostMicros ?? 0));
  return (
    <div className="admin-table-wrap">
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
    </div>
  );
}

function RecentTable({ records }: { records: UsageRecord[] }) {
  if (records.length === 0) return <p className="admin-muted">No requests yet.</p>;
  return (
    <div className="admin-table-wrap">
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
              <td>{when(record.createdAt)}</td>
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
    </div>
  );
}
