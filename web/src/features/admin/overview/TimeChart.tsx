// A daily line chart drawn with uPlot (canvas), with a text alternative: a caption that states
// the totals and the busiest day, and the same numbers as a table behind "Show as a table".
import { useEffect, useId, useRef, useState } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { formatDay } from "./overviewFormat";

export interface ChartSeries {
  label: string;
  values: number[];
  /** A CSS custom property holding the line colour, e.g. "--accent". */
  colorVar: string;
  /** false for figures that do not add up across days (daily active users). */
  additive?: boolean;
}

interface TimeChartProps {
  title: string;
  days: string[];
  series: ChartSeries[];
  format: (value: number) => string;
  testId: string;
}

const HEIGHT = 200;

function cssColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#4f46e5";
}

/** Seconds since the epoch at UTC midnight: uPlot's x values. */
const dayToSeconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

function chartOptions(
  plot: typeof uPlot,
  width: number,
  series: readonly ChartSeries[],
  format: (value: number) => string,
): uPlot.Options {
  const text = cssColor("--text-muted");
  const grid = cssColor("--border");
  const axis = { stroke: text, grid: { stroke: grid }, ticks: { stroke: grid } };
  return {
    width: width || 600,
    height: HEIGHT,
    // Days are UTC: label the axis in UTC whatever the browser's time zone.
    tzDate: (seconds) => plot.tzDate(new Date(seconds * 1000), "Etc/UTC"),
    scales: { x: { time: true } },
    axes: [
      axis,
      { ...axis, size: 70, values: (_chart, ticks) => ticks.map((tick) => format(tick)) },
    ],
    series: [
      {},
      ...series.map((line) => ({
        label: line.label,
        stroke: cssColor(line.colorVar),
        width: 2,
        value: (_chart: uPlot, value: number | null) => (value === null ? "" : format(value)),
      })),
    ],
  };
}

export function TimeChart({ title, days, series, format, testId }: TimeChartProps) {
  const captionId = useId();
  const target = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<"pending" | "drawn" | "failed">("pending");

  useEffect(() => {
    const element = target.current;
    if (!element) return;
    let active = true;
    let stop = () => {};
    // uPlot is loaded with the first chart, never with the rest of the app.
    import("uplot")
      .then(({ default: uPlot }) => {
        if (!active) return;
        const chart = new uPlot(
          chartOptions(uPlot, element.clientWidth, series, format),
          [days.map(dayToSeconds), ...series.map((line) => line.values)],
          element,
        );
        const resize = new ResizeObserver(() =>
          chart.setSize({ width: element.clientWidth, height: HEIGHT }),
        );
        resize.observe(element);
        stop = () => {
          resize.disconnect();
          chart.destroy();
        };
        setDrawn("drawn");
      })
      .catch((error: unknown) => {
        console.warn(`IdeaSpark could not draw the chart "${title}"`, error);
        if (active) setDrawn("failed");
      });
    return () => {
      active = false;
      stop();
    };
  }, [title, days, series, format]);

  return (
    <figure className="time-chart" data-testid={testId}>
      <div
        ref={target}
        className="time-chart-canvas"
        role={drawn === "drawn" ? "img" : undefined}
        aria-labelledby={drawn === "drawn" ? captionId : undefined}
        data-state={drawn}
      />
      <figcaption id={captionId}>{chartSummary(title, days, series, format)}</figcaption>
      {drawn === "failed" && (
        <p className="screen-footnote">The chart could not be drawn; the table has its numbers.</p>
      )}
      <details className="time-chart-table" open={drawn === "failed" || undefined}>
        <summary>Show as a table</summary>
        <table data-testid={`${testId}-table`}>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              {series.map((line) => (
                <th key={line.label} scope="col">
                  {line.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, index) => (
              <tr key={day} data-day={day}>
                <th scope="row">{day}</th>
                {series.map((line) => (
                  <td key={line.label} data-value={line.values[index] ?? 0}>
                    {format(line.values[index] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** "Requests per day, 1 Dec to 7 Dec (UTC): Requests: 120 in total, most on 3 Dec (40)." */
export function chartSummary(
  title: string,
  days: readonly string[],
  series: readonly ChartSeries[],
  format: (value: number) => string,
): string {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return `${title}: no days to show.`;
  const parts = series.map((line) => {
    const total = line.values.reduce((sum, value) => sum + value, 0);
    if (total === 0) return `${line.label}: none`;
    const peak = line.values.reduce(
      (best, value, index) => (value > (line.values[best] ?? 0) ? index : best),
      0,
    );
    const most = `most on ${formatDay(days[peak] ?? first)} (${format(line.values[peak] ?? 0)})`;
    return line.additive === false
      ? `${line.label}: ${most}`
      : `${line.label}: ${format(total)} in total, ${most}`;
  });
  return `${title}, ${formatDay(first)} to ${formatDay(last)} (UTC): ${parts.join("; ")}.`;
}
