/**
 * The story workbook's other sheets, each joined to the stories sheet by the story code: figures,
 * contributing projects, storytellers, sources, domain assignments (their whole history) and
 * translations. Each sheet is one query over `matches`, the stories list's own filter as SQL
 * (lib/stories/list.ts `storyMatchesSql`), read through its own cursor: the story ids are joined
 * in PostgreSQL, never gathered in memory. Rows are in story-code order.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { openIdentitiesForExport } from "@/lib/respondents/identity-export";
import type { ExportLevel } from "../levels";
import { dated, language, type ColumnContext, type ExportColumn } from "./columns";

/** A stored choice of the workbook's own (`exports.choices`) as its label, or as stored. */
const choice = (value: string, namespace: string, context: ColumnContext) =>
  context.labelled ? context.t(`exports.choices.${namespace}.${value}`) : value;

export type StorySheet<Row> = {
  /** The sheet's key: its title under `exports.sheets`, its CSV file's name in the zip. */
  key: string;
  columns: ExportColumn<Row>[];
  sql: (evaluationId: string, matches: Prisma.Sql) => Prisma.Sql;
  /** Adds what the query cannot give (identities, opened outside the database) to a batch. */
  enrich?: (evaluationId: string, rows: Row[], level: ExportLevel) => Promise<void>;
};

const storyCode = <Row extends { storyCode: string }>(): ExportColumn<Row> => ({
  key: "story_code",
  kind: "text",
  value: (row) => row.storyCode,
});

type FigureRow = {
  storyCode: string;
  position: number;
  label: string;
  labelTranslation: string | null;
  qualifier: string;
  value: number;
  valueMax: number | null;
  unit: string | null;
};

const figures: StorySheet<FigureRow> = {
  key: "figures",
  columns: [
    storyCode(),
    { key: "position", kind: "number", value: (row) => row.position },
    { key: "label", kind: "text", sensitivity: "freeText", value: (row) => row.label },
    { key: "label_translation", kind: "text", sensitivity: "freeText", value: (row) => row.labelTranslation },
    { key: "qualifier", kind: "text", value: (row, c) => choice(row.qualifier, "figureQualifier", c) },
    { key: "value", kind: "number", value: (row) => row.value },
    { key: "value_max", kind: "number", value: (row) => row.valueMax },
    { key: "unit", kind: "text", value: (row) => row.unit },
  ],
  // float8: a number cell in the file; figures are counts and percentages well inside its precision.
  sql: (evaluationId, matches) => Prisma.sql`
    SELECT m.code AS "storyCode", f.position, f.label, f.label_translation AS "labelTranslation", f.qualifier::text AS qualifier,
      f.value::float8 AS value, f.value_max::float8 AS "valueMax", f.unit
    FROM (${matches}) m JOIN story_figure f ON f.evaluation_id = ${evaluationId} AND f.story_id = m.id
    ORDER BY m.code_number, f.position`,
};

type ContributionRow = { storyCode: string; acronym: string; howContributed: string };

const contributions: StorySheet<ContributionRow> = {
  key: "contributions",
  columns: [
    storyCode(),
    { key: "project_acronym", kind: "text", value: (row) => row.acronym },
    { key: "how_contributed", kind: "text", sensitivity: "freeText", value: (row) => row.howContributed },
  ],
  sql: (evaluationId, matches) => Prisma.sql`
    SELECT m.code AS "storyCode", p.acronym, c.how_contributed AS "howContributed"
    FROM (${matches}) m JOIN story_contribution c ON c.evaluation_id = ${evaluationId} AND c.story_id = m.id
      JOIN project p ON p.evaluation_id = c.evaluation_id AND p.id = c.project_id
    ORDER BY m.code_number, p.acronym`,
};

type StorytellerRow = { storyCode: string; respondentId: string; respondentCode: string; name?: string | null };

const storytellers: StorySheet<StorytellerRow> = {
  key: "storytellers",
  columns: [
    storyCode(),
    { key: "respondent_code", kind: "text", value: (row) => row.respondentCode },
    // The storyteller's name only at the identified level (a lead who asked); destroyed identities stay empty.
    { key: "name", kind: "text", sensitivity: "identity", value: (row) => row.name ?? null },
  ],
  sql: (evaluationId, matches) => Prisma.sql`
    SELECT m.code AS "storyCode", r.id AS "respondentId", r.code AS "respondentCode"
    FROM (${matches}) m JOIN story_teller t ON t.evaluation_id = ${evaluationId} AND t.story_id = m.id
      JOIN respondent r ON r.evaluation_id = t.evaluation_id AND r.id = t.respondent_id
    ORDER BY m.code_number, r.code`,
  enrich: async (evaluationId, rows, level) => {
    if (level !== "identified") return;
    const identities = await openIdentitiesForExport(evaluationId, [...new Set(rows.map((row) => row.respondentId))]);
    for (const row of rows) row.name = identities.get(row.respondentId)?.name ?? null;
  },
};

type SourceRow = {
  storyCode: string;
  kind: string;
  interviewId: string | null;
  focusGroupId: string | null;
  excerptId: string | null;
  date: Date | null;
};

