// Tokens per UTC day of the period as SVG bars, with the same numbers in a table for screen
// readers and anyone who prefers text.
import { formatTokens, formatUsd } from "../../lib/format";
import type { UsageChartData } from "../../lib/usageChart";

const BAR_WIDTH = 10;
const GAP = 4;
const HEIGHT = 48;

export function UsageChart({ chart, today }: { chart: UsageChartData; today: string }) {
  const width = chart.days.length * (BAR_WIDTH + GAP);
  const used = chart.days.filter((day) => day.requests > 0);
  return (
    <figure className="usage-chart" data-testid="usage-chart">
      <svg viewBox={`0 0 ${width} ${HEIGHT + 10}`} role="img" aria-labelledby="usage-chart-caption">
        {chart.days.map((day, index) => {
          const height = chart.maxTokens === 0 ? 0 : (day.tokens / chart.maxTokens) * HEIGHT;
          const x = index * (BAR_WIDTH + GAP);
          return (
            <g
              key={day.day}
              data-testid="usage-chart-day"
              data-day={day.day}
              data-tokens={day.tokens}
            >
              <title>{`${day.day}: ${formatTokens(day.tokens)} tokens, ${day.requests} requests`}</title>
              <rect className="usage-chart-slot" x={x} y={0} width={BAR_WIDTH} height={HEIGHT} />
              {day.requests > 0 && (
                <rect
                  className={`usage-chart-bar${day.day === today ? " is-today" : ""}`}
                  data-testid="usage-chart-bar"
                  data-day={day.day}
                  x={x}
                  y={HEIGHT - Math.max(height, 1)}
                  width={BAR_WIDTH}
                  height={Math.max(height, 1)}
                />
              )}
              {(index === 0 || (index + 1) % 7 === 0) && (
                <text className="usage-chart-label" x={x + BAR_WIDTH / 2} y={HEIGHT + 8}>
                  {Number(day.day.slice(8))}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption id="usage-chart-caption">
        Tokens per day this month (UTC): {formatTokens(chart.totalTokens)} tokens,{" "}
        {formatUsd(chart.totalCostUsd)} in AI cost.
      </figcaption>
      {used.length > 0 ? (
        <details className="usage-chart-table">
          <summary>Show as a table</summary>
          <table data-testid="usage-table">
            <thead>
              <tr>
                <th scope="col">Day (UTC)</th>
                <th scope="col">Requests</th>
                <th scope="col">Tokens</th>
                <th scope="col">Cost</th>
              </tr>
            </thead>
            <tbody>
              {used.map((day) => (
                <tr key={day.day} data-testid="usage-table-row" data-day={day.day}>
                  <th scope="row">{day.day}</th>
                  <td>
                    {day.requests}
                    {day.cachedRequests > 0 && ` (${day.cachedRequests} cached)`}
                  </td>
                  <td>{formatTokens(day.tokens)}</td>
                  <td>{formatUsd(day.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : (
        <p className="screen-footnote" data-testid="usage-chart-empty">
          No requests yet this month.
        </p>
      )}
    </figure>
  );
}
