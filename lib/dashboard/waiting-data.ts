/**
 * What needs the signed-in member now, counted in PostgreSQL. The loader asks only for the kinds
 * the member's roles allow (loaders.ts); each query is scoped by the evaluation.
 */
import "server-only";
import { db } from "@/lib/db";

export type BallotsToCast = { roundId: string; roundName: string; deadline: Date; stories: number };

/**
 * Per open round of a panel the member sits on, still before its deadline (the SQL form of
 * lib/selection/policy.ts `takesBallots`: the deadline instant is past): the candidates they
 * have no ballot on yet, leaving out stories they wrote or collected (they may not vote on those).
 */
export async function countBallotsToCast(evaluationId: string, userId: string, now: Date): Promise<BallotsToCast[]> {
  return db().$queryRaw<BallotsToCast[]>`
    SELECT r.id AS "roundId", r.name AS "roundName", r.deadline, count(c.id)::int AS stories
      FROM selection_round r
      JOIN panel_member pm ON pm.evaluation_id = r.evaluation_id AND pm.panel_id = r.panel_id AND pm.user_id = ${userId}
      JOIN round_candidate c ON c.evaluation_id = r.evaluation_id AND c.round_id = r.id
      JOIN change_story s ON s.evaluation_id = c.evaluation_id AND s.id = c.story_id
     WHERE r.evaluation_id = ${evaluationId} AND r.status = 'OPEN' AND r.deadline > ${now}
       AND s.author_id <> ${userId} AND s.collected_by_id IS DISTINCT FROM ${userId}
       AND NOT EXISTS (SELECT 1 FROM ballot b WHERE b.evaluation_id = r.evaluation_id AND b.round_id = r.id AND b.story_id = c.story_id AND b.panelist_id = ${userId})
     GROUP BY r.id, r.name, r.deadline
     ORDER BY r.deadline, r.id`;
}

export type ResponsesToRecord = { roundId: string; roundName: string; responses: number };

/**
 * Per open validation round: sampled respondent × story pairs with no response yet, leaving out
 * a respondent's own stories (a storyteller does not validate their own story).
 */
export async function countResponsesToRecord(evaluationId: string): Promise<ResponsesToRecord[]> {
  return db().$queryRaw<ResponsesToRecord[]>`
    SELECT v.id AS "roundId", v.name AS "roundName", count(*)::int AS responses
      FROM validation_round v
      JOIN validation_sample_member m ON m.evaluation_id = v.evaluation_id AND m.validation_round_id = v.id
      JOIN validation_round_story vs ON vs.evaluation_id = v.evaluation_id AND vs.validation_round_id = v.id
     WHERE v.evaluation_id = ${evaluationId} AND v.status = 'OPEN'
       AND NOT EXISTS (SELECT 1 FROM validation_response x WHERE x.evaluation_id = v.evaluation_id AND x.validation_round_id = v.id
                         AND x.respondent_id = m.respondent_id AND x.story_id = vs.story_id)
       -- The storytellers of the rounds' stories only: a correlated NOT EXISTS was planned as a
       -- hash of every storyteller of the evaluation (130,000 rows at the bench's size, 140 ms).
       AND (vs.story_id, m.respondent_id) NOT IN (
             SELECT st.story_id, st.respondent_id FROM story_teller st
              WHERE st.evaluation_id = ${evaluationId}
                AND st.story_id IN (SELECT rs.story_id FROM validation_round_story rs WHERE rs.evaluation_id = ${evaluationId}))
     GROUP BY v.id, v.name, v.starts_on
     ORDER BY v.starts_on, v.id`;
}

/** Stories standing at one step of the path (to triangulate, to review). */
export async function countStoriesAt(evaluationId: string, stage: "IN_TRIANGULATION" | "IN_REVIEW"): Promise<number> {
  return db().changeStory.count({ where: { evaluationId, stage } });
}
