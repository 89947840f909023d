// Admin · Campaigns: the campaigns (create, edit, archive, copy their link) and, for a chosen
// month, what each brought: spend, landings, sign-ups, CAC, activation, AI cost, conversion to
// pro, ARPU, LTV:CAC and payback, next to Organic, Unattributed and Overall.
import { periodKey, type CampaignDoc } from "@ideaspark/domain";
import { useState } from "react";
import { createCampaign, saveCampaign, type StoredCampaign } from "../../../data/adminCampaigns";
import { formatUsd } from "../../../lib/format";
import { Screen } from "../../../ui/Screen";
import { useLoad } from "../data/useLoad";
import { MonthPicker } from "../shell/MonthPicker";
import { formatPeriod } from "../users/adminFormat";
import { CampaignForm } from "./CampaignForm";
import { CampaignResultsTable } from "./CampaignResultsTable";
import { CopyLinkButton } from "./CopyLinkButton";
import { loadCampaignResults } from "./loadCampaignResults";
import { TableScroll } from "../shell/TableScroll";
import "../users/admin.css";

type Editing = { kind: "new" } | { kind: "edit"; stored: StoredCampaign } | null;

const linkParams = (c: CampaignDoc) =>
  [
    c.referralCode && `ref=${c.referralCode}`,
    c.utmSource && `utm_source=${c.utmSource}`,
    c.utmMedium && `utm_medium=${c.utmMedium}`,
    c.utmCampaign && `utm_campaign=${c.utmCampaign}`,
  ]
    .filter(Boolean)
    .join(" · ");

export function CampaignsScreen() {
  const [period, setPeriod] = useState(() => periodKey(Date.now()));
  const [editing, setEditing] = useState<Editing>(null);
  const results = useLoad(`campaign-results:${period}`, () => loadCampaignResults(period));

  const save = async (campaign: CampaignDoc) => {
    if (editing?.kind === "edit") await saveCampaign(editing.stored.id, campaign);
    else await createCampaign(campaign);
    setEditing(null);
    results.reload();
  };

  return (
    <Screen
      title="Admin · Campaigns"
      lead="Marketing campaigns, their spend and what they bring in."
      testId="admin-campaigns"
      actions={
        <button
          type="button"
          className="button button-primary"
          onClick={() => setEditing({ kind: "new" })}
          data-testid="campaign-new"
        >
          New campaign
        </button>
      }
    >
      {editing && (
        <CampaignForm
          key={editing.kind === "edit" ? editing.stored.id : "new"}
          initial={editing.kind === "edit" ? editing.stored.campaign : undefined}
          defaultMonth={period}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {results.status === "error" && (
        <p className="form-alert" role="alert" data-testid="campaigns-error">
          Campaigns could not be loaded: {results.error.message}
        </p>
      )}
      {results.status === "loading" && <p className="admin-muted">Loading campaigns…</p>}
      {results.status === "ready" && (
        <>
          {results.data.malformed.length > 0 && (
            <p className="form-alert" role="alert">
              These campaign documents do not match the campaign schema and are left out:{" "}
              {results.data.malformed.join(", ")}
            </p>
          )}
          <section className="panel" aria-labelledby="campaign-list-title">
            <h2 id="campaign-list-title">Campaigns</h2>
            {results.data.campaigns.length === 0 ? (
              <p className="admin-muted">No campaigns yet. Create one to get a link to share.</p>
            ) : (
              <TableScroll label="Campaigns table">
                <table className="admin-table" data-testid="campaign-list">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Link parameters</th>
                      <th scope="col">Spend {formatPeriod(period)}</th>
                      <th scope="col">Status</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {results.data.campaigns.map((stored) => (
                      <tr key={stored.id} data-testid={`campaign-${stored.id}`}>
                        <th scope="row">{stored.campaign.name}</th>
                        <td className="mono">{linkParams(stored.campaign)}</td>
                        <td>{formatUsd(stored.campaign.spendUsdByMonth[period] ?? 0)}</td>
                        <td>{stored.campaign.archived ? "Archived" : "Active"}</td>
                        <td>
                          <CopyLinkButton id={stored.id} campaign={stored.campaign} />{" "}
                          <button
                            type="button"
                            className="button button-ghost button-small"
                            onClick={() => setEditing({ kind: "edit", stored })}
                            data-testid={`campaign-edit-${stored.id}`}
                          >
                            Edit
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
        </>
      )}
      <section
        className="panel"
        aria-labelledby="campaign-results-title"
        aria-busy={results.pending}
        data-testid="campaign-results"
      >
        <h2 id="campaign-results-title">Results</h2>
        <div className="admin-toolbar">
          <MonthPicker id="campaign-month" value={period} onChange={setPeriod} />
          <button type="button" className="button button-ghost" onClick={results.reload}>
            Refresh
          </button>
        </div>
        {results.status === "ready" && <CampaignResultsTable data={results.data} />}
      </section>
    </Screen>
  );
}
