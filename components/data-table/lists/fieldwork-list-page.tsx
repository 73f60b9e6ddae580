/**
 * The page every fieldwork list (interviews, focus groups, respondents, stories) is built on,
 * server side: the list state read from the URL, the header with its "New …" link, the filter form
 * and the table with its pager. What the reader may see comes from loaders: the frame around the
 * table (lib/fieldwork/list-loaders.ts) and the list's own rows. Each list declares only what is
 * its own — columns, filters, loader, messages and any notice — in its page file.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import type { z } from "zod";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import type { Reader } from "@/lib/evaluations/access";
import type { ListSetting } from "@/lib/fieldwork/data";
import { loadListFrame } from "@/lib/fieldwork/list-loaders";
import type { Permission } from "@/lib/permissions";
import type { ListPage } from "@/lib/tables/paging";
import {
  defaultSortOf,
  parseTableState,
  sortParam,
  type ListSpec,
  type SearchParams,
  type SortState,
  type TableState,
} from "@/lib/tables/url-state";
import { ExportControl } from "../export-control";
import { ProjectExportLink } from "../project-export-link";
import { ListView, queryKey, RejectedFilters } from "../list-view";
import type { DataTableColumn, DataTableRow } from "../types";
import { statusLine, type PresentContext, type TablesT } from "./format";
import { evaluationPath } from "@/lib/evaluations/paths";
import { ListFilterFields, type FilterName, type FilterValues, type ListFilter } from "./list-filters";
import { formDefaults, presentContext, rejectedFields } from "./page";
import type { MessageKey } from "@/components/ui/refusal-messages";

export type ListPageProps = { params: Promise<{ evaluationId: string }>; searchParams: Promise<SearchParams> };

type FilterSchema = z.ZodType<FilterValues & Record<string, unknown>>;

/** The loaded page and what it was loaded with, for the parts around the table. */
export type ShownList<S extends FilterSchema, Page> = {
  page: Page;
  state: TableState<z.infer<S>>;
  defaultSort: SortState;
  t: TablesT;
};

export type FieldworkList<S extends FilterSchema, Page extends ListPage<unknown>> = {
  /** The list's route under the evaluation; also its table's element id. */
  segment: "interviews" | "focus-groups" | "respondents" | "stories";
  /** Where its messages are under `tables`: title, description, caption, count, metaTitle. */
  messages: "interviews" | "focusGroups" | "respondents" | "stories";
  spec: ListSpec<S>;
  /** Who may read the list: the frame's loader answers null (404) to anyone else. */
  readPermission: Permission;
  /** The "New …" link, shown to those who may create the record. */
  newRecord: { permission: Permission; labelKey: MessageKey };
  /** The list's loader: null for a reader who may not read it. */
  load: (evaluationId: string, reader: Reader, state: TableState<z.infer<S>>) => Promise<Page | null>;
  columns: (context: PresentContext, filters: z.infer<S>) => DataTableColumn[];
  rows: (page: Page, context: PresentContext, evaluation: ListSetting) => DataTableRow[];
  /** The filter fields in form order (the page size follows them on every list). */
  filters: (evaluation: ListSetting, context: PresentContext) => ListFilter<keyof z.infer<S> & FilterName>[];
  /** Buttons next to "Apply filters". */
  extraActions?: (shown: ShownList<S, Page>) => ReactNode;
  /** A line between the filters and the table. */
  notice?: (shown: ShownList<S, Page>) => ReactNode;
};

/** Lets a page declare its list with the filter and row types inferred. */
export function fieldworkList<S extends FilterSchema, Page extends ListPage<unknown>>(
  list: FieldworkList<S, Page>,
): FieldworkList<S, Page> {
  return list;
}

/** The list page's `generateMetadata`. */
export function fieldworkListMetadata<S extends FilterSchema, Page extends ListPage<unknown>>(
  list: FieldworkList<S, Page>,
) {
  return async function generateMetadata({ params }: Pick<ListPageProps, "params">): Promise<Metadata> {
    const { evaluationId } = await params;
    const [user, t, core] = await Promise.all([
      getAuthorizedUser(),
      getTranslations("tables"),
      getTranslations("notFound"),
    ]);
    const frame = await loadListFrame(evaluationId, user, list.readPermission, list.newRecord.permission);
    return { title: frame ? t(`${list.messages}.metaTitle`) : core("metaTitle") };
  };
}

/** The list page itself, the route's default export. */
export function fieldworkListPage<S extends FilterSchema, Page extends ListPage<unknown>>(
  list: FieldworkList<S, Page>,
) {
  return async function FieldworkListPage(props: ListPageProps) {
    return renderList(list, props);
  };
}

async function renderList<S extends FilterSchema, Page extends ListPage<unknown>>(
  list: FieldworkList<S, Page>,
  { params, searchParams }: ListPageProps,
) {
  const { evaluationId } = await params;
  const action = evaluationPath(evaluationId, list.segment);
  const user = await requireUser(action);
  const query = await searchParams;
  const parsed = parseTableState(list.spec, query);
  // 404 before any rows are asked for, even when the filters are refused: a refused view must not
  // tell an outsider that the evaluation exists either.
  const [frame, context, messages] = await Promise.all([
    loadListFrame(evaluationId, user, list.readPermission, list.newRecord.permission),
    presentContext(evaluationId),
    getTranslations(),
  ]);
  if (!frame) notFound();
  const { evaluation } = frame;
  const { t } = context;
  const header = (
    <PageHeader
      before={<Link href={evaluationPath(evaluationId)}>{evaluation.name}</Link>}
      title={t(`${list.messages}.title`)}
      description={t(`${list.messages}.description`)}
    >
      {frame.canCreate ? (
        <p>
          <Link href={evaluationPath(evaluationId, list.segment, "new")} className="button button--primary">
            {messages(list.newRecord.labelKey)}
          </Link>
        </p>
      ) : null}
    </PageHeader>
  );
  if (!parsed.ok) {
    return (
      <>
        {header}
        <RejectedFilters
          title={t("invalid.title")}
          body={t("invalid.body", { fields: rejectedFields(parsed.rejected, context) })}
          resetHref={action}
          resetLabel={t("invalid.reset")}
        />
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
  const shown: ShownList<S, Page> = { page, state, defaultSort, t };

  return (
    <>
      {header}
      <ListView
        action={action}
        formKey={queryKey(query)}
        formLabel={t("filters.label")}
        defaults={formDefaults(
          defaultColumns.filter((id) => hideable.has(id)),
          defaultSort,
        )}
        sortValue={sortParam(state.sort)}
        applyLabel={t("filters.apply")}
        clearLabel={t("filters.clear")}
        fields={
          <ListFilterFields
            tableId={list.segment}
            filters={list.filters(evaluation, context)}
            values={state.filters}
            pageSize={state.pageSize}
            context={context}
          />
        }
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
      {/* Respondents and stories (their storytellers) carry identities; elsewhere the identified level would add nothing. */}
      <ExportControl
        evaluationId={evaluationId}
        table={list.segment}
        query={query}
        offerIdentified={(list.segment === "respondents" || list.segment === "stories") && frame.canExportIdentified}
      />
      {/* The transcripts' lists also offer them, coded, for NVivo, ATLAS.ti and MAXQDA. */}
      {list.segment === "interviews" || list.segment === "focus-groups" ? (
        <ProjectExportLink evaluationId={evaluationId} />
      ) : null}
    </>
  );
}
