// The overview's daily charts over the chosen range: cost, requests, active users, sign-ups.
import { useMemo } from "react";
import { formatUsd } from "../../../lib/format";
import type { DayPoint } from "./overviewMetrics";
import { formatCount } from "./overviewFormat";
import { TimeChart, type ChartSeries } from "./TimeChart";

export function OverviewCharts({ points }: { points: DayPoint[] }) {
  const charts = useMemo(() => {
    const days = points.map((point) => point.day);
    const line = (
      label: string,
      pick: (point: DayPoint) => number,
      colorVar: string,
      additive = true,
    ): ChartSeries => ({ label, values: points.map(pick), colorVar, additive });
    return {
      days,
      cost: [
        line("Provider cost", (point) => point.providerUsd, "--danger"),
        line("Charged to users", (point) => point.chargedUsd, "--accent"),
      ],
      requests: [line("Requests", (point) => point.requests, "--accent")],
      active: [line("Active users", (point) => point.activeUsers, "--ok", false)],
      signups: [line("Sign-ups", (point) => point.signups, "--accent")],
    };
  }, [points]);

  return (
    <div className="chart-grid">
      <TimeChart
        title="AI cost per day"
        days={charts.days}
        series={charts.cost}
        format={formatUsd}
        testId="chart-cost"
      />
      <TimeChart
        title="Requests per day"
        days={charts.days}
        series={charts.requests}
        format={formatCount}
        testId="chart-requests"
      />
      <TimeChart
        title="Active users per day"
        days={charts.days}
        series={charts.active}
        format={formatCount}
        testId="chart-active"
      />
      <TimeChart
        title="Sign-ups per day"
        days={charts.days}
        series={charts.signups}
        format={formatCount}
        testId="chart-signups"
      />
    </div>
  );
}
