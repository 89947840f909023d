// Renders a TanStack table of the admin area: header cells that sort on click (aria-sort says
// how), one row per record, an optional class per row (e.g. heavy users) and an empty message.
import type { ReactTable, RowData } from "@tanstack/react-table";
import type { AdminTableFeatures } from "./adminTable";
import { TableScroll } from "../shell/TableScroll";
import "./admin.css";

interface AdminTableProps<T extends RowData> {
  table: ReactTable<AdminTableFeatures, T>;
  caption: string;
  empty: string;
  testId?: string;
  rowClass?: (row: T) => string | undefined;
  rowTestId?: (row: T) => string | undefined;
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

export function AdminTable<T extends RowData>({
  table,
  caption,
  empty,
  testId,
  rowClass,
  rowTestId,
}: AdminTableProps<T>) {
  const rows = table.getRowModel().rows;
  const width = table.getAllLeafColumns().length;
  return (
    <TableScroll label={caption}>
      <table className="admin-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
                  >
                    {header.isPlaceholder ? null : header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="admin-sort"
                        onClick={header.column.getToggleSortingHandler()}
                        data-testid={`sort-${header.column.id}`}
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true">
                          {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={width} className="admin-table-empty">
                {empty}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr
              key={row.id}
              className={rowClass?.(row.original)}
              data-testid={rowTestId?.(row.original)}
            >
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