const sources: StorySheet<SourceRow> = {
  key: "sources",
  columns: [
    storyCode(),
    { key: "source_kind", kind: "text", value: (row, c) => choice(row.kind, "sourceKind", c) },
    { key: "interview_id", kind: "text", value: (row) => row.interviewId },
    { key: "focus_group_id", kind: "text", value: (row) => row.focusGroupId },
    { key: "excerpt_id", kind: "text", value: (row) => row.excerptId },
    { key: "source_date", kind: "date", sensitivity: "exactDate", value: (row, c) => dated(row.date, c) },
  ],
  // An excerpt names the interview or focus group it was marked in; its text is not copied (not
  // every story reader may read transcripts).
  sql: (evaluationId, matches) => Prisma.sql`
    SELECT m.code AS "storyCode",
      CASE WHEN src.interview_id IS NOT NULL THEN 'INTERVIEW' WHEN src.focus_group_id IS NOT NULL THEN 'FOCUS_GROUP' ELSE 'EXCERPT' END AS kind,
      coalesce(src.interview_id, x.interview_id) AS "interviewId", coalesce(src.focus_group_id, x.focus_group_id) AS "focusGroupId",
      src.excerpt_id AS "excerptId", coalesce(i.date, g.date) AS date
    FROM (${matches}) m JOIN story_source src ON src.evaluation_id = ${evaluationId} AND src.story_id = m.id
      LEFT JOIN transcript_excerpt x ON x.evaluation_id = src.evaluation_id AND x.id = src.excerpt_id
      LEFT JOIN interview i ON i.evaluation_id = src.evaluation_id AND i.id = coalesce(src.interview_id, x.interview_id)
      LEFT JOIN focus_group g ON g.evaluation_id = src.evaluation_id AND g.id = coalesce(src.focus_group_id, x.focus_group_id)
    ORDER BY m.code_number, src.created_at, src.id`,
};

type AssignmentRow = {
  storyCode: string;
  position: number;
  nameEn: string;
  nameEs: string;
  kind: string;
  assignedBy: string;
  rationale: string;
  assignedAt: Date;
  endedAt: Date | null;
  endedBy: string | null;
};

const domainAssignments: StorySheet<AssignmentRow> = {
  key: "domain-assignments",
  columns: [
    storyCode(),
    // The domain's name in the reader's language, or its number in the evaluation's order when raw.
    {
      key: "domain",
      kind: "text",
      value: (row, c) => (c.labelled ? (c.locale === "es" ? row.nameEs : row.nameEn) : row.position),
    },
    { key: "assignment_kind", kind: "text", value: (row, c) => choice(row.kind, "assignmentKind", c) },
    { key: "assigned_by", kind: "text", value: (row) => row.assignedBy },
    { key: "rationale", kind: "text", sensitivity: "freeText", value: (row) => row.rationale },
    { key: "assigned_at", kind: "dateTime", sensitivity: "exactDate", value: (row, c) => dated(row.assignedAt, c) },
    { key: "ended_at", kind: "dateTime", sensitivity: "exactDate", value: (row, c) => dated(row.endedAt, c) },
    { key: "ended_by", kind: "text", value: (row) => row.endedBy },
  ],
  sql: (evaluationId, matches) => Prisma.sql`
    SELECT m.code AS "storyCode", d.position, d.name_en AS "nameEn", d.name_es AS "nameEs", a.kind::text AS kind,
      author.name AS "assignedBy", a.rationale, a.assigned_at AS "assignedAt", a.ended_at AS "endedAt", ender.name AS "endedBy"
    FROM (${matches}) m JOIN domain_assignment a ON a.evaluation_id = ${evaluationId} AND a.story_id = m.id
      JOIN domain d ON d.evaluation_id = a.evaluation_id AND d.id = a.domain_id
      JOIN app_user author ON author.id = a.assigned_by_id
      LEFT JOIN app_user ender ON ender.id = a.ended_by_id
    ORDER BY m.code_number, a.assigned_at, a.id`,
};

type TranslationRow = {
  storyCode: string;
  field: string;
  language: string | null;
  text: string;
  translator: string | null;
  translatedAt: Date | null;
};

const translations: StorySheet<TranslationRow> = {
  key: "translations",
  columns: [
    storyCode(),
    { key: "field", kind: "text", value: (row, c) => (c.labelled ? c.t(`exports.columns.${row.field}`) : row.field) },
    { key: "language", kind: "text", value: (row, c) => language(row.language, c) },
    { key: "text", kind: "text", sensitivity: "freeText", value: (row) => row.text },
    { key: "translator", kind: "text", value: (row) => row.translator },
    { key: "translated_at", kind: "dateTime", sensitivity: "exactDate", value: (row, c) => dated(row.translatedAt, c) },
  ],
  // One row per translated field, in the story form's order.
  sql: (evaluationId, matches) => Prisma.sql`
    SELECT m.code AS "storyCode", t.field, s.translation_language AS language, t.text, u.name AS translator, s.translated_at AS "translatedAt"
    FROM (${matches}) m JOIN change_story s ON s.evaluation_id = ${evaluationId} AND s.id = m.id
      CROSS JOIN LATERAL (VALUES (1, 'title', s.title_translation), (2, 'what_changed', s.what_changed_translation),
        (3, 'why_significant', s.why_significant_translation)) AS t(n, field, text)
      LEFT JOIN app_user u ON u.id = s.translated_by_id
    WHERE t.text IS NOT NULL
    ORDER BY m.code_number, t.n`,
};

// Each sheet's row type differs; the workbook passes each sheet's rows back to its own columns.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const STORY_SHEETS: StorySheet<any>[] = [
  figures,
  contributions,
  storytellers,
  sources,
  domainAssignments,
  translations,
];
