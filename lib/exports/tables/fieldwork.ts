/**
 * The respondents, interviews and focus-groups exports: each list's own URL schema, SQL and read
 * rule, every row, with the columns the page shows (split into plain fields) and, for respondents
 * at the identified level only, their identities.
 */
import { focusGroupRowsSql, type FocusGroupListRow } from "@/lib/focus-groups/list";
import { interviewRowsSql, type InterviewListRow } from "@/lib/interviews/list";
import { openIdentitiesForExport } from "@/lib/respondents/identity-export";
import { respondentRowsSql, type RespondentListRow } from "@/lib/respondents/list";
import type { IdentityValues } from "@/lib/respondents/sealing";
import { focusGroupListSpec, interviewListSpec, respondentListSpec } from "@/lib/tables/lists";
import { seesExcludedRespondents } from "@/lib/tables/policy";
import { parseTableState, type ListSpec, type SearchParams, type SortState } from "@/lib/tables/url-state";
import type { z } from "zod";
import { forEachBatch } from "../data";
import { choice, dated, language, type ExportColumn, type ExportTable } from "./columns";

type ListState<F> = { filters: F; sort: SortState };

/** The list's filters and sort as its page reads them; null when the page would refuse the URL. */
export function listState<S extends z.ZodType<Record<string, unknown>>>(
  spec: ListSpec<S>,
  params: SearchParams,
): ListState<z.infer<S>> | null {
  const parsed = parseTableState(spec, params);
  return parsed.ok ? { filters: parsed.state.filters, sort: parsed.state.sort } : null;
}

const described = (state: ListState<Record<string, unknown>>) => ({
  filters: state.filters,
  sort: `${state.sort.desc ? "-" : ""}${state.sort.id}`,
});

export type RespondentExportRow = RespondentListRow & { identity?: IdentityValues | null };

const identityColumn = (key: keyof IdentityValues): ExportColumn<RespondentExportRow> => ({
  key,
  kind: "text",
  sensitivity: "identity",
  value: (row) => row.identity?.[key] ?? null,
});

const respondentColumns: ExportColumn<RespondentExportRow>[] = [
  { key: "code", kind: "text", value: (row) => row.code },
  identityColumn("name"),
  identityColumn("phone"),
  identityColumn("email"),
  identityColumn("community"),
  { key: "type", kind: "text", value: (row, c) => choice(row.type, "respondentType", c) },
  { key: "gender", kind: "text", value: (row, c) => choice(row.gender, "gender", c) },
  { key: "state", kind: "text", value: (row) => row.state },
  { key: "sector", kind: "text", value: (row, c) => (c.labelled && c.locale === "es" ? row.sectorEs : row.sectorEn) },
  { key: "language", kind: "text", value: (row, c) => language(row.language, c) },
  // Each evaluation names its own groups: the name in the reader's language, or the forms' choice
  // code when raw (the English name for groups added in the app, which have none).
  {
    key: "at_risk_groups",
    kind: "text",
    value: (row, c) =>
      row.atRiskGroups
        .map((group) => (c.labelled ? (c.locale === "es" ? group.nameEs : group.nameEn) : (group.code ?? group.nameEn)))
        .join("; ") || null,
  },
  { key: "consent_given_on", kind: "date", sensitivity: "exactDate", value: (row, c) => dated(row.consentGivenOn, c) },
  {
    key: "consent_withdrawn_on",
    kind: "date",
    sensitivity: "exactDate",
    value: (row, c) => dated(row.consentWithdrawnOn, c),
  },
  { key: "withdrawal_choice", kind: "text", value: (row, c) => choice(row.withdrawalChoice, "withdrawalChoice", c) },
  {
    key: "excluded",
    kind: "text",
    value: (row, c) => (c.labelled ? (row.excluded ? c.t("tables.respondents.excluded") : null) : String(row.excluded)),
  },
  { key: "updated_at", kind: "dateTime", sensitivity: "exactDate", value: (row, c) => dated(row.updatedAt, c) },
];

