// The results of every campaign for the chosen month, with Organic, Unattributed and Overall,
// and the churn the lifetime figures assume.
import { useTable, type SortingState } from "@tanstack/react-table";
import { useState } from "react";
import { AdminTable } from "../users/AdminTable";
import { formatPeriod, formatShare } from "../users/adminFormat";
import { adminTableFeatures } from "../users/adminTable";
import type { CampaignResultsData } from "./loadCampaignResults";
import { RESULT_COLUMNS } from "./resultColumns";

export function CampaignResultsTable({ data }: { data: CampaignResultsData }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useTable({
    features: adminTableFeatures,
    columns: RESULT_COLUMNS,
    data: data.rows,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange: setSorting,
  });
  return (
    <>
      <AdminTable
        table={table}
        caption={`Campaign results, ${formatPeriod(data.period)}`}
        empty="No campaigns."
        testId="campaign-results"
        rowClass={(row) => (row.kind === "overall" ? "admin-row-total" : undefined)}
        rowTestId={(row) => `result-${row.id}`}
      />
      <p className="admin-muted">
        Sign-ups, activation and conversion follow the people who signed up in{" "}
        {formatPeriod(data.period)}; AI cost is what the provider billed that month for requests of
        each campaign's users. LTV uses the monthly churn of {formatPeriod(data.churnMonth)}:{" "}
        {data.monthlyChurn === null
          ? "unknown (no actives the month before)"
          : formatShare(data.monthlyChurn)}
        ; gross margin is 1 − AI cost / revenue.
      </p>
    </>
  );
}
