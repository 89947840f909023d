// Columns of the campaign results table (sorted in the browser: a month has few campaigns).
// Each figure carries its raw value (data-value) beside the formatted text.
import { formatTokens } from "../../../lib/format";
import { formatMonths, formatRatio, formatShare, formatUsdOrNone } from "../users/adminFormat";
import { adminColumns } from "../users/adminTable";
import type { CampaignResult } from "./campaignResults";

const column = adminColumns<CampaignResult>();

function figure<V extends number | null>(format: (value: V) => string) {
  return {
    cell: ({ getValue, column: { id } }: { getValue: () => V; column: { id: string } }) => {
      const value = getValue();
      return (
        <span data-col={id} data-value={value === null ? "" : String(value)}>
          {format(value)}
        </span>
      );
    },
  };
}

const usd = figure(formatUsdOrNone);
const share = figure(formatShare);
const count = figure<number>(formatTokens);

export const RESULT_COLUMNS = column.columns([
  column.accessor("name", { header: "Campaign", sortFn: "alphanumeric" }),
  column.accessor("spendUsd", { header: "Spend", ...usd }),
  column.accessor("landings", { header: "Landings", ...count }),
  column.accessor("signUps", { header: "Sign-ups", ...count }),
  column.accessor("cacUsd", { header: "CAC", ...usd }),
  column.accessor("activationRate", { header: "Activation", ...share }),
  column.accessor("aiCostUsd", { header: "AI cost", ...usd }),
  column.accessor("aiCostPerUserUsd", { header: "AI cost / sign-up", ...usd }),
  column.accessor("proConversionRate", { header: "Free → pro", ...share }),
  column.accessor("arpuUsd", { header: "ARPU / month", ...usd }),
  column.accessor("ltvToCac", { header: "LTV:CAC", ...figure(formatRatio) }),
  column.accessor("paybackMonths", { header: "Payback", ...figure(formatMonths) }),
]);