export const respondentsExport: ExportTable<
  RespondentExportRow,
  ListState<z.infer<typeof respondentListSpec.filters>>
> = {
  permission: "respondent.view",
  recordType: "Respondent",
  action: "respondent.export",
  parse: (params) => listState(respondentListSpec, params),
  described,
  // The excluded marker exists only for those who see excluded respondents, as on the page.
  columns: (roles) => respondentColumns.filter((column) => column.key !== "excluded" || seesExcludedRespondents(roles)),
  feed: (evaluationId, { roles }, state, level, sink) =>
    forEachBatch<RespondentExportRow>(respondentRowsSql(evaluationId, roles, state, 0, null), async (rows) => {
      if (level === "identified") {
        const identities = await openIdentitiesForExport(
          evaluationId,
          rows.map((row) => row.id),
        );
        for (const row of rows) row.identity = identities.get(row.id) ?? null;
      }
      await sink(rows);
    }),
};

const names = (values: readonly string[]) => values.join("; ") || null;

const sharedPlaceColumns = <
  Row extends { state: string | null; municipality: string | null; language: string },
>(): ExportColumn<Row>[] => [
  { key: "state", kind: "text", value: (row) => row.state },
  { key: "municipality", kind: "text", value: (row) => row.municipality },
  { key: "language", kind: "text", value: (row, c) => language(row.language, c) },
];

export const interviewsExport: ExportTable<InterviewListRow, ListState<z.infer<typeof interviewListSpec.filters>>> = {
  permission: "interview.view",
  recordType: "Interview",
  action: "interview.export",
  parse: (params) => listState(interviewListSpec, params),
  described,
  columns: () => [
    { key: "date", kind: "date", sensitivity: "exactDate", value: (row, c) => dated(row.date, c) },
    { key: "mode", kind: "text", value: (row, c) => choice(row.mode, "mode", c) },
    ...sharedPlaceColumns<InterviewListRow>(),
    { key: "duration_minutes", kind: "number", value: (row) => row.durationMinutes },
    { key: "respondent_count", kind: "number", value: (row) => row.respondentCount },
    { key: "interviewers", kind: "text", value: (row) => names(row.interviewers) },
    { key: "projects", kind: "text", value: (row) => names(row.projects) },
    { key: "transcript_language", kind: "text", value: (row, c) => language(row.transcriptLanguage, c) },
    { key: "translation_language", kind: "text", value: (row, c) => language(row.translationLanguage, c) },
  ],
  feed: (evaluationId, _reader, state, _level, sink) =>
    forEachBatch(interviewRowsSql(evaluationId, state, 0, null), sink),
};

export const focusGroupsExport: ExportTable<
  FocusGroupListRow,
  ListState<z.infer<typeof focusGroupListSpec.filters>>
> = {
  permission: "interview.view",
  recordType: "FocusGroup",
  action: "focus_group.export",
  parse: (params) => listState(focusGroupListSpec, params),
  described,
  columns: () => [
    { key: "date", kind: "date", sensitivity: "exactDate", value: (row, c) => dated(row.date, c) },
    { key: "topic", kind: "text", sensitivity: "freeText", value: (row) => row.topic },
    ...sharedPlaceColumns<FocusGroupListRow>(),
    { key: "participant_count", kind: "number", value: (row) => row.participantCount },
    { key: "facilitators", kind: "text", value: (row) => names(row.facilitators) },
    { key: "projects", kind: "text", value: (row) => names(row.projects) },
    { key: "transcript_language", kind: "text", value: (row, c) => language(row.transcriptLanguage, c) },
    { key: "translation_language", kind: "text", value: (row, c) => language(row.translationLanguage, c) },
  ],
  feed: (evaluationId, _reader, state, _level, sink) =>
    forEachBatch(focusGroupRowsSql(evaluationId, state, 0, null), sink),
};
