/** The stories table's columns and cells, from the loader's rows (server side). */
import { evaluationPath } from "@/lib/evaluations/paths";
import { splitHighlight } from "@/lib/search/highlight";
import type { StoryListPage } from "@/lib/stories/list";
import { storyListSpec, type StoryFilters } from "@/lib/tables/lists";
import type { DataTableColumn, DataTableRow } from "../types";
import { day, inReaderLanguage, period, text, type PresentContext } from "./format";

type Domain = { id: string; nameEn: string; nameEs: string };

const DESC_FIRST = new Set(["updatedAt", "period"]);

export function storyColumns(context: PresentContext, filters: StoryFilters): DataTableColumn[] {
  const sortable = storyListSpec.sortable(filters);
  return storyListSpec.columns
    .filter((id) => id !== "match" || Boolean(filters.q))
    .map((id) => ({
      id,
      header: context.t(`stories.columns.${id}`),
      sortable: (sortable as readonly string[]).includes(id),
      hideable: !(storyListSpec.requiredColumns as readonly string[]).includes(id),
      descFirst: DESC_FIRST.has(id),
    }));
}

export function storyRows(page: StoryListPage, context: PresentContext, domains: Domain[]): DataTableRow[] {
  const { t, format, locale, evaluationId } = context;
  const domainNames = new Map(domains.map((domain) => [domain.id, locale === "es" ? domain.nameEs : domain.nameEn]));
  return page.rows.map((row) => {
    const title = inReaderLanguage(
      {
        original: row.title,
        originalLanguage: row.originalLanguage,
        translation: row.titleTranslation,
        translationLanguage: row.translationLanguage,
      },
      locale,
    );
    return {
      id: row.id,
      cells: {
        code: { kind: "link", href: evaluationPath(evaluationId, "stories", row.id), text: row.code },
        title: text(title.text, title.lang),
        match: row.headline
          ? { kind: "highlight", parts: splitHighlight(row.headline), lang: row.headlineLanguage ?? undefined }
          : null,
        domain: text(row.primaryDomainId ? (domainNames.get(row.primaryDomainId) ?? null) : t("stories.noDomain")),
        changeType: text(t(`changeType.${row.changeType}`)),
        stage: { kind: "stage", stage: row.stage, text: t(`stage.${row.stage}`) },
        states: { kind: "list", items: row.states },
        period: period(row.periodFrom, row.periodTo, row.periodPrecision, format),
        updatedAt: day(row.updatedAt, format),
      },
    };
  });
}
