import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DateFilter, SearchFilter, SelectFilter } from "@/components/data-table/filter-fields";
import { ListView, queryKey, RejectedFilters } from "@/components/data-table/list-view";
import { evaluationPath, statusLine } from "@/components/data-table/lists/format";
import { enumOptions, formDefaults, listMetadata, pageSizeOptions, presentContext, rejectedFields } from "@/components/data-table/lists/page";
import { storyColumns, storyRows } from "@/components/data-table/lists/stories";
import { NewRecordLink } from "@/components/evaluations/new-record-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getEvaluationOverview } from "@/lib/evaluations/data";
import { ChangeType, StoryStage } from "@/lib/generated/prisma/enums";
import { listStories } from "@/lib/stories/list";
import { listReaderRoles } from "@/lib/tables/access";
import { storyListSpec } from "@/lib/tables/lists";
import { parseTableState, SEARCH_MAX_LENGTH, sortParam, type SearchParams } from "@/lib/tables/url-state";

type StoriesPageProps = { params: Promise<{ evaluationId: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: StoriesPageProps): Promise<Metadata> {
  const { evaluationId } = await params;
  return listMetadata(evaluationId, "story.view", (t) => t("stories.metaTitle"));
}

export default async function StoriesPage({ params, searchParams }: StoriesPageProps) {
  const { evaluationId } = await params;
  const action = evaluationPath(evaluationId, "stories");
  const user = await requireUser(action);
  const query = await searchParams;
  const parsed = parseTableState(storyListSpec, query);
  const [evaluation, context] = await Promise.all([getEvaluationOverview(evaluationId, user), presentContext(evaluationId)]);
  if (!evaluation) notFound();
  const { t, locale } = context;
  const header = (
    <PageHeader
      before={<Link href={evaluationPath(evaluationId)}>{evaluation.name}</Link>}
      title={t("stories.title")}
      description={t("stories.description")}
    >
      <NewRecordLink evaluationId={evaluationId} reader={user} permission="story.edit" href={evaluationPath(evaluationId, "stories", "new")} labelKey="stories.new.title" />
    </PageHeader>
  );

  if (!parsed.ok) {
    if (!(await listReaderRoles(evaluationId, "story.view", user))) notFound();
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
  const list = await listStories(evaluationId, user, state);
  if (!list) notFound();

  const { filters } = state;
  const columns = storyColumns(context, filters);
  const hideable = new Set(columns.filter((column) => column.hideable).map((column) => column.id));
  const defaultColumns = columns.map((column) => column.id).filter((id) => (storyListSpec.defaultColumns as readonly string[]).includes(id));
  const defaultSort = storyListSpec.defaultSort(filters);
  const sortLabel = state.sort.id === "relevance" ? t("sort.relevance") : t(`stories.columns.${state.sort.id as "code"}`);
  const domains = evaluation.domains.map((domain) => ({ value: domain.id, label: locale === "es" ? domain.nameEs : domain.nameEn }));
  const states = evaluation.states.map((place) => place.state).sort(new Intl.Collator(locale).compare);

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
        fields={
          <>
            <SearchFilter id="stories-q" name="q" label={t("filters.search")} hint={t("filters.searchHint")} value={filters.q} maxLength={SEARCH_MAX_LENGTH} />
            <SelectFilter id="stories-domain" name="domain" label={t("filters.domain")} value={filters.domain} options={domains} anyLabel={t("filters.any")} />
            <SelectFilter id="stories-stage" name="stage" label={t("filters.stage")} value={filters.stage} options={enumOptions(Object.values(StoryStage), (v) => t(`stage.${v}`))} anyLabel={t("filters.any")} />
            <SelectFilter id="stories-change-type" name="changeType" label={t("filters.changeType")} value={filters.changeType} options={enumOptions(Object.values(ChangeType), (v) => t(`changeType.${v}`))} anyLabel={t("filters.any")} />
            <SelectFilter id="stories-state" name="state" label={t("filters.state")} value={filters.state} options={states.map((name) => ({ value: name, label: name }))} anyLabel={t("filters.any")} />
            <DateFilter id="stories-updated-from" name="updatedFrom" label={t("filters.updatedFrom")} value={filters.updatedFrom} />
            <DateFilter id="stories-updated-to" name="updatedTo" label={t("filters.updatedTo")} value={filters.updatedTo} />
            <SelectFilter id="stories-size" name="size" label={t("filters.pageSize")} value={state.pageSize} options={pageSizeOptions(context)} />
          </>
        }
        extraActions={
          filters.q && state.sort.id !== "relevance" ? (
            <button type="submit" id="stories-relevance" name="sortBy" value={sortParam(defaultSort)} className="button button--secondary">
              {t("filters.relevance")}
            </button>
          ) : null
        }
        notice={list.rankWindow ? <p className="muted">{t("stories.rankWindow", { window: list.rankWindow })}</p> : null}
        table={{
          id: "stories",
          caption: t("stories.caption"),
          columns,
          defaultColumns,
          rows: storyRows(list, context, evaluation.domains),
          sort: state.sort,
          page: list.page,
          pageCount: list.pageCount,
          pageSize: list.pageSize,
          total: list.total,
          status: statusLine(t("stories.count", { count: list.total }), list, sortLabel, state.sort, t),
        }}
      />
    </>
  );
}
