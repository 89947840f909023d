// Admin · Users: every account with plan, role, this month's and all-time tokens and AI cost,
// requests, last activity and acquisition campaign. Firestore sorts and pages (25 a page,
// Next / Previous by cursor); an email search is a prefix range. Heavy users stand out.
import { periodKey } from "@ideaspark/domain";
import { useTable, type SortingState, type Updater } from "@tanstack/react-table";
import { useMemo, useState, type FormEvent } from "react";
import { USER_SORT_FIELDS, type UserSort } from "../../../data/adminUsers";
import { Screen } from "../../../ui/Screen";
import { AdminTable } from "./AdminTable";
import { HeaviestStrip } from "./HeaviestStrip";
import { adminTableFeatures } from "./adminTable";
import { heavyRows } from "./heavyUsers";
import { USER_COLUMNS, userRows, type UserRow } from "./usersColumns";
import { PAGE_SIZE, useCampaignNames, useUsersPage } from "./useUsersPage";

const NO_ROWS: UserRow[] = [];
const isUserSort = (id: string): id is UserSort => Object.hasOwn(USER_SORT_FIELDS, id);

export function UsersScreen() {
  const [period] = useState(() => periodKey(Date.now()));
  const { usersQuery, change, page, pageIndex, next, previous } = useUsersPage(period);
  const names = useCampaignNames();
  const [search, setSearch] = useState("");

  const rows = useMemo(() => {
    if (page.status !== "ready") return NO_ROWS;
    const costs = page.data.users.map((u) => page.data.quotas.get(u.uid)?.providerCostMicros ?? 0);
    const campaignNames = names.status === "ready" ? names.data : null;
    return userRows(page.data.users, page.data.quotas, heavyRows(costs), campaignNames);
  }, [page, names]);

  const sorting: SortingState = [
    { id: usersQuery.emailPrefix ? "email" : usersQuery.sort, desc: usersQuery.descending },
  ];
  const onSortingChange = (updater: Updater<SortingState>) => {
    const [first] = typeof updater === "function" ? updater(sorting) : updater;
    if (first && isUserSort(first.id)) change({ sort: first.id, descending: first.desc });
    else change({ descending: !usersQuery.descending });
  };
  const table = useTable({
    features: adminTableFeatures,
    columns: USER_COLUMNS,
    data: rows,
    getRowId: (row) => row.uid,
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, pagination: { pageIndex, pageSize: PAGE_SIZE } },
    onSortingChange,
  });

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    change({ emailPrefix: search.trim(), sort: "email", descending: false });
  };

  return (
    <Screen
      title="Admin · Users"
      lead="Every user with their plan, role, tokens and AI cost."
      testId="admin-users"
    >
      <HeaviestStrip period={period} />
      <form className="admin-toolbar" role="search" onSubmit={submitSearch}>
        <div className="field">
          <label htmlFor="user-search">Email starts with</label>
          <input
            id="user-search"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            data-testid="user-search"
          />
        </div>
        <button type="submit" className="button button-secondary">
          Search
        </button>
        {usersQuery.emailPrefix && (
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              setSearch("");
              change({ emailPrefix: "", sort: "signedUp", descending: true });
            }}
          >
            Show everyone
          </button>
        )}
      </form>
      {usersQuery.sort !== "signedUp" && usersQuery.sort !== "email" && (
        <p className="admin-muted">Users with no requests yet are not listed in this order.</p>
      )}
      {page.status === "error" && (
        <p className="form-alert" role="alert" data-testid="users-error">
          Users could not be loaded: {page.error.message}
        </p>
      )}
      <AdminTable
        table={table}
        caption={`Users, ${period}, page ${pageIndex + 1}`}
        empty={page.status === "loading" ? "Loading users…" : "No users match."}
        testId="users-table"
        rowClass={(row) => (row.heavy ? "admin-row-heavy" : undefined)}
        rowTestId={(row) => `user-row-${row.uid}`}
      />
      <div className="admin-pager">
        <button
          type="button"
          className="button button-secondary"
          onClick={previous}
          disabled={pageIndex === 0}
          data-testid="users-previous"
        >
          Previous
        </button>
        <span className="admin-muted">Page {pageIndex + 1}</span>
        <button
          type="button"
          className="button button-secondary"
          onClick={next}
          disabled={page.status !== "ready" || !page.data.hasNext}
          data-testid="users-next"
        >
          Next
        </button>
      </div>
    </Screen>
  );
}
