/**
 * The stories export: the stories list's own URL schema (filters, search, sort) and SQL, every
 * row. The title is free text; the period and the last change are exact dates. The primary domain
 * is its name, or its number in the evaluation's order when raw values are asked for.
 */
import { storyRowsSql, type StoryListRow } from "@/lib/stories/list";
import { storyReadScope } from "@/lib/stories/read-scope";
import { storyListSpec, type StoryFilters } from "@/lib/tables/lists";
import type { SortState } from "@/lib/tables/url-state";
import { domainNamesOf, forEachBatch, type DomainName } from "../data";
import { choice, dated, language, type ExportTable } from "./columns";
import { listState } from "./fieldwork";

export type StoryExportRow = StoryListRow & { primaryDomain?: DomainName | null };

export const storiesExport: ExportTable<StoryExportRow, { filters: StoryFilters; sort: SortState }> = {
  permission: "story.view",
  recordType: "ChangeStory",
  action: "story.export",
  parse: (params) => listState(storyListSpec, params),
  described: (state) => ({ filters: state.filters, sort: `${state.sort.desc ? "-" : ""}${state.sort.id}` }),
  columns: () => [
    { key: "code", kind: "text", value: (row) => row.code },
    { key: "title", kind: "text", sensitivity: "freeText", value: (row) => row.title },
    { key: "title_translation", kind: "text", sensitivity: "freeText", value: (row) => row.titleTranslation },
    { key: "original_language", kind: "text", value: (row, c) => language(row.originalLanguage, c) },
    { key: "translation_language", kind: "text", value: (row, c) => language(row.translationLanguage, c) },
    {
      key: "primary_domain",
      kind: "text",
      value: (row, c) => {
        const domain = row.primaryDomain;
        if (!domain) return null;
        if (!c.labelled) return domain.position;
        return c.locale === "es" ? domain.nameEs : domain.nameEn;
      },
    },
    { key: "change_type", kind: "text", value: (row, c) => choice(row.changeType, "changeType", c) },
    { key: "stage", kind: "text", value: (row, c) => choice(row.stage, "stage", c) },
    { key: "states", kind: "text", value: (row) => row.states.join("; ") || null },
    { key: "period_from", kind: "date", sensitivity: "exactDate", value: (row, c) => dated(row.periodFrom, c) },
    { key: "period_to", kind: "date", sensitivity: "exactDate", value: (row, c) => dated(row.periodTo, c) },
    { key: "period_precision", kind: "text", value: (row, c) => (c.labelled ? c.t(`exports.precision.${row.periodPrecision}`) : row.periodPrecision) },
    { key: "updated_at", kind: "dateTime", sensitivity: "exactDate", value: (row, c) => dated(row.updatedAt, c) },
  ],
  feed: async (evaluationId, reader, state, _level, sink) => {
    // The list's own scope: a panelist's file holds the stories of their opened rounds only.
    const scope = storyReadScope(reader);
    if (!scope) return;
    const domains = await domainNamesOf(evaluationId);
    await forEachBatch<StoryExportRow>(storyRowsSql(evaluationId, state, 0, null, scope), async (rows) => {
      for (const row of rows) row.primaryDomain = row.primaryDomainId ? (domains.get(row.primaryDomainId) ?? null) : null;
      await sink(rows);
    });
  },
};
