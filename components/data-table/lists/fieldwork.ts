/** The interviews and focus-groups tables' columns and cells (server side). People are counted, not named. */
import { evaluationPath } from "@/lib/evaluations/paths";
import type { FocusGroupListRow } from "@/lib/focus-groups/list";
import type { InterviewListRow } from "@/lib/interviews/list";
import { focusGroupListSpec, interviewListSpec } from "@/lib/tables/lists";
import type { DataTableColumn, DataTableRow } from "../types";
import { languageName, place, text, transcript, type PresentContext } from "./format";

const DESC_FIRST = new Set(["date", "duration", "participants"]);

function columnsOf<Id extends string>(
  spec: { columns: readonly Id[]; sortable: readonly string[]; requiredColumns: readonly string[] },
  header: (id: Id) => string,
): DataTableColumn[] {
  return spec.columns.map((id) => ({
    id,
    header: header(id),
    sortable: spec.sortable.includes(id),
    hideable: !spec.requiredColumns.includes(id),
    descFirst: DESC_FIRST.has(id),
  }));
}

export function interviewColumns(context: PresentContext): DataTableColumn[] {
  return columnsOf(interviewListSpec, (id) => context.t(`interviews.columns.${id}`));
}

export function focusGroupColumns(context: PresentContext): DataTableColumn[] {
  return columnsOf(focusGroupListSpec, (id) => context.t(`focusGroups.columns.${id}`));
}

function dateLink(date: Date, href: string, context: PresentContext) {
  return { kind: "link" as const, href, text: context.format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" }) };
}

export function interviewRows(rows: InterviewListRow[], context: PresentContext): DataTableRow[] {
  const { t, format, locale, evaluationId } = context;
  return rows.map((row) => ({
    id: row.id,
    cells: {
      date: dateLink(row.date, evaluationPath(evaluationId, "interviews", row.id), context),
      mode: text(t(`mode.${row.mode}`)),
      place: place(row.state, row.municipality),
      language: text(languageName(row.language, locale)),
      duration: row.durationMinutes ? text(t("interviews.minutes", { minutes: row.durationMinutes })) : null,
      respondents: text(format.number(row.respondentCount)),
      interviewers: { kind: "list", items: row.interviewers },
      projects: { kind: "list", items: row.projects },
      transcript: transcript(t, locale, row.transcriptLanguage, row.translationLanguage),
    },
  }));
}

export function focusGroupRows(rows: FocusGroupListRow[], context: PresentContext): DataTableRow[] {
  const { t, format, locale, evaluationId } = context;
  return rows.map((row) => ({
    id: row.id,
    cells: {
      date: dateLink(row.date, evaluationPath(evaluationId, "focus-groups", row.id), context),
      topic: text(row.topic, row.language),
      place: place(row.state, row.municipality),
      language: text(languageName(row.language, locale)),
      participants: text(format.number(row.participantCount)),
      facilitators: { kind: "list", items: row.facilitators },
      projects: { kind: "list", items: row.projects },
      transcript: transcript(t, locale, row.transcriptLanguage, row.translationLanguage),
    },
  }));
}
