/**
 * The page every fieldwork list (interviews, focus groups, respondents, stories) is built on,
 * server side: the list state read from the URL, the access check, the header with its "New …"
 * link, the filter form and the table with its pager. Each list declares only what is its own —
 * columns, filters, loader, messages and any notice — in its page file.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import type { z } from "zod";
import { NewRecordLink } from "@/components/evaluations/new-record-link";
import { PageHeader } from "@/components/ui/page-header";
import { mayExportIdentified } from "@/lib/exports/levels";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import { getEvaluationOverview, type EvaluationOverview } from "@/lib/evaluations/data";
import type { Permission, Role } from "@/lib/permissions";
import { listReaderRoles } from "@/lib/tables/access";
import type { ListPage } from "@/lib/tables/paging";
import { defaultSortOf, parseTableState, sortParam, type ListSpec, type SearchParams, type SortState, type TableState } from "@/lib/tables/url-state";
import { ExportControl } from "../export-control";
import { ListView, queryKey, RejectedFilters } from "../list-view";
import type { DataTableColumn, DataTableRow } from "../types";
import { evaluationPath, statusLine, type PresentContext, type TablesT } from "./format";
import { ListFilterFields, type FilterName, type FilterValues, type ListFilter } from "./list-filters";
import { formDefaults, listMetadata, presentContext, rejectedFields } from "./page";

export type ListPageProps = { params: Promise<{ evaluationId: string }>; searchParams: Promise<SearchParams> };

type FilterSchema = z.ZodType<FilterValues & Record<string, unknown>>;

/** The loaded page and what it was loaded with, for the parts around the table. */
export type ShownList<S extends FilterSchema, Page> = { page: Page; state: TableState<z.infer<S>>; defaultSort: SortState; roles: Role[]; t: TablesT };

export type FieldworkList<S extends FilterSchema, Page extends ListPage<unknown>> = {
  /** The list's route under the evaluation; also its table's element id. */
  segment: "interviews" | "focus-groups" | "respondents" | "stories";
  /** Where its messages are under `tables`: title, description, caption, count, metaTitle. */
  messages: "interviews" | "focusGroups" | "respondents" | "stories";
  spec: ListSpec<S>;
  /** Who may read the list. The page answers 404 to anyone else; the loader checks again. */
  readPermission: Permission;
  /** The "New …" link, shown to those who may create the record. */
  newRecord: { permission: Permission; labelKey: string };
  load: (evaluationId: string, reader: CurrentUser, state: TableState<z.infer<S>>) => Promise<Page | null>;
  columns: (context: PresentContext, filters: z.infer<S>) => DataTableColumn[];
  rows: (page: Page, context: PresentContext, evaluation: EvaluationOverview) => DataTableRow[];
  /** The filter fields in form order (the page size follows them on every list). */
  filters: (evaluation: EvaluationOverview, context: PresentContext) => ListFilter<keyof z.infer<S> & FilterName>[];
  /** Buttons next to "Apply filters". */
  extraActions?: (shown: ShownList<S, Page>) => ReactNode;
  /** A line between the filters and the table. */
  notice?: (shown: ShownList<S, Page>) => ReactNode;
};

/** Lets a page declare its list with the filter and row types inferred. */
export function fieldworkList<S extends FilterSchema, Page extends ListPage<unknown>>(list: FieldworkList<S, Page>): FieldworkList<S, Page> {
  return list;
}

/** The list page's `generateMetadata`. */
export function fieldworkListMetadata<S extends FilterSchema, Page extends ListPage<unknown>>(list: FieldworkList<S, Page>) {
  return async function generateMetadata({ params }: Pick<ListPageProps, "params">): Promise<Metadata> {
    const { evaluationId } = await params;
    return listMetadata(evaluationId, list.readPermission, (t) => t(`${list.messages}.metaTitle`));
  };
}

/** The list page itself, the route's default export. */
export function fieldworkListPage<S extends FilterSchema, Page extends ListPage<unknown>>(list: FieldworkList<S, Page>) {
  return async function FieldworkListPage(props: ListPageProps) {
    return renderList(list, props);
  };
}

async function renderList<S extends FilterSchema, Page extends ListPage<unknown>>(list: FieldworkList<S, Page>, { params, searchParams }: ListPageProps) {
  const { evaluationId } = await params;
  const action = evaluationPath(evaluationId, list.segment);
  const user = await requireUser(action);
  const query = await searchParams;
  const parsed = parseTableState(list.spec, query);
  // The page decides 404 itself, before any rows are asked for; a refused view must not tell an
  // outsider that the evaluation exists either.
  const [evaluation, context, roles] = await Promise.all([
    getEvaluationOverview(evaluationId, user),
    presentContext(evaluationId),
    listReaderRoles(evaluationId, list.readPermission, user),
  ]);
  if (!evaluation || !roles) notFound();
  const { t } = context;
  const header = (
    <PageHeader before={<Link href={evaluationPath(evaluationId)}>{evaluation.name}</Link>} title={t(`${list.messages}.title`)} description={t(`${list.messages}.description`)}>
      <NewRecordLink evaluationId={evaluationId} reader={user} permission={list.newRecord.permission} href={evaluationPath(evaluationId, list.segment, "new")} labelKey={list.newRecord.labelKey} />
    </PageHeader>
  );
  if (!parsed.ok) {
    return (
      <>
        {header}
        <RejectedFilters title={t("invalid.title")} body={t("invalid.body", { fields: rejectedFields(parsed.rejected, context) })} resetHref={action} resetLabel={t("invalid.reset")} />
      </>
    );
  }
  const { state } = parsed;
  const page = await list.load(evaluationId, user, state);
  if (!page) notFound();

  const columns = list.columns(context, state.filters);
  // Shown columns in display order; a column the filters leave out (the stories' match) is not one.
  const defaultColumns = columns.map((column) => column.id).filter((id) => list.spec.defaultColumns.includes(id));
  const hideable = new Set(columns.filter((column) => column.hideable).map((column) => column.id));
  const defaultSort = defaultSortOf(list.spec, state.filters);
  // Every sort but relevance is a column; the status line words relevance on its own.
  const sortLabel = columns.find((column) => column.id === state.sort.id)?.header ?? "";
  const shown: ShownList<S, Page> = { page, state, defaultSort, roles, t };

  return (
    <>
      {header}
      <ListView
        action={action}
        formKey={queryKey(query)}
        formLabel={t("filters.label")}
        defaults={formDefaults(defaultColumns.filter((id) => hideable.has(id)), defaultSort)}
        sortValue={sortParam(state.sort)}
        applyLabel={t("filters.apply")}
        clearLabel={t("filters.clear")}
        fields={<ListFilterFields tableId={list.segment} filters={list.filters(evaluation, context)} values={state.filters} pageSize={state.pageSize} context={context} />}
        extraActions={list.extraActions?.(shown) ?? null}
        notice={list.notice?.(shown) ?? null}
        table={{
          id: list.segment,
          caption: t(`${list.messages}.caption`),
          columns,
          defaultColumns,
          rows: list.rows(page, context, evaluation),
          sort: state.sort,
          page: page.page,
          pageCount: page.pageCount,
          pageSize: page.pageSize,
          total: page.total,
          status: statusLine(t(`${list.messages}.count`, { count: page.total }), page, sortLabel, state.sort, t),
        }}
      />
      {/* Only respondents carry identities; elsewhere the identified level would add nothing. */}
      <ExportControl evaluationId={evaluationId} table={list.segment} query={query} offerIdentified={list.segment === "respondents" && mayExportIdentified(roles)} />
    </>
  );
}
