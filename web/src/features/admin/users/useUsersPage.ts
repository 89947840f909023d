// The users table's server-side state: order, email prefix, and the cursor stack that makes
// Next / Previous work over Firestore (page n starts after the last user of page n − 1). Each
// page reads its 25 users, then their quota documents of the period in one query.
import type { QuotaDoc } from "@ideaspark/domain";
import { useCallback, useState } from "react";
import { listCampaigns, type StoredCampaign } from "../../../data/adminCampaigns";
import {
  listUsersPage,
  loadQuotas,
  type AdminUser,
  type UserSort,
  type UsersCursor,
} from "../../../data/adminUsers";
import { useLoad } from "../data/useLoad";

export const PAGE_SIZE = 25;

export interface UsersQuery {
  sort: UserSort;
  descending: boolean;
  emailPrefix: string;
}

export interface UsersPageData {
  users: AdminUser[];
  quotas: Map<string, QuotaDoc>;
  hasNext: boolean;
  next: UsersCursor | null;
}

export function useUsersPage(period: string) {
  const [usersQuery, setUsersQuery] = useState<UsersQuery>({
    sort: "signedUp",
    descending: true,
    emailPrefix: "",
  });
  // cursors[i] is where page i starts (null: the first page).
  const [cursors, setCursors] = useState<(UsersCursor | null)[]>([null]);
  const pageIndex = cursors.length - 1;
  const { sort, descending, emailPrefix } = usersQuery;

  const page = useLoad<UsersPageData>(
    `users:${period}:${sort}:${descending}:${emailPrefix}:${pageIndex}`,
    async () => {
      const result = await listUsersPage({
        sort,
        descending,
        emailPrefix,
        after: cursors.at(-1) ?? null,
        pageSize: PAGE_SIZE,
      });
      const quotas = await loadQuotas(
        result.users.map((u) => u.uid),
        period,
      );
      return { users: result.users, quotas, hasNext: result.next !== null, next: result.next };
    },
  );

  const change = useCallback((update: Partial<UsersQuery>) => {
    setUsersQuery((current) => ({ ...current, ...update }));
    setCursors([null]);
  }, []);
  const next = useCallback(() => {
    if (page.status === "ready" && page.data.next) {
      const cursor = page.data.next;
      setCursors((stack) => [...stack, cursor]);
    }
  }, [page]);
  const previous = useCallback(() => setCursors((stack) => stack.slice(0, -1)), []);

  return { usersQuery, change, page, pageIndex, next, previous };
}

/** Campaign names by id, for the acquisition column. */
export function useCampaignNames() {
  return useLoad("campaigns:names", async () => {
    const { campaigns } = await listCampaigns();
    return new Map(campaigns.map(({ id, campaign }: StoredCampaign) => [id, campaign.name]));
  });
}
