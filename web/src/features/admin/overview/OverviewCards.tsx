// The overview's figures: the month against the budget, then the chosen range's cost, usage,
// cache, errors, latency and users.
import { formatTokens, formatUsd } from "../../../lib/format";
import type { ActiveUserCounts } from "../data/activeUsers";
import type { MonthBudget, RangeSummary } from "./overviewMetrics";
import { NO_DATA, formatCount, formatLatency, formatShare } from "./overviewFormat";
import { StatCard } from "./StatCard";

export function budgetTone(month: MonthBudget): "ok" | "warning" | "critical" {
  if (month.used !== null && month.used >= 1) return "critical";
  return month.crossed.length > 0 || month.forecastOverBudget ? "warning" : "ok";
}

export function MonthCards({ today, month }: { today: RangeSummary; month: MonthBudget }) {
  const budgetSet = month.budgetUsd > 0;
  return (
    <div className="stat-grid">
      <StatCard
        label="AI cost today"
        value={formatUsd(today.providerUsd)}
        raw={today.providerUsd}
        detail={<p>Charged to users: {formatUsd(today.chargedUsd)}</p>}
        testId="stat-cost-today"
      />
      <StatCard
        label={`AI cost this month (${month.period})`}
        value={formatUsd(month.spentUsd)}
        raw={month.spentUsd}
        tone={budgetTone(month)}
        detail={
          budgetSet ? (
            <>
              <p>
                {formatShare(month.used)} of the {formatUsd(month.budgetUsd)} monthly budget
              </p>
              <meter
                min={0}
                max={1}
                low={0.8}
                high={0.99}
                optimum={0}
                value={Math.min(month.used ?? 0, 1)}
              >
                {formatShare(month.used)}
              </meter>
            </>
          ) : (
            <p>No monthly budget is set.</p>
          )
        }
        testId="stat-cost-month"
      />
      <StatCard
        label="Forecast for the month"
        value={formatUsd(month.forecastUsd)}
        raw={month.forecastUsd}
        tone={month.forecastOverBudget ? "warning" : "ok"}
        detail={
          <p>
            {!budgetSet
              ? "At this month's daily rate so far."
              : month.forecastOverBudget
                ? `Over the budget by ${formatUsd(month.forecastUsd - month.budgetUsd)} at this rate.`
                : "Within the budget at this month's rate so far."}
          </p>
        }
        testId="stat-forecast"
      />
    </div>
  );
}

export function RangeCards({ range, active }: { range: RangeSummary; active: ActiveUserCounts }) {
  return (
    <div className="stat-grid">
      <StatCard
        label="AI cost (provider)"
        value={formatUsd(range.providerUsd)}
        raw={range.providerUsd}
        detail={
          <p>
            Charged to users: {formatUsd(range.chargedUsd)}. Not charged:{" "}
            {formatUsd(range.uncoveredUsd)}.
          </p>
        }
        testId="stat-cost-range"
      />
      <StatCard
        label="Requests"
        value={formatCount(range.requests)}
        raw={range.requests}
        testId="stat-requests"
      />
      <StatCard
        label="Tokens"
        value={formatTokens(range.inputTokens + range.outputTokens)}
        raw={range.inputTokens + range.outputTokens}
        detail={
          <p>
            {formatTokens(range.inputTokens)} in, {formatTokens(range.outputTokens)} out;{" "}
            {formatTokens(range.chargedTokens)} charged.
          </p>
        }
        testId="stat-tokens"
      />
      <StatCard
        label="Cache hit rate"
        value={formatShare(range.cache.hitRate)}
        raw={range.cache.hitRate}
        detail={<p>Saved about {formatUsd(range.cache.savedUsd)}.</p>}
        testId="stat-cache"
      />
      <StatCard
        label="Error rate"
        value={formatShare(range.errorRate)}
        raw={range.errorRate}
        tone={range.errorRate !== null && range.errorRate >= 0.05 ? "warning" : "ok"}
        detail={
          range.errors.length === 0 ? (
            <p>No failed requests.</p>
          ) : (
            <ul className="stat-list" data-testid="stat-errors-by-kind">
              {range.errors.map((error) => (
                <li key={error.kind}>
                  <code>{error.kind}</code>: {formatCount(error.count)} ({formatShare(error.rate)})
                </li>
              ))}
            </ul>
          )
        }
        testId="stat-errors"
      />
      <StatCard
        label="Latency"
        value={range.p50Ms === null ? NO_DATA : `p50 ${formatLatency(range.p50Ms)}`}
        detail={<p>p95 {formatLatency(range.p95Ms)}</p>}
        testId="stat-latency"
      />
      <StatCard
        label="Active users"
        value={formatCount(active.mau)}
        raw={active.mau}
        detail={
          <p>
            In the last 30 days. Last 7 days: {formatCount(active.wau)}; last 24 hours:{" "}
            {formatCount(active.dau)}.
          </p>
        }
        testId="stat-active"
      />
      <StatCard
        label="New sign-ups"
        value={formatCount(range.signups)}
        raw={range.signups}
        testId="stat-signups"
      />
    </div>
  );
}
