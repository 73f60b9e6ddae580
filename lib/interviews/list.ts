/**
 * The interviews table. Two queries per page: the rows (place, respondent count, interviewers and
 * projects come from sub-selects run for the page's rows only) and the count. Transcripts are
 * never read here: whether one exists is told by its language column, set whenever it is.
 * Respondents appear as a count only.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { inRegion } from "@/lib/places/region-sql";
import type { InterviewMode } from "@/lib/generated/prisma/enums";
import type { InterviewFilters } from "@/lib/tables/lists";
import { countOf, orderBy, pagedList, type ListPage } from "@/lib/tables/paging";
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
  date: Prisma.sql`i.date`,
  mode: Prisma.sql`i.mode`,
  duration: Prisma.sql`i.duration_minutes`,
  language: Prisma.sql`i.language`,
} as const;

function whereOf(evaluationId: string, filters: InterviewFilters): Prisma.Sql {
  const conditions = [Prisma.sql`i.evaluation_id = ${evaluationId}`];
  if (filters.mode) conditions.push(Prisma.sql`i.mode = ${filters.mode}::interview_mode`);
  if (filters.state) {
    conditions.push(
      Prisma.sql`i.place_id IN (SELECT p.id FROM place p WHERE p.evaluation_id = ${evaluationId} AND ${inRegion("p", filters.state)})`,
    );
  }
  if (filters.from) conditions.push(Prisma.sql`i.date >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`i.date <= ${filters.to}::date`);
  return Prisma.join(conditions, " AND ");
}

/** The rows' SQL for a window of the list (`limit` null: every row, for exports). */
export function interviewRowsSql(
  evaluationId: string,
  state: Pick<TableState<InterviewFilters>, "filters" | "sort">,
  offset: number,
  limit: number | null,
): Prisma.Sql {
  const where = whereOf(evaluationId, state.filters);
  const order = orderBy(SORTS, state.sort, Prisma.sql`i.id`);
  return Prisma.sql`
      SELECT i.id, i.date, i.mode::text AS mode, i.language, i.duration_minutes AS "durationMinutes",
        p.state, p.municipality,
        (SELECT count(*)::int FROM interview_respondent ir WHERE ir.evaluation_id = i.evaluation_id AND ir.interview_id = i.id) AS "respondentCount",
        ARRAY(SELECT u.name FROM interview_interviewer ii JOIN app_user u ON u.id = ii.user_id
               WHERE ii.evaluation_id = i.evaluation_id AND ii.interview_id = i.id ORDER BY u.name) AS interviewers,
        ARRAY(SELECT pr.acronym FROM interview_project ip JOIN project pr ON pr.evaluation_id = ip.evaluation_id AND pr.id = ip.project_id
               WHERE ip.evaluation_id = i.evaluation_id AND ip.interview_id = i.id ORDER BY pr.acronym) AS projects,
        i.transcript_language AS "transcriptLanguage", i.translation_language AS "translationLanguage"
      FROM (SELECT i.id, i.evaluation_id, i.date, i.mode, i.language, i.duration_minutes, i.place_id, i.transcript_language, i.translation_language
              FROM interview i WHERE ${where} ${order} LIMIT ${limit} OFFSET ${offset}) i
      LEFT JOIN place p ON p.evaluation_id = i.evaluation_id AND p.id = i.place_id
      ${order}`;
}

/** One page of the table, for a reader the loader has let in (interview.view). */
export async function listInterviews(
  evaluationId: string,
  state: TableState<InterviewFilters>,
): Promise<ListPage<InterviewListRow>> {
  const where = whereOf(evaluationId, state.filters);
  const rowsAt = (offset: number, limit: number) =>
    db().$queryRaw<InterviewListRow[]>(interviewRowsSql(evaluationId, state, offset, limit));
  const count = async () =>
    countOf(
      await db().$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM interview i WHERE ${where}`,
    );
  return pagedList(state, rowsAt, count);
}
