import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SelectFilter } from "@/components/data-table/filter-fields";
import { ListView, queryKey, RejectedFilters } from "@/components/data-table/list-view";
import { evaluationPath, statusLine } from "@/components/data-table/lists/format";
import { enumOptions, formDefaults, listMetadata, pageSizeOptions, presentContext, rejectedFields } from "@/components/data-table/lists/page";
import { respondentColumns, respondentRows } from "@/components/data-table/lists/respondents";
import { NewRecordLink } from "@/components/evaluations/new-record-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getEvaluationOverview } from "@/lib/evaluations/data";
import { Gender, RespondentType } from "@/lib/generated/prisma/enums";
import { listRespondents } from "@/lib/respondents/list";
import { listReaderRoles } from "@/lib/tables/access";
import { respondentListSpec } from "@/lib/tables/lists";
import { seesExcludedRespondents } from "@/lib/tables/policy";
import { parseTableState, sortParam, type SearchParams } from "@/lib/tables/url-state";

type RespondentsPageProps = { params: Promise<{ evaluationId: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: RespondentsPageProps): Promise<Metadata> {
  const { evaluationId } = await params;
  return listMetadata(evaluationId, "respondent.view", (t) => t("respondents.metaTitle"));
}

export default async function RespondentsPage({ params, searchParams }: RespondentsPageProps) {
  const { evaluationId } = await params;
  const action = evaluationPath(evaluationId, "respondents");
  const user = await requireUser(action);
  const query = await searchParams;
  const parsed = parseTableState(respondentListSpec, query);
  const [evaluation, context, roles] = await Promise.all([
    getEvaluationOverview(evaluationId, user),
    presentContext(evaluationId),
    listReaderRoles(evaluationId, "respondent.view", user),
  ]);
  if (!evaluation || !roles) notFound();
  const { t, locale } = context;
  const header = (
    <PageHeader
      before={<Link href={evaluationPath(evaluationId)}>{evaluation.name}</Link>}
      title={t("respondents.title")}
      description={t("respondents.description")}
    >
      <NewRecordLink evaluationId={evaluationId} reader={user} permission="respondent.edit" href={evaluationPath(evaluationId, "respondents", "new")} labelKey="respondents.new.title" />
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
  const list = await listRespondents(evaluationId, user, state);
  if (!list) notFound();

  const { filters } = state;
  const columns = respondentColumns(context);
  const defaultColumns = [...respondentListSpec.defaultColumns];
  const states = evaluation.states.map((place) => place.state).sort(new Intl.Collator(locale).compare);

  return (
    <>
      {header}
      <ListView
        action={action}
        formKey={queryKey(query)}
        formLabel={t("filters.label")}
        defaults={formDefaults(defaultColumns.filter((id) => id !== "code"), respondentListSpec.defaultSort)}
        sortValue={sortParam(state.sort)}
        applyLabel={t("filters.apply")}
        clearLabel={t("filters.clear")}
        fields={
          <>
            <SelectFilter id="respondents-type" name="type" label={t("filters.type")} value={filters.type} options={enumOptions(Object.values(RespondentType), (v) => t(`respondentType.${v}`))} anyLabel={t("filters.any")} />
            <SelectFilter id="respondents-gender" name="gender" label={t("filters.gender")} value={filters.gender} options={enumOptions(Object.values(Gender), (v) => t(`gender.${v}`))} anyLabel={t("filters.any")} />
            <SelectFilter id="respondents-state" name="state" label={t("filters.state")} value={filters.state} options={states.map((name) => ({ value: name, label: name }))} anyLabel={t("filters.any")} />
            <SelectFilter id="respondents-size" name="size" label={t("filters.pageSize")} value={state.pageSize} options={pageSizeOptions(context)} />
          </>
        }
        notice={seesExcludedRespondents(roles) ? <p className="muted">{t("respondents.excludedNote")}</p> : null}
        table={{
          id: "respondents",
          caption: t("respondents.caption"),
          columns,
          defaultColumns,
          rows: respondentRows(list, context),
          sort: state.sort,
          page: list.page,
          pageCount: list.pageCount,
          pageSize: list.pageSize,
          total: list.total,
          status: statusLine(t("respondents.count", { count: list.total }), list, t(`respondents.columns.${state.sort.id as "code"}`), state.sort, t),
        }}
      />
    </>
  );
}
