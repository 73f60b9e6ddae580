/**
 * The interviews table. Two queries per page: the rows (place, respondent count, interviewers and
 * projects come from sub-selects run for the page's rows only) and the count. Transcripts are
 * never read here: whether one exists is told by its language column, set whenever it is.
 * Respondents appear as a count only.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { listRecords, recordWhere } from "@/lib/fieldwork/list-data";
import type { InterviewMode } from "@/lib/generated/prisma/enums";
import type { InterviewFilters } from "@/lib/tables/lists";
import { orderBy, type ListPage } from "@/lib/tables/paging";
import type { TableState } from "@/lib/tables/url-state";

export type InterviewListRow = {
  id: string;
  date: Date;
  mode: InterviewMode;
  language: string;
  durationMinutes: number | null;
  state: string | null;
  municipality: string | null;
  respondentCount: number;
  /** Names of the team members who conducted it. */
  interviewers: string[];
  /** Acronyms of the projects discussed. */
  projects: string[];
  transcriptLanguage: string | null;
  translationLanguage: string | null;
};

const SORTS = {
  date: Prisma.sql`r.date`,
  mode: Prisma.sql`r.mode`,
  duration: Prisma.sql`r.duration_minutes`,
  language: Prisma.sql`r.language`,
} as const;

function whereOf(evaluationId: string, filters: InterviewFilters): Prisma.Sql {
  return recordWhere(evaluationId, filters, filters.mode ? [Prisma.sql`r.mode = ${filters.mode}::interview_mode`] : []);
}

/** The rows' SQL for a window of the list (`limit` null: every row, for exports). */
export function interviewRowsSql(
  evaluationId: string,
  state: Pick<TableState<InterviewFilters>, "filters" | "sort">,
  offset: number,
  limit: number | null,
): Prisma.Sql {
  const where = whereOf(evaluationId, state.filters);
  const order = orderBy(SORTS, state.sort, Prisma.sql`r.id`);
  return Prisma.sql`
      SELECT r.id, r.date, r.mode::text AS mode, r.language, r.duration_minutes AS "durationMinutes",
        p.state, p.municipality,
        (SELECT count(*)::int FROM interview_respondent ir WHERE ir.evaluation_id = r.evaluation_id AND ir.interview_id = r.id) AS "respondentCount",
        ARRAY(SELECT u.name FROM interview_interviewer ii JOIN app_user u ON u.id = ii.user_id
               WHERE ii.evaluation_id = r.evaluation_id AND ii.interview_id = r.id ORDER BY u.name) AS interviewers,
        ARRAY(SELECT pr.acronym FROM interview_project ip JOIN project pr ON pr.evaluation_id = ip.evaluation_id AND pr.id = ip.project_id
               WHERE ip.evaluation_id = r.evaluation_id AND ip.interview_id = r.id ORDER BY pr.acronym) AS projects,
        r.transcript_language AS "transcriptLanguage", r.translation_language AS "translationLanguage"
      FROM (SELECT r.id, r.evaluation_id, r.date, r.mode, r.language, r.duration_minutes, r.place_id, r.transcript_language, r.translation_language
              FROM interview r WHERE ${where} ${order} LIMIT ${limit} OFFSET ${offset}) r
      LEFT JOIN place p ON p.evaluation_id = r.evaluation_id AND p.id = r.place_id
      ${order}`;
}

/** One page of the table, for a reader the loader has let in (interview.view). */
export function listInterviews(
  evaluationId: string,
  state: TableState<InterviewFilters>,
): Promise<ListPage<InterviewListRow>> {
  return listRecords(state, Prisma.sql`interview r`, whereOf(evaluationId, state.filters), (offset, limit) =>
    interviewRowsSql(evaluationId, state, offset, limit),
  );
}
