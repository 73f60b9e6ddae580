/**
 * A story read scope (read-scope.ts) as the condition each kind of query needs: a Prisma `where`
 * for single stories, an SQL condition on a story id for the hand-written list, search and
 * dashboard queries. Both say the same thing: the story is a candidate of a round that has opened,
 * on a panel the reader sits on.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { ROUND_STATUSES_SEEN_BY_PANEL, type StoryReadScope } from "./read-scope";

export function storyScopeWhere(scope: StoryReadScope): Prisma.ChangeStoryWhereInput {
  if (scope.kind === "ALL") return {};
  return {
    roundCandidacies: {
      some: {
        round: {
          status: { in: [...ROUND_STATUSES_SEEN_BY_PANEL] },
          panel: { members: { some: { userId: scope.userId } } },
        },
      },
    },
  };
}

/** True for the story whose id is `storyId` (an SQL expression) when the scope lets the reader see it. */
export function storyScopeSql(evaluationId: string, scope: StoryReadScope, storyId: Prisma.Sql): Prisma.Sql {
  if (scope.kind === "ALL") return Prisma.sql`TRUE`;
  const statuses = Prisma.join(
    ROUND_STATUSES_SEEN_BY_PANEL.map((status) => Prisma.sql`${status}::selection_round_status`),
  );
  return Prisma.sql`EXISTS (SELECT 1 FROM round_candidate rc
      JOIN selection_round sr ON sr.evaluation_id = rc.evaluation_id AND sr.id = rc.round_id
      JOIN panel_member pm ON pm.evaluation_id = sr.evaluation_id AND pm.panel_id = sr.panel_id
     WHERE rc.evaluation_id = ${evaluationId} AND rc.story_id = ${storyId} AND pm.user_id = ${scope.userId} AND sr.status IN (${statuses}))`;
}
