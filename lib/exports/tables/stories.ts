/**
 * The stories export: the stories list's own URL schema (filters, search, sort) and SQL, every
 * row. The title is free text; the period and the last change are exact dates. The primary domain
 * is its name, or its number in the evaluation's order when raw values are asked for. As XLSX (or
 * a zip of CSV files) it is a workbook: the stories sheet, then the sheets of ./story-sheets.ts,
 * all read in one snapshot. Reviewers export approved outcomes only (`inScope`).
 */
import { can } from "@/lib/permissions";
import { storyMatchesSql, storyRowsSql, type StoryListRow } from "@/lib/stories/list";
import { ALL_STORIES, storyReadScope, type StoryReadScope } from "@/lib/stories/read-scope";
import { storyListSpec, type StoryFilters } from "@/lib/tables/lists";
import type { SortState } from "@/lib/tables/url-state";
import { domainNamesOf, inExportSnapshot, type DomainName } from "../data";
import { choice, dated, language, type ExportColumn, type ExportReader, type ExportTable } from "./columns";
import { listState } from "./fieldwork";
import { STORY_SHEETS } from "./story-sheets";

/**
 * A story as the export writes it: the list's row as read, with its primary domain's names beside
 * it. A wrapper, not a property added to the row: reshaping 100,000 rows read from the database
 * allocated more than building their CSV text did.
 */
export type StoryExportRow = { story: StoryListRow; primaryDomain: DomainName | null };

/**
 * The stories a reader may export under `filters`: for those who read the stories list, the
 * matching stories within their read scope (a panelist: their opened rounds' candidates only); for
 * reviewers (who read approved outcomes only, in their queue) the approved ones alone, so a filter
 * on another stage gives nothing (null).
 */
export function inScope(
  reader: ExportReader,
  filters: StoryFilters,
): { filters: StoryFilters; scope: StoryReadScope } | null {
  const scope = storyReadScope(reader);
  if (scope) return { filters, scope };
  if (!can(reader.roles, "review.view")) return null;
  if (filters.stage && filters.stage !== "APPROVED") return null;
  return { filters: { ...filters, stage: "APPROVED" }, scope: ALL_STORIES };
}

function withDomains(rows: StoryListRow[], domains: Map<string, DomainName>): StoryExportRow[] {
  return rows.map((story) => ({
    story,
    primaryDomain: story.primaryDomainId ? (domains.get(story.primaryDomainId) ?? null) : null,
  }));
}

const storyColumns: ExportColumn<StoryExportRow>[] = [
  { key: "code", kind: "text", value: (row) => row.story.code },
  { key: "title", kind: "text", sensitivity: "freeText", value: (row) => row.story.title },
  { key: "title_translation", kind: "text", sensitivity: "freeText", value: (row) => row.story.titleTranslation },
  { key: "original_language", kind: "text", value: (row, c) => language(row.story.originalLanguage, c) },
  { key: "translation_language", kind: "text", value: (row, c) => language(row.story.translationLanguage, c) },
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
  { key: "change_type", kind: "text", value: (row, c) => choice(row.story.changeType, "changeType", c) },
  { key: "stage", kind: "text", value: (row, c) => choice(row.story.stage, "stage", c) },
  { key: "states", kind: "text", value: (row) => row.story.states.join("; ") || null },
  { key: "period_from", kind: "date", sensitivity: "exactDate", value: (row, c) => dated(row.story.periodFrom, c) },
  { key: "period_to", kind: "date", sensitivity: "exactDate", value: (row, c) => dated(row.story.periodTo, c) },
  {
    key: "period_precision",
    kind: "text",
    value: (row, c) => (c.labelled ? c.t(`exports.precision.${row.story.periodPrecision}`) : row.story.periodPrecision),
  },
  { key: "updated_at", kind: "dateTime", sensitivity: "exactDate", value: (row, c) => dated(row.story.updatedAt, c) },
];

export const storiesExport: ExportTable<StoryExportRow, { filters: StoryFilters; sort: SortState }> = {
  permission: "story.view",
  recordType: "ChangeStory",
  action: "story.export",
  parse: (params) => listState(storyListSpec, params),
  described: (state) => ({ filters: state.filters, sort: `${state.sort.desc ? "-" : ""}${state.sort.id}` }),
  columns: () => storyColumns,
  feed: async (evaluationId, reader, state, _level, sink) => {
    const allowed = inScope(reader, state.filters);
    if (!allowed) return;
    const domains = await domainNamesOf(evaluationId);
    await inExportSnapshot((read) =>
      read<StoryListRow>(
        storyRowsSql(evaluationId, { ...state, filters: allowed.filters }, 0, null, allowed.scope),
        async (rows) => sink(withDomains(rows, domains)),
      ),
    );
  },
  scopedPermission: "review.view",
  workbook: {
    sheets: [{ key: "stories", columns: storyColumns }, ...STORY_SHEETS.map(({ key, columns }) => ({ key, columns }))],
    // One snapshot for every sheet; each sheet's own cursor over the same filter, one after another.
    feed: async (evaluationId, reader, state, level, sink) => {
      const allowed = inScope(reader, state.filters);
      if (!allowed) return;
      const { filters, scope } = allowed;
      const domains = await domainNamesOf(evaluationId);
      // The other sheets join on the same filter and scope as the stories sheet.
      const matches = storyMatchesSql(evaluationId, filters, scope);
      await inExportSnapshot(async (read) => {
        await read<StoryListRow>(storyRowsSql(evaluationId, { ...state, filters }, 0, null, scope), (rows) =>
          sink(0, withDomains(rows, domains)),
        );
        for (const [index, sheet] of STORY_SHEETS.entries()) {
          await read<unknown>(sheet.sql(evaluationId, matches), async (rows) => {
            await sheet.enrich?.(evaluationId, rows, level);
            await sink(index + 1, rows);
          });
        }
      });
    },
  },
};
