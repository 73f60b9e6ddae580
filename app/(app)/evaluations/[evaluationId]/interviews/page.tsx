import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DateFilter, SelectFilter } from "@/components/data-table/filter-fields";
import { ListView, queryKey, RejectedFilters } from "@/components/data-table/list-view";
import { interviewColumns, interviewRows } from "@/components/data-table/lists/fieldwork";
import { evaluationPath, statusLine } from "@/components/data-table/lists/format";
import { enumOptions, formDefaults, listMetadata, pageSizeOptions, presentContext, rejectedFields } from "@/components/data-table/lists/page";
import { NewRecordLink } from "@/components/evaluations/new-record-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getEvaluationOverview } from "@/lib/evaluations/data";
import { InterviewMode } from "@/lib/generated/prisma/enums";
import { listInterviews } from "@/lib/interviews/list";
import { listReaderRoles } from "@/lib/tables/access";
import { interviewListSpec } from "@/lib/tables/lists";
import { parseTableState, sortParam, type SearchParams } from "@/lib/tables/url-state";

type InterviewsPageProps = { params: Promise<{ evaluationId: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: InterviewsPageProps): Promise<Metadata> {
  const { evaluationId } = await params;
  return listMetadata(evaluationId, "interview.view", (t) => t("interviews.metaTitle"));
}

export default async function InterviewsPage({ params, searchParams }: InterviewsPageProps) {
  const { evaluationId } = await params;
  const action = evaluationPath(evaluationId, "interviews");
  const user = await requireUser(action);
  const query = await searchParams;
  const parsed = parseTableState(interviewListSpec, query);
  const [evaluation, context] = await Promise.all([getEvaluationOverview(evaluationId, user), presentContext(evaluationId)]);
  if (!evaluation) notFound();
  const { t, locale } = context;
  const header = (
    <PageHeader
      before={<Link href={evaluationPath(evaluationId)}>{evaluation.name}</Link>}
      title={t("interviews.title")}
      description={t("interviews.description")}
    >
      <NewRecordLink evaluationId={evaluationId} reader={user} permission="interview.edit" href={evaluationPath(evaluationId, "interviews", "new")} labelKey="fieldwork.interviews.newTitle" />
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
  const list = await listInterviews(evaluationId, user, state);
  if (!list) notFound();

  const { filters } = state;
  const defaultColumns = [...interviewListSpec.defaultColumns];
  const states = evaluation.states.map((place) => place.state).sort(new Intl.Collator(locale).compare);

  return (
    <>
      {header}
      <ListView
        action={action}
        formKey={queryKey(query)}
        formLabel={t("filters.label")}
        defaults={formDefaults(defaultColumns.filter((id) => id !== "date"), interviewListSpec.defaultSort)}
        sortValue={sortParam(state.sort)}
        applyLabel={t("filters.apply")}
        clearLabel={t("filters.clear")}
        fields={
          <>
            <SelectFilter id="interviews-mode" name="mode" label={t("filters.mode")} value={filters.mode} options={enumOptions(Object.values(InterviewMode), (v) => t(`mode.${v}`))} anyLabel={t("filters.any")} />
            <SelectFilter id="interviews-state" name="state" label={t("filters.state")} value={filters.state} options={states.map((name) => ({ value: name, label: name }))} anyLabel={t("filters.any")} />
            <DateFilter id="interviews-from" name="from" label={t("filters.from")} value={filters.from} />
            <DateFilter id="interviews-to" name="to" label={t("filters.to")} value={filters.to} />
            <SelectFilter id="interviews-size" name="size" label={t("filters.pageSize")} value={state.pageSize} options={pageSizeOptions(context)} />
          </>
        }
        table={{
          id: "interviews",
          caption: t("interviews.caption"),
          columns: interviewColumns(context),
          defaultColumns,
          rows: interviewRows(list.rows, context),
          sort: state.sort,
          page: list.page,
          pageCount: list.pageCount,
          pageSize: list.pageSize,
          total: list.total,
          status: statusLine(t("interviews.count", { count: list.total }), list, t(`interviews.columns.${state.sort.id as "date"}`), state.sort, t),
        }}
      />
    </>
  );
}
