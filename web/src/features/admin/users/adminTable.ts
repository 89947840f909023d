// The one TanStack Table feature set the admin screens share: sorting (client-side for small
// tables, or manual when Firestore sorts) and pagination. Only admin modules import it, so the
// table library stays in the lazily loaded admin chunk.
import {
  createColumnHelper,
  createSortedRowModel,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  type RowData,
} from "@tanstack/react-table";

export const adminTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, alphanumeric: sortFn_alphanumeric },
});
export type AdminTableFeatures = typeof adminTableFeatures;

export const adminColumns = <T extends RowData>() => createColumnHelper<AdminTableFeatures, T>();
