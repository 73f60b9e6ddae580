/**
 * The focus-groups table. Two queries per page: the rows (place, participant count, facilitators
 * and projects come from sub-selects run for the page's rows only) and the count. Transcripts
 * are never read here; participants appear as a count only.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { listRecords, recordWhere } from "@/lib/fieldwork/list-data";
import type { FocusGroupFilters } from "@/lib/tables/lists";
import { orderBy, type ListPage } from "@/lib/tables/paging";
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
  date: Prisma.sql`r.date`,
  topic: Prisma.sql`r.topic`,
  language: Prisma.sql`r.language`,
} as const;

/** The rows' SQL for a window of the list (`limit` null: every row, for exports). */
export function focusGroupRowsSql(
  evaluationId: string,
  state: Pick<TableState<FocusGroupFilters>, "filters" | "sort">,
  offset: number,
  limit: number | null,
): Prisma.Sql {
  const where = recordWhere(evaluationId, state.filters);
  const order = orderBy(SORTS, state.sort, Prisma.sql`r.id`);
  return Prisma.sql`
      SELECT r.id, r.date, r.topic, r.language, p.state, p.municipality,
        r.anonymous_participant_count + (SELECT count(*)::int FROM focus_group_participant fp
          WHERE fp.evaluation_id = r.evaluation_id AND fp.focus_group_id = r.id) AS "participantCount",
        ARRAY(SELECT u.name FROM focus_group_facilitator ff JOIN app_user u ON u.id = ff.user_id
               WHERE ff.evaluation_id = r.evaluation_id AND ff.focus_group_id = r.id ORDER BY u.name) AS facilitators,
        ARRAY(SELECT pr.acronym FROM focus_group_project fj JOIN project pr ON pr.evaluation_id = fj.evaluation_id AND pr.id = fj.project_id
               WHERE fj.evaluation_id = r.evaluation_id AND fj.focus_group_id = r.id ORDER BY pr.acronym) AS projects,
        r.transcript_language AS "transcriptLanguage", r.translation_language AS "translationLanguage"
      FROM (SELECT r.id, r.evaluation_id, r.date, r.topic, r.language, r.place_id, r.anonymous_participant_count,
                   r.transcript_language, r.translation_language
              FROM focus_group r WHERE ${where} ${order} LIMIT ${limit} OFFSET ${offset}) r
      LEFT JOIN place p ON p.evaluation_id = r.evaluation_id AND p.id = r.place_id
      ${order}`;
}

/** One page of the table, for a reader the loader has let in (interview.view). */
export function listFocusGroups(
  evaluationId: string,
  state: TableState<FocusGroupFilters>,
): Promise<ListPage<FocusGroupListRow>> {
  return listRecords(state, Prisma.sql`focus_group r`, recordWhere(evaluationId, state.filters), (offset, limit) =>
    focusGroupRowsSql(evaluationId, state, offset, limit),
  );
}
