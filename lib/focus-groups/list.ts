/**
 * The focus-groups table. Two queries per page: the rows (place, participant count, facilitators
 * and projects come from sub-selects run for the page's rows only) and the count. Transcripts
 * are never read here; participants appear as a count only.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { inRegion } from "@/lib/places/region-sql";
import type { FocusGroupFilters } from "@/lib/tables/lists";
import { countOf, orderBy, pagedList, type ListPage } from "@/lib/tables/paging";
import type { TableState } from "@/lib/tables/url-state";

export type FocusGroupListRow = {
  id: string;
  date: Date;
  topic: string;
  language: string;
  state: string | null;
  municipality: string | null;
  /** Registered participants plus the anonymous head-count. */
  participantCount: number;
  facilitators: string[];
  projects: string[];
  transcriptLanguage: string | null;
  translationLanguage: string | null;
};

const SORTS = {
  date: Prisma.sql`f.date`,
  topic: Prisma.sql`f.topic`,
  language: Prisma.sql`f.language`,
} as const;

function whereOf(evaluationId: string, filters: FocusGroupFilters): Prisma.Sql {
  const conditions = [Prisma.sql`f.evaluation_id = ${evaluationId}`];
  if (filters.state) {
    conditions.push(
      Prisma.sql`f.place_id IN (SELECT p.id FROM place p WHERE p.evaluation_id = ${evaluationId} AND ${inRegion("p", filters.state)})`,
    );
  }
  if (filters.from) conditions.push(Prisma.sql`f.date >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`f.date <= ${filters.to}::date`);
  return Prisma.join(conditions, " AND ");
}

/** The rows' SQL for a window of the list (`limit` null: every row, for exports). */
export function focusGroupRowsSql(
  evaluationId: string,
  state: Pick<TableState<FocusGroupFilters>, "filters" | "sort">,
  offset: number,
  limit: number | null,
): Prisma.Sql {
  const where = whereOf(evaluationId, state.filters);
  const order = orderBy(SORTS, state.sort, Prisma.sql`f.id`);
  return Prisma.sql`
      SELECT f.id, f.date, f.topic, f.language, p.state, p.municipality,
        f.anonymous_participant_count + (SELECT count(*)::int FROM focus_group_participant fp
          WHERE fp.evaluation_id = f.evaluation_id AND fp.focus_group_id = f.id) AS "participantCount",
        ARRAY(SELECT u.name FROM focus_group_facilitator ff JOIN app_user u ON u.id = ff.user_id
               WHERE ff.evaluation_id = f.evaluation_id AND ff.focus_group_id = f.id ORDER BY u.name) AS facilitators,
        ARRAY(SELECT pr.acronym FROM focus_group_project fj JOIN project pr ON pr.evaluation_id = fj.evaluation_id AND pr.id = fj.project_id
               WHERE fj.evaluation_id = f.evaluation_id AND fj.focus_group_id = f.id ORDER BY pr.acronym) AS projects,
        f.transcript_language AS "transcriptLanguage", f.translation_language AS "translationLanguage"
      FROM (SELECT f.id, f.evaluation_id, f.date, f.topic, f.language, f.place_id, f.anonymous_participant_count,
                   f.transcript_language, f.translation_language
              FROM focus_group f WHERE ${where} ${order} LIMIT ${limit} OFFSET ${offset}) f
      LEFT JOIN place p ON p.evaluation_id = f.evaluation_id AND p.id = f.place_id
      ${order}`;
}

/** One page of the table, for a reader the loader has let in (interview.view). */
export async function listFocusGroups(
  evaluationId: string,
  state: TableState<FocusGroupFilters>,
): Promise<ListPage<FocusGroupListRow>> {
  const where = whereOf(evaluationId, state.filters);
  const rowsAt = (offset: number, limit: number) =>
    db().$queryRaw<FocusGroupListRow[]>(focusGroupRowsSql(evaluationId, state, offset, limit));
  const count = async () =>
    countOf(
      await db().$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM focus_group f WHERE ${where}`,
    );
  return pagedList(state, rowsAt, count);
}
