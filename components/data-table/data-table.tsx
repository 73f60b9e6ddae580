"use client";

/**
 * The one table of the app: TanStack Table in manual mode (the server has already filtered, sorted
 * and paged the rows; the URL holds that state). Without JavaScript it is a plain table whose
 * header buttons and column checkboxes submit the page's GET filter form, and whose pages are
 * links. With JavaScript, sorting and paging navigate in place, and choosing columns applies at
 * once and is written to the URL.
 */
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import {
  columnVisibilityFeature,
  createColumnHelper,
  functionalUpdate,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnVisibilityState,
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { parseColumns } from "@/lib/tables/columns";
import { Cell } from "./cell";
import styles from "./data-table.module.css";
import { hrefWith } from "./href";
import { Pagination } from "./pagination";
import type { CellValue, DataTableColumn, DataTableRow, DataTableSort } from "./types";

const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature, rowPaginationFeature });
const helper = createColumnHelper<typeof features, DataTableRow>();

export type DataTableProps = {
  /** Prefix of element ids; unique on the page. */
  id: string;
  caption: string;
  columns: DataTableColumn[];
  /** Columns shown when the URL chooses none. */
  defaultColumns: string[];
  rows: DataTableRow[];
  sort: DataTableSort;
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  /** The result count and order, read out politely after every change. */
  status: string;
  /** The GET form holding the filters: header buttons and column checkboxes submit it without JavaScript. */
  formId: string;
};

function sortParam(sort: DataTableSort): string {
  return `${sort.desc ? "-" : ""}${sort.id}`;
}

export function DataTable(props: DataTableProps) {
  const t = useTranslations("tables");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);

  const choice = useMemo(
    () => ({
      columns: props.columns.map((column) => column.id),
      defaultColumns: props.defaultColumns,
      requiredColumns: props.columns.filter((column) => !column.hideable).map((column) => column.id),
    }),
    [props.columns, props.defaultColumns],
  );
  const visible = parseColumns(searchParams.getAll("cols"), choice);
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(
    choice.columns.map((id) => [id, visible.includes(id)]),
  );
  // A sort that is not a column (relevance while searching) leaves every header unsorted.
  const sorting: SortingState = choice.columns.includes(props.sort.id)
    ? [{ id: props.sort.id, desc: props.sort.desc }]
    : [];
  const pagination: PaginationState = { pageIndex: props.page - 1, pageSize: props.pageSize };

  const columns = useMemo(
    () =>
      helper.columns(
        props.columns.map((column) =>
          helper.accessor((row): CellValue => row.cells[column.id] ?? null, {
            id: column.id,
            header: column.header,
            enableSorting: column.sortable,
            enableHiding: column.hideable,
            sortDescFirst: column.descFirst ?? false,
          }),
        ),
      ),
    [props.columns],
  );

  const navigate = (changes: Record<string, string | null>) =>
    startTransition(() =>
      router.push(hrefWith(pathname, searchParams, { ...changes, sortBy: null }), { scroll: false }),
    );

  const table = useTable({
    features,
    columns,
    data: props.rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    rowCount: props.total,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility, pagination },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = functionalUpdate(updater, sorting)[0];
      if (next) navigate({ sort: sortParam(next), page: null });
    },
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      const next = functionalUpdate(updater, columnVisibility);
      const chosen = choice.columns.filter((id) => next[id] !== false);
      const isDefault = chosen.join() === parseColumns([], choice).join();
      // No server round trip: the rows already carry every column. The URL keeps the choice.
      window.history.replaceState(null, "", hrefWith(pathname, searchParams, { cols: isDefault ? null : chosen }));
    },
  });

  const captionId = `${props.id}-caption`;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const visibleCount = headers.length;
  const shownColumns = headers.map((header) => header.column.id);

  return (
    <div className={styles.wrapper}>
      <div className={styles.toolbar}>
        <p role="status" className={styles.status}>
          {props.status}
        </p>
        <details className={styles.columns}>
          <summary>{t("columns.choose")}</summary>
          <fieldset className={styles.columnList}>
            <legend>{t("columns.legend")}</legend>
            {table.getAllLeafColumns().map((column) => {
              const inputId = `${props.id}-col-${column.id}`;
              return (
                <div key={column.id} className={styles.columnChoice}>
                  <input
                    id={inputId}
                    type="checkbox"
                    form={props.formId}
                    name="cols"
                    value={column.id}
                    checked={column.getIsVisible()}
                    disabled={!column.getCanHide()}
                    onChange={column.getToggleVisibilityHandler()}
                  />
                  <label htmlFor={inputId}>{String(column.columnDef.header)}</label>
                </div>
              );
            })}
          </fieldset>
          {enhanced ? null : (
            <button type="submit" form={props.formId} className="button button--secondary">
              {t("columns.apply")}
            </button>
          )}
        </details>
      </div>

      <div
        className="table-scroll"
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
        aria-busy={pending || undefined}
      >
        <table className={`table ${styles.table}`}>
          <caption id={captionId}>{props.caption}</caption>
          <thead>
            <tr>
              {headers.map((header) => {
                const { column } = header;
                const sorted = column.getIsSorted();
                const label = String(column.columnDef.header);
                const next = column.getNextSortingOrder();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {column.getCanSort() ? (
                      <button
                        type="submit"
                        form={props.formId}
                        name="sortBy"
                        value={sortParam({ id: column.id, desc: next === "desc" })}
                        className={styles.sortButton}
                        onClick={(event) => {
                          event.preventDefault();
                          column.getToggleSortingHandler()?.(event);
                        }}
                      >
                        {label}
                        <span aria-hidden="true" className={styles.sortIcon}>
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {props.rows.length === 0 ? (
              <tr>
                <td colSpan={visibleCount}>{props.status}</td>
              </tr>
            ) : (
              // The rows as the server sorted and paged them, read straight from the props: TanStack's
              // row model would build a row object and a memoised cell object for every cell, the
              // largest share of a list page's own rendering, to give back these same values.
              props.rows.map((row) => (
                <tr key={row.id}>
                  {shownColumns.map((columnId) => (
                    <td key={columnId}>
                      <Cell value={row.cells[columnId] ?? null} none={t("none")} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <Pagination
        label={t("pagination.label")}
        page={props.page}
        pageCount={table.getPageCount()}
        hrefFor={(page) => hrefWith(pathname, searchParams, { page: page > 1 ? String(page) : null, sortBy: null })}
      />
    </div>
  );
}
