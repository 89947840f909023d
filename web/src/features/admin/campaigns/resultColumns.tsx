// Columns of the campaign results table (sorted in the browser: a month has few campaigns).
import { formatTokens } from "../../../lib/format";
import { formatMonths, formatRatio, formatShare, formatUsdOrNone } from "../users/adminFormat";
import { adminColumns } from "../users/adminTable";
import type { CampaignResult } from "./campaignResults";

const column = adminColumns<CampaignResult>();
const usd = {
  cell: ({ getValue }: { getValue: () => number | null }) => formatUsdOrNone(getValue()),
};
const pct = { cell: ({ getValue }: { getValue: () => number | null }) => formatShare(getValue()) };
const count = { cell: ({ getValue }: { getValue: () => number }) => formatTokens(getValue()) };

export const RESULT_COLUMNS = column.columns([
  column.accessor("name", { header: "Campaign", sortFn: "alphanumeric" }),
  column.accessor("spendUsd", { header: "Spend", ...usd }),
  column.accessor("landings", { header: "Landings", ...count }),
  column.accessor("signUps", { header: "Sign-ups", ...count }),
  column.accessor("cacUsd", { header: "CAC", ...usd }),
  column.accessor("activationRate", { header: "Activation", ...pct }),
  column.accessor("aiCostUsd", { header: "AI cost", ...usd }),
  column.accessor("aiCostPerUserUsd", { header: "AI cost / sign-up", ...usd }),
  column.accessor("proConversionRate", { header: "Free → pro", ...pct }),
  column.accessor("arpuUsd", { header: "ARPU / month", ...usd }),
  column.accessor("ltvToCac", {
    header: "LTV:CAC",
    cell: ({ getValue }) => formatRatio(getValue()),
  }),
  column.accessor("paybackMonths", {
    header: "Payback",
    cell: ({ getValue }) => formatMonths(getValue()),
  }),
]);
