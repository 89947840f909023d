// /admin: AI cost today and this month against the budget, then the chosen range's usage,
// cache, errors, latency and users, with daily charts.
import { useSearchParams } from "react-router";
import { formatDate } from "../../../lib/format";
import { Screen } from "../../../ui/Screen";
import { MonthCards, RangeCards } from "./OverviewCards";
import { OverviewCharts } from "./OverviewCharts";
import { RangePicker, parseRange } from "./RangePicker";
import { useOverview } from "./useOverview";

export function OverviewScreen() {
  const [params, setParams] = useSearchParams();
  const range = parseRange(params.get("range"));
  const overview = useOverview(range);

  return (
    <Screen
      title="Admin · Overview"
      lead="AI cost against the budget, usage and users. Days are UTC."
      actions={
        <RangePicker value={range} onChange={(next) => setParams({ range: String(next) })} />
      }
      testId="admin-overview"
    >
      {overview.status === "loading" && (
        <p className="loading" role="status" data-testid="overview-loading">
          Loading the figures…
        </p>
      )}
      {overview.status === "error" && (
        <div className="form-alert" role="alert" data-testid="overview-error">
          <p>The figures could not be loaded: {overview.error.message}</p>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={overview.reload}
          >
            Try again
          </button>
        </div>
      )}
      {overview.status === "ready" && (
        <>
          <section className="panel" aria-labelledby="overview-month-title">
            <h2 id="overview-month-title">Today and this month</h2>
            <MonthCards today={overview.today} month={overview.month} />
          </section>
          <section className="panel" aria-labelledby="overview-range-title">
            <h2 id="overview-range-title">Last {range} days</h2>
            <RangeCards range={overview.range} active={overview.active} />
          </section>
          <section className="panel" aria-labelledby="overview-charts-title">
            <h2 id="overview-charts-title">Per day</h2>
            <OverviewCharts points={overview.range.days} />
          </section>
          <p className="screen-footnote">
            Read at {formatDate(overview.readAt, { dateStyle: "medium", timeStyle: "short" })}.{" "}
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={overview.reload}
            >
              Refresh
            </button>
          </p>
        </>
      )}
    </Screen>
  );
}
