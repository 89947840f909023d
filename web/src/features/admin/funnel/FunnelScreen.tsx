// Admin · Funnel & retention: for the sign-ups of a range of days, overall or for one campaign,
// how many reached each step (landing → sign-up → verified → first spark → active in week 2 →
// pro) and the conversion from the step before; weekly cohort retention; monthly churn.
import { dayKey, lastNDays, sumRollups } from "@ideaspark/domain";
import { useMemo, useState } from "react";
import { listCampaigns } from "../../../data/adminCampaigns";
import { formatTokens } from "../../../lib/format";
import { Screen } from "../../../ui/Screen";
import { loadRollupRange } from "../data/rollups";
import { useLoad } from "../data/useLoad";
import { NONE, formatPeriod, formatShare } from "../users/adminFormat";
import { funnelSteps, churnInputDays, monthlyChurnRows, weeklyRetention } from "./funnelMaths";
import { TableScroll } from "../shell/TableScroll";
import "../users/admin.css";

const RANGES = [30, 60, 90] as const;
const RETENTION_WEEKS = 8;

async function loadFunnelData(rangeDays: number) {
  const readAt = Date.now();
  const today = dayKey(readAt);
  const days = lastNDays(rangeDays, today);
  const [rollups, list] = await Promise.all([
    loadRollupRange([...new Set([...churnInputDays(days), ...days])].sort(), readAt),
    listCampaigns(),
  ]);
  return { today, days, rollups, campaigns: list.campaigns };
}

export function FunnelScreen() {
  const [rangeDays, setRangeDays] = useState<number>(90);
  const [campaignId, setCampaignId] = useState<string>("");
  const data = useLoad(`funnel:${rangeDays}`, () => loadFunnelData(rangeDays));

  const view = useMemo(() => {
    if (data.status !== "ready") return null;
    const { days, rollups, today } = data.data;
    const range = sumRollups(days.flatMap((day) => rollups.get(day) ?? []));
    return {
      steps: funnelSteps(range, campaignId === "" ? null : campaignId),
      retention: weeklyRetention(rollups, days, today, RETENTION_WEEKS),
      churn: monthlyChurnRows(rollups, days),
    };
  }, [data, campaignId]);

  return (
    <Screen
      title="Admin · Funnel & retention"
      lead="From landing to Pro, and who keeps coming back."
      testId="admin-funnel"
    >
      <div className="admin-toolbar">
        <div className="field">
          <label htmlFor="funnel-range">Sign-ups of</label>
          <select
            id="funnel-range"
            value={rangeDays}
            onChange={(event) => setRangeDays(Number(event.target.value))}
          >
            {RANGES.map((n) => (
              <option key={n} value={n}>
                the last {n} days
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="funnel-campaign">Campaign</label>
          <select
            id="funnel-campaign"
            value={campaignId}
            onChange={(event) => setCampaignId(event.target.value)}
            data-testid="funnel-campaign"
          >
            <option value="">All sign-ups</option>
            <option value="organic">Organic</option>
            <option value="unattributed">Unattributed</option>
            {data.status === "ready" &&
              data.data.campaigns.map(({ id, campaign }) => (
                <option key={id} value={id}>
                  {campaign.name}
                </option>
              ))}
          </select>
        </div>
      </div>
      {data.status === "loading" && <p className="admin-muted">Loading…</p>}
      {data.status === "error" && (
        <p className="form-alert" role="alert">
          The funnel could not be loaded: {data.error.message}
        </p>
      )}
      {view && (
        <>
          <section className="panel" aria-labelledby="funnel-title">
            <h2 id="funnel-title">Funnel</h2>
            <TableScroll label="Funnel table">
              <table className="admin-table" data-testid="funnel-table">
                <thead>
                  <tr>
                    <th scope="col">Step</th>
                    <th scope="col">People</th>
                    <th scope="col">From the step before</th>
                  </tr>
                </thead>
                <tbody>
                  {view.steps.map((step) => (
                    <tr key={step.key} data-testid={`funnel-${step.key}`}>
                      <th scope="row">{step.name}</th>
                      <td>{formatTokens(step.count)}</td>
                      <td>
                        {step.fromPrevious !== null && (
                          <span
                            className="admin-bar"
                            style={{ width: `${Math.min(1, step.fromPrevious) * 6}rem` }}
                            aria-hidden="true"
                          />
                        )}
                        {formatShare(step.fromPrevious)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <p className="admin-muted">
              Landings and sign-ups are counted on the days of the range; the later steps are what
              those sign-ups have done since.
            </p>
          </section>
          <section className="panel" aria-labelledby="retention-title">
            <h2 id="retention-title">Weekly retention</h2>
            <TableScroll label="Retention table">
              <table className="admin-table admin-retention" data-testid="retention-table">
                <thead>
                  <tr>
                    <th scope="col">Sign-up week</th>
                    <th scope="col">Sign-ups</th>
                    {Array.from({ length: RETENTION_WEEKS }, (_, k) => (
                      <th key={k} scope="col">
                        Week {k}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {view.retention.map((row) => (
                    <tr key={row.week}>
                      <th scope="row">{row.week}</th>
                      <td>{formatTokens(row.signUps)}</td>
                      {row.cells.map((cell, k) => (
                        <td
                          key={k}
                          data-share={cell ?? undefined}
                          style={
                            cell === null
                              ? undefined
                              : {
                                  background: `color-mix(in srgb, var(--accent) ${Math.round(cell * 60)}%, transparent)`,
                                }
                          }
                        >
                          {cell === null ? NONE : formatShare(cell)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <p className="admin-muted">
              Share of each week's sign-ups who made a request in week k after signing up (week 0 is
              their first 7 days); — where that week has not begun yet.
            </p>
          </section>
          <section className="panel" aria-labelledby="churn-title">
            <h2 id="churn-title">Monthly churn</h2>
            <ul className="admin-strip" data-testid="churn-list">
              {view.churn.map(({ month, churn }) => (
                <li key={month}>
                  {formatPeriod(month)}
                  <strong>{formatShare(churn)}</strong>
                  <span className="admin-muted">of last month's active users did not return</span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </Screen>
  );
}
