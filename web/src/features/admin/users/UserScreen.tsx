// Admin · one user (/admin/users/:uid): profile, plan and role with the actions to change them,
// growth totals and milestones, tokens and AI cost per month for the last 6 months, and the 20
// most recent requests.
import { useState } from "react";
import { Link, useParams } from "react-router";
import { loadRecentUsage, loadUser, loadUserMonths } from "../../../data/adminUsers";
import { formatTokens } from "../../../lib/format";
import { EmptyState } from "../../../ui/EmptyState";
import { Screen } from "../../../ui/Screen";
import { useLoad } from "../data/useLoad";
import { acquisitionName, formatDateTime, formatMicros, recentPeriods } from "./adminFormat";
import { UserActions } from "./UserActions";
import { UserMonthsTable } from "./UserMonthsTable";
import { UserRecentTable } from "./UserRecentTable";
import { useCampaignNames } from "./useUsersPage";
import "./admin.css";

const MONTHS = 6;
const RECENT = 20;

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
          <dd>{formatDateTime(user.createdAt)}</dd>
          <dt>Campaign</dt>
          <dd>
            {acquisitionName(growth.campaignId, names.status === "ready" ? names.data : null)}
          </dd>
          <dt>Verified</dt>
          <dd>{formatDateTime(growth.verifiedAt)}</dd>
          <dt>First spark</dt>
          <dd>{formatDateTime(growth.firstSparkAt)}</dd>
          <dt>Pro since</dt>
          <dd>{formatDateTime(growth.proAt)}</dd>
          <dt>Last active</dt>
          <dd>{formatDateTime(growth.lastActiveAt)}</dd>
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
        {months.status === "ready" && <UserMonthsTable periods={periods} months={months.data} />}
      </section>
      <section className="panel" aria-labelledby="user-recent-title">
        <h2 id="user-recent-title">Recent requests</h2>
        {recent.status === "error" && (
          <p className="form-alert" role="alert">
            Recent requests could not be loaded: {recent.error.message}
          </p>
        )}
        {recent.status === "ready" && <UserRecentTable records={recent.data} />}
      </section>
    </Screen>
  );
}
