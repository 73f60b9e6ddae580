/**
 * Outcomes the funder has already decided on, newest decision first: a reviewer's record of what
 * they approved or returned, and what became of it since (a returned story may be back in review).
 * De-identified like the queue: codes, titles and the decision; no storyteller, no respondent.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewDecision, StoryStage } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { validId } from "@/lib/core/ids";

export const DECIDED_PAGE_SIZE = 25;

export type DecidedOutcome = {
  id: string;
  code: string;
  title: string;
  titleTranslation: string | null;
  stage: StoryStage;
  decision: ReviewDecision;
  decidedAt: Date;
  reviewerName: string;
  revisionVersion: number;
  /** Every decision taken on the story, this one included (a returned story can come back). */
  decisions: number;
};

/** One page of decided outcomes; the latest review per story comes from the (evaluation, story, created) index. */
export async function getDecidedOutcomes(
  evaluationId: string,
  page = 1,
): Promise<{ rows: DecidedOutcome[]; total: number; pages: number }> {
  if (!validId(evaluationId)) return { rows: [], total: 0, pages: 1 };
  const offset = (Math.max(1, page) - 1) * DECIDED_PAGE_SIZE;
  const [rows, counted] = await Promise.all([
    db().$queryRaw<DecidedOutcome[]>(Prisma.sql`
      WITH latest AS (
        SELECT DISTINCT ON (r.story_id) r.story_id, r.decision, r.created_at, r.reviewer_id, r.story_revision_id,
               count(*) OVER (PARTITION BY r.story_id)::int AS decisions
        FROM review r
        WHERE r.evaluation_id = ${evaluationId}
        ORDER BY r.story_id, r.created_at DESC, r.id DESC
      )
      SELECT s.id, s.code, s.title, s.title_translation AS "titleTranslation", s.stage,
             l.decision, l.created_at AS "decidedAt", u.name AS "reviewerName",
             sr.version AS "revisionVersion", l.decisions
      FROM latest l
      JOIN change_story s ON s.evaluation_id = ${evaluationId} AND s.id = l.story_id
      JOIN app_user u ON u.id = l.reviewer_id
      JOIN story_revision sr ON sr.id = l.story_revision_id
      ORDER BY l.created_at DESC, s.id
      LIMIT ${DECIDED_PAGE_SIZE} OFFSET ${offset}`),
    db().$queryRaw<Array<{ total: number }>>(Prisma.sql`
      SELECT count(DISTINCT story_id)::int AS total FROM review WHERE evaluation_id = ${evaluationId}`),
  ]);
  const total = counted[0]?.total ?? 0;
  return { rows, total, pages: Math.max(1, Math.ceil(total / DECIDED_PAGE_SIZE)) };
}
