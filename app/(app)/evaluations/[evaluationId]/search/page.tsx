import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SearchFilter, SelectFilter } from "@/components/data-table/filter-fields";
import { FilterForm } from "@/components/data-table/filter-form";
import { hrefWith } from "@/components/data-table/href";
import { queryKey, RejectedFilters } from "@/components/data-table/list-view";
import { inReaderLanguage, type PresentContext } from "@/components/data-table/lists/format";
import { evaluationPath } from "@/lib/evaluations/paths";
import { presentContext, rejectedFields } from "@/components/data-table/lists/page";
import { Pagination } from "@/components/data-table/pagination";
import { SearchResults, type SearchResultItem } from "@/components/data-table/search-results";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import type { SearchSection, TranscriptHit } from "@/lib/search/data";
import { loadSearchPage } from "@/lib/search/loaders";
import { parseSearchState, type SearchKind } from "@/lib/search/schema";
import type { StoryListRow } from "@/lib/stories/list";
import { SEARCH_MAX_LENGTH, type SearchParams } from "@/lib/tables/url-state";

type SearchPageProps = { params: Promise<{ evaluationId: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: SearchPageProps): Promise<Metadata> {
  const { evaluationId } = await params;
  const user = await getAuthorizedUser();
  const access = await loadSearchPage(evaluationId, user, { page: 1 });
  const t = await getTranslations();
  return { title: access ? t("search.metaTitle") : t("notFound.metaTitle") };
}

function storyItems(rows: StoryListRow[], context: PresentContext): SearchResultItem[] {
  return rows.map((row) => {
    const title = inReaderLanguage(
      {
        original: row.title,
        originalLanguage: row.originalLanguage,
        translation: row.titleTranslation,
        translationLanguage: row.translationLanguage,
      },
      context.locale,
    );
    return {
      id: row.id,
      href: evaluationPath(context.evaluationId, "stories", row.id),
      title: `${row.code} · ${title.text}`,
      titleLang: title.lang,
      details: [context.t(`stage.${row.stage}`), context.t(`changeType.${row.changeType}`), ...row.states],
      headline: row.headline,
      headlineLang: row.headlineLanguage ?? undefined,
    };
  });
}

function transcriptItems(
  kind: "interviews" | "focusGroups",
  rows: TranscriptHit[],
  context: PresentContext,
  search: Awaited<ReturnType<typeof getTranslations<"search">>>,
): SearchResultItem[] {
  return rows.map((row) => {
    const date = context.format.dateTime(row.date, { dateStyle: "long", timeZone: "UTC" });
    const place = [row.municipality, row.state].filter(Boolean).join(", ");
    return {
      id: row.id,
      href: evaluationPath(context.evaluationId, kind === "interviews" ? "interviews" : "focus-groups", row.id),
      title:
        kind === "interviews" ? search("interviewOf", { date }) : search("focusGroupOf", { date, topic: row.label }),
      details: [kind === "interviews" ? context.t(`mode.${row.label as "PHONE"}`) : "", place].filter(Boolean),
      headline: row.headline,
      headlineLang: row.headlineLanguage ?? undefined,
    };
  });
}

export default async function SearchPage({ params, searchParams }: SearchPageProps) {
  const { evaluationId } = await params;
  const action = evaluationPath(evaluationId, "search");
  const user = await requireUser(action);
  const query = await searchParams;
  const parsed = parseSearchState(query);
  const [view, context, search] = await Promise.all([
    loadSearchPage(evaluationId, user, parsed.ok ? parsed.state : { page: 1 }),
    presentContext(evaluationId),
    getTranslations("search"),
  ]);
  if (!view) notFound();
  const { evaluation, results } = view;
  const { t } = context;
  const state = parsed.ok ? parsed.state : { page: 1 };

  const sections: Array<{ kind: SearchKind; section: SearchSection<StoryListRow> | SearchSection<TranscriptHit> }> = [];
  for (const kind of results.kinds) {
    const section = results[kind];
    if (section) sections.push({ kind, section });
  }
  const itemsOf = (kind: SearchKind, section: SearchSection<StoryListRow> | SearchSection<TranscriptHit>) =>
    kind === "stories"
      ? storyItems(section.rows as StoryListRow[], context)
      : transcriptItems(kind, section.rows as TranscriptHit[], context, search);

  return (
    <>
      <PageHeader
        before={<Link href={evaluationPath(evaluationId)}>{evaluation.name}</Link>}
        title={search("title")}
        description={search("description")}
      />
      <FilterForm key={queryKey(query)} id="search-form" action={action} label={search("formLabel")} defaults={{}}>
        <SearchFilter
          id="search-q"
          name="q"
          label={search("query")}
          hint={search("queryHint")}
          value={state.q}
          maxLength={SEARCH_MAX_LENGTH}
        />
        {results.kinds.length > 1 ? (
          <SelectFilter
            id="search-kind"
            name="kind"
            label={search("kind")}
            value={state.kind}
            anyLabel={search("kinds.all")}
            options={results.kinds.map((kind) => ({ value: kind, label: search(`kinds.${kind}`) }))}
          />
        ) : null}
        <div className="filters__actions">
          <button type="submit" id="search-submit" className="button button--primary">
            {search("submit")}
          </button>
        </div>
      </FilterForm>

      {!parsed.ok ? (
        <RejectedFilters
          title={t("invalid.title")}
          body={t("invalid.body", { fields: rejectedFields(parsed.rejected, context) })}
          resetHref={action}
          resetLabel={t("invalid.reset")}
        />
      ) : !state.q ? (
        <p>{search("start")}</p>
      ) : (
        <>
          <p role="status">{search("summary", { query: state.q })}</p>
          {sections.map(({ kind, section }) => (
            <SearchResults
              key={kind}
              id={`search-${kind}`}
              heading={search(`kinds.${kind}`)}
              count={search("count", { count: section.total })}
              items={itemsOf(kind, section)}
              empty={search("empty")}
              footer={
                <>
                  {section.rankWindow ? (
                    <p className="muted">{search("rankWindow", { window: section.rankWindow })}</p>
                  ) : null}
                  {!state.kind && section.total > section.rows.length ? (
                    <p>
                      <Link href={hrefWith(action, new URLSearchParams({ q: state.q! }), { kind })}>
                        {search("seeAll", { count: section.total, kind: search(`kinds.${kind}`) })}
                      </Link>
                    </p>
                  ) : null}
                  {state.kind ? (
                    <Pagination
                      label={search("pagination")}
                      page={section.page}
                      pageCount={section.pageCount}
                      hrefFor={(page) =>
                        hrefWith(action, new URLSearchParams({ q: state.q!, kind }), {
                          page: page > 1 ? String(page) : null,
                        })
                      }
                    />
                  ) : null}
                </>
              }
            />
          ))}
        </>
      )}
    </>
  );
}
