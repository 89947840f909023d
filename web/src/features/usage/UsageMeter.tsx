// This month's tokens against the plan's limit: numbers, a bar, when it resets and the plan.
import { Link } from "react-router";
import { trackEvent } from "../../data/track";
import { formatDate, formatTokens } from "../../lib/format";
import { meterState } from "../../lib/usageMeter";
import { PLAN_NAMES } from "./plans";
import type { UsageSummary } from "./useUsageSummary";

type Ready = Extract<UsageSummary, { status: "ready" }>;

export function UsageMeter({
  summary,
  showUpgrade = true,
}: {
  summary: Ready;
  showUpgrade?: boolean;
}) {
  const meter = meterState(summary.used, summary.limit);
  return (
    <div
      className={`usage-meter is-${meter.level}`}
      data-testid="usage-meter"
      data-level={meter.level}
    >
      <p className="usage-meter-numbers">
        <strong data-testid="usage-used">{formatTokens(meter.used)}</strong> of{" "}
        <span data-testid="usage-limit">{formatTokens(meter.limit)}</span> tokens used
        <span className="usage-meter-percent" data-testid="usage-percent">
          {meter.percent}%
        </span>
      </p>
      <div
        className="usage-meter-track"
        role="meter"
        aria-label="Tokens used this month"
        aria-valuemin={0}
        aria-valuemax={meter.limit}
        aria-valuenow={Math.min(meter.used, meter.limit)}
        aria-valuetext={`${meter.percent}% of your monthly tokens used`}
      >
        <span className="usage-meter-bar" style={{ width: `${meter.barPercent}%` }} />
      </div>
      <p className="usage-meter-details">
        <span data-testid="usage-plan">{PLAN_NAMES[summary.plan]} plan</span>
        <span>
          Resets on{" "}
          <time dateTime={summary.resetsAt.toISOString()} data-testid="usage-resets">
            {formatDate(summary.resetsAt, { dateStyle: "medium", timeZone: "UTC" })}
          </time>
        </span>
      </p>
      {meter.level !== "ok" && (
        <p className="usage-meter-warning" role="status" data-testid="usage-warning">
          {meter.level === "over"
            ? "You have reached this month's limit; new sparks wait until it resets."
            : `Only ${formatTokens(meter.remaining)} tokens left this month.`}{" "}
          {showUpgrade && summary.plan !== "pro" && (
            <Link
              to="/usage#upgrade"
              data-testid="usage-upgrade-link"
              onClick={() => trackEvent("upgrade_clicked", { from: "meter" })}
            >
              See the Pro plan
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
