// Admin · Export (/admin/export): for a chosen month, download as CSV the users with their
// figures, the month's usage records (read 500 at a time), or the month's campaign results.
import { periodKey } from "@ideaspark/domain";
import { useState } from "react";
import { listCampaigns } from "../../../data/adminCampaigns";
import { loadAllUsers, loadPeriodQuotas, loadPeriodUsage } from "../../../data/adminUsers";
import { Screen } from "../../../ui/Screen";
import { loadCampaignResults } from "../campaigns/loadCampaignResults";
import { describeAdminError } from "../users/adminErrors";
import { MonthPicker } from "../shell/MonthPicker";
import { downloadCsv } from "./csv";
import { campaignResultsCsv, usageCsv, usersCsv } from "./exportTables";
import "../users/admin.css";

type ExportKind = "users" | "usage" | "campaigns";

const EXPORTS: readonly { kind: ExportKind; title: string; description: string }[] = [
  {
    kind: "users",
    title: "Users",
    description:
      "uid, email, plan, role, campaign, sign-up date, the month's tokens and provider cost, all-time cost, requests, last active.",
  },
  {
    kind: "usage",
    title: "Usage records",
    description: "Every request of the month: status, model, ideas, both ledgers, latency.",
  },
  {
    kind: "campaigns",
    title: "Campaign results",
    description: "The month's campaign table: spend, sign-ups, CAC, activation, AI cost, LTV:CAC.",
  },
];

async function buildCsv(
  kind: ExportKind,
  period: string,
  onProgress: (read: number) => void,
): Promise<string> {
  if (kind === "users") {
    const [users, quotas, list] = await Promise.all([
      loadAllUsers(onProgress),
      loadPeriodQuotas(period),
      listCampaigns(),
    ]);
    const names = new Map(list.campaigns.map(({ id, campaign }) => [id, campaign.name]));
    return usersCsv(users, quotas, names);
  }
  if (kind === "usage") return usageCsv(await loadPeriodUsage(period, onProgress));
  const results = await loadCampaignResults(period);
  return campaignResultsCsv(period, results.rows);
}

export function ExportScreen() {
  const [period, setPeriod] = useState(() => periodKey(Date.now()));
  const [running, setRunning] = useState<{ kind: ExportKind; read: number } | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "done"; text: string } | null>(null);

  const run = async (kind: ExportKind) => {
    setRunning({ kind, read: 0 });
    setMessage(null);
    try {
      const csv = await buildCsv(kind, period, (read) => setRunning({ kind, read }));
      const fileName = `ideaspark-${kind}-${period}.csv`;
      downloadCsv(csv, fileName);
      setMessage({ tone: "done", text: `Downloaded ${fileName}.` });
    } catch (error) {
      setMessage({ tone: "error", text: `The export failed: ${describeAdminError(error)}` });
    } finally {
      setRunning(null);
    }
  };

  return (
    <Screen
      title="Admin · Export"
      lead="Download users, usage records and campaign results as CSV."
      testId="admin-export"
    >
      <div className="admin-toolbar">
        <MonthPicker id="export-month" value={period} onChange={setPeriod} />
      </div>
      {EXPORTS.map(({ kind, title, description }) => (
        <section key={kind} className="panel" aria-labelledby={`export-${kind}-title`}>
          <h2 id={`export-${kind}-title`}>{title}</h2>
          <p className="panel-lead">{description}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={running !== null}
            onClick={() => run(kind)}
            data-testid={`export-${kind}`}
          >
            {running?.kind === kind
              ? `Preparing… ${running.read > 0 ? `${running.read} read` : ""}`
              : `Download ${title.toLowerCase()} CSV`}
          </button>
        </section>
      ))}
      {message && (
        <p
          className={message.tone === "error" ? "form-alert" : "admin-confirmation"}
          role={message.tone === "error" ? "alert" : "status"}
          data-testid="export-message"
        >
          {message.text}
        </p>
      )}
    </Screen>
  );
}
