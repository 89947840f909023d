// Tokens used against the plan limit this period, per day, the plan, and the upgrade path.
import { useMemo } from "react";
import { Link } from "react-router";
import { trackEvent } from "../../data/track";
import { bucketUsageByDay } from "../../lib/usageChart";
import { meterState } from "../../lib/usageMeter";
import { Screen } from "../../ui/Screen";
import { SavedDataNotice } from "../history/SavedDataNotice";
import { UpgradePanel } from "./UpgradePanel";
import { UsageChart } from "./UsageChart";
import { UsageMeter } from "./UsageMeter";
import { UsageMeterSkeleton } from "./UsageMeterSkeleton";
import { UsageRequests } from "./UsageRequests";
import { useCurrentPeriod, useUsageSummary } from "./useUsageSummary";
import { useUsageRecords } from "./useUsageRecords";
import { formatTokens, formatUsd } from "../../lib/format";

export function UsageScreen() {
  const period = useCurrentPeriod();
  const summary = useUsageSummary();
  const records = useUsageRecords(period);
  const chart = useMemo(
    () => bucketUsageByDay(records.status === "ready" ? records.data : [], period),
    [records, period],
  );
  const today = useMemo(() => new Date().toISOString().slice(0, 10), []);
  const level = summary.status === "ready" ? meterState(summary.used, summary.limit).level : "ok";

  return (
    <Screen
      title="Usage"
      lead="How much of your monthly allowance you have used."
      testId="usage-screen"
    >
      {summary.status === "ready" && (
        <SavedDataNotice
          fromCache={summary.fromCache || (records.status === "ready" && records.fromCache)}
        />
      )}
      {summary.status === "error" && (
        <p className="form-alert" role="alert" data-testid="usage-error">
          Your usage could not be loaded. Check your connection and try again.
        </p>
      )}
      <section className="panel" aria-labelledby="usage-month-title">
        <h2 id="usage-month-title">This month</h2>
        {summary.status === "loading" && <UsageMeterSkeleton />}
        {summary.status === "ready" && (
          <>
            <UsageMeter summary={summary} showUpgrade={false} />
            {level !== "ok" && summary.plan !== "pro" && (
              <div className="usage-upgrade-cta" data-testid="usage-upgrade-cta">
                <p>
                  Pro includes {formatTokens(summary.config.plans.pro.monthlyTokens)} tokens a month
                  for {formatUsd(summary.config.plans.pro.priceUsd)}.
                </p>
                <a
                  className="button button-primary"
                  href="#upgrade"
                  data-testid="usage-upgrade-button"
                  onClick={() => trackEvent("upgrade_clicked", { from: "usage" })}
                >
                  Upgrade to Pro
                </a>
              </div>
            )}
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="usage-days-title">
        <h2 id="usage-days-title">Per day</h2>
        {records.status === "loading" && <UsageMeterSkeleton />}
        {records.status === "error" && (
          <p className="form-alert" role="alert">
            The per-day breakdown could not be loaded.
          </p>
        )}
        {records.status === "ready" && <UsageChart chart={chart} today={today} />}
      </section>
      {records.status === "ready" && <UsageRequests records={records.data} />}
      {summary.status === "ready" && <UpgradePanel config={summary.config} plan={summary.plan} />}
      <p className="screen-footnote">
        Need more ideas? <Link to="/spark">Start a new spark</Link>.
      </p>
    </Screen>
  );
}
