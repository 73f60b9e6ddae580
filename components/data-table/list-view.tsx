/**
 * A fieldwork list page below its header: the GET filter form, an optional notice, and the table.
 * Server component; the form and the table are the client parts.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, type DataTableProps } from "./data-table";
import { FilterForm } from "./filter-form";

type ListViewProps = {
  action: string;
  /** The current query without `page`: the form is re-created when it changes. */
  formKey: string;
  formLabel: string;
  defaults: Record<string, string[]>;
  /** The current sort, sent again with the filters so that applying them keeps the order. */
  sortValue: string;
  fields: ReactNode;
  applyLabel: string;
  clearLabel: string;
  extraActions?: ReactNode;
  notice?: ReactNode;
  table: Omit<DataTableProps, "formId">;
};

export function ListView({
  action,
  formKey,
  formLabel,
  defaults,
  sortValue,
  fields,
  applyLabel,
  clearLabel,
  extraActions,
  notice,
  table,
}: ListViewProps) {
  const formId = `${table.id}-filters`;
  return (
    <>
      <FilterForm key={formKey} id={formId} action={action} label={formLabel} defaults={defaults}>
        <input type="hidden" name="sort" value={sortValue} readOnly />
        {fields}
        <div className="filters__actions">
          <button type="submit" id={`${formId}-apply`} className="button button--primary">
            {applyLabel}
          </button>
          {extraActions}
          <Link href={action}>{clearLabel}</Link>
        </div>
      </FilterForm>
      {notice}
      <DataTable {...table} formId={formId} />
    </>
  );
}

/** Shown instead of the table when the URL holds a filter that does not parse. */
export function RejectedFilters({
  title,
  body,
  resetHref,
  resetLabel,
}: {
  title: string;
  body: string;
  resetHref: string;
  resetLabel: string;
}) {
  return (
    <div className="form-error" role="alert">
      <p>{title}</p>
      <p>{body}</p>
      <Link href={resetHref}>{resetLabel}</Link>
    </div>
  );
}

/** The query string without `page` (and without empty values), as a React key. */
export function queryKey(params: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === "page" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (item !== "") query.append(key, item);
  }
  return query.toString();
}
