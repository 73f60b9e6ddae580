import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DateFilter, SelectFilter } from "@/components/data-table/filter-fields";
import { ListView, queryKey, RejectedFilters } from "@/components/data-table/list-view";
import { focusGroupColumns, focusGroupRows } from "@/components/data-table/lists/fieldwork";
import { evaluationPath, statusLine } from "@/components/data-table/lists/format";
import { formDefaults, listMetadata, pageSizeOptions, presentContext, rejectedFields } from "@/components/data-table/lists/page";
import { NewRecordLink } from "@/components/evaluations/new-record-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getEvaluationOverview } from "@/lib/evaluations/data";
import { listFocusGroups } from "@/lib/focus-groups/list";
import { listReaderRoles } from "@/lib/tables/access";
import { focusGroupListSpec } from "@/lib/tables/lists";
import { parseTableState, sortParam, type SearchParams } from "@/lib/tables/url-state";

type FocusGroupsPageProps = { params: Promise<{ evaluationId: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: FocusGroupsPageProps): Promise<Metadata> {
  const { evaluationId } = await params;
  return listMetadata(evaluationId, "interview.view", (t) => t("focusGroups.metaTitle"));
}

export default async function FocusGroupsPage({ params, searchParams }: FocusGroupsPageProps) {
  const { evaluationId } = await params;
  const action = evaluationPath(evaluationId, "focus-groups");
  const user = await requireUser(action);
  const query = await searchParams;
  const parsed = parseTableState(focusGroupListSpec, query);
  const [evaluation, context] = await Promise.all([getEvaluationOverview(evaluationId, user), presentContext(evaluationId)]);
  if (!evaluation) notFound();
  const { t, locale } = context;
  const header = (
    <PageHeader
      before={<Link href={evaluationPath(evaluationId)}>{evaluation.name}</Link>}
      title={t("focusGroups.title")}
      description={t("focusGroups.description")}
    >
      <NewRecordLink evaluationId={evaluationId} reader={user} permission="interview.edit" href={evaluationPath(evaluationId, "focus-groups", "new")} labelKey="fieldwork.focusGroups.newTitle" />
    </PageHeader>
  );
  if (!parsed.ok) {
    if (!(await listReaderRoles(evaluationId, "interview.view", user))) notFound();
    return (
      <>
        {header}
        <RejectedFilters title={t("invalid.title")} body={t("invalid.body", { fields: rejectedFields(parsed.rejected, context) })} resetHref={action} resetLabel={t("invalid.reset")} />
      </>
    );
  }
  const { state } = parsed;
  const list = await listFocusGroups(evaluationId, user, state);
  if (!list) notFound();

  const { filters } = state;
  const defaultColumns = [...focusGroupListSpec.defaultColumns];
  const states = evaluation.states.map((place) => place.state).sort(new Intl.Collator(locale).compare);

  return (
    <>
      {header}
      <ListView
        action={action}
        formKey={queryKey(query)}
        formLabel={t("filters.label")}
        defaults={formDefaults(defaultColumns.filter((id) => id !== "date"), focusGroupListSpec.defaultSort)}
        sortValue={sortParam(state.sort)}
        applyLabel={t("filters.apply")}
        clearLabel={t("filters.clear")}
        fields={
          <>
            <SelectFilter id="focus-groups-state" name="state" label={t("filters.state")} value={filters.state} options={states.map((name) => ({ value: name, label: name }))} anyLabel={t("filters.any")} />
            <DateFilter id="focus-groups-from" name="from" label={t("filters.from")} value={filters.from} />
            <DateFilter id="focus-groups-to" name="to" label={t("filters.to")} value={filters.to} />
            <SelectFilter id="focus-groups-size" name="size" label={t("filters.pageSize")} value={state.pageSize} options={pageSizeOptions(context)} />
          </>
        }
        table={{
          id: "focus-groups",
          caption: t("focusGroups.caption"),
          columns: focusGroupColumns(context),
          defaultColumns,
          rows: focusGroupRows(list.rows, context),
          sort: state.sort,
          page: list.page,
          pageCount: list.pageCount,
          pageSize: list.pageSize,
          total: list.total,
          status: statusLine(t("focusGroups.count", { count: list.total }), list, t(`focusGroups.columns.${state.sort.id as "date"}`), state.sort, t),
        }}
      />
    </>
  );
}
