// Columns of the admin users table. Sortable columns are the orders Firestore can serve
// (their ids are the UserSort keys); period figures come from the page's quota documents.
import type { QuotaDoc } from "@ideaspark/domain";
import { Link } from "react-router";
import type { AdminUser } from "../../../data/adminUsers";
import { formatDate, formatTokens } from "../../../lib/format";
import { NONE, acquisitionName, formatMicros } from "./adminFormat";
import { adminColumns } from "./adminTable";

export interface UserRow extends AdminUser {
  quota: QuotaDoc | null;
  heavy: boolean;
  campaignName: string;
}

const column = adminColumns<UserRow>();

export function userRows(
  users: readonly AdminUser[],
  quotas: ReadonlyMap<string, QuotaDoc>,
  heavy: ReadonlySet<number>,
  campaignNames: ReadonlyMap<string, string> | null,
): UserRow[] {
  return users.map((user, i) => ({
    ...user,
    quota: quotas.get(user.uid) ?? null,
    heavy: heavy.has(i),
    campaignName: acquisitionName(user.user.growth.campaignId, campaignNames),
  }));
}

export const USER_COLUMNS = column.columns([
  column.accessor((row) => row.user.email, {
    id: "email",
    header: "Email",
    cell: ({ row }) => (
      <>
        <Link to={`/admin/users/${encodeURIComponent(row.original.uid)}`}>
          {row.original.user.email}
        </Link>
        {row.original.heavy && (
          <span
            className="admin-heavy-chip"
            data-testid="heavy-marker"
            title="Far above the median cost of this page"
          >
            Heavy
          </span>
        )}
      </>
    ),
  }),
  column.accessor((row) => row.user.plan, { id: "plan", header: "Plan", enableSorting: false }),
  column.accessor((row) => row.user.role, { id: "role", header: "Role", enableSorting: false }),
  column.accessor((row) => row.user.createdAt, {
    id: "signedUp",
    header: "Signed up",
    cell: ({ getValue }) => formatDate(getValue()),
  }),
  column.accessor((row) => row.quota?.used ?? 0, {
    id: "periodTokens",
    header: "Tokens (month)",
    enableSorting: false,
    cell: ({ getValue }) => formatTokens(getValue()),
  }),
  column.accessor((row) => row.quota?.providerCostMicros ?? 0, {
    id: "periodCost",
    header: "AI cost (month)",
    enableSorting: false,
    cell: ({ getValue }) => formatMicros(getValue()),
  }),
  column.accessor((row) => row.user.growth.chargedTokens, {
    id: "allTimeTokens",
    header: "Tokens (all time)",
    enableSorting: false,
    cell: ({ getValue }) => formatTokens(getValue()),
  }),
  column.accessor((row) => row.user.growth.providerCostMicros, {
    id: "allTimeCost",
    header: "AI cost (all time)",
    cell: ({ getValue }) => formatMicros(getValue()),
  }),
  column.accessor((row) => row.user.growth.requests, {
    id: "requests",
    header: "Requests",
    cell: ({ getValue }) => formatTokens(getValue()),
  }),
  column.accessor((row) => row.user.growth.lastActiveAt, {
    id: "lastActive",
    header: "Last active",
    cell: ({ getValue }) => {
      const at = getValue();
      return at === null ? NONE : formatDate(at, { dateStyle: "medium", timeStyle: "short" });
    },
  }),
  column.accessor((row) => row.campaignName, {
    id: "campaign",
    header: "Campaign",
    enableSorting: false,
  }),
]);
