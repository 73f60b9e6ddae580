/**
 * "Waiting for you": what the signed-in member's roles ask of them now, each with where to do it.
 * Only the kinds their roles allow are counted, and only non-empty ones are returned.
 */
import { evaluationPath } from "@/lib/evaluations/paths";
import { can, type Role } from "@/lib/permissions";
import { countBallotsToCast, countResponsesToRecord, countStoriesAt } from "./waiting-data";

export type WaitingItem =
  | { kind: "BALLOTS"; roundId: string; roundName: string; deadline: Date; count: number; path: string }
  | { kind: "RESPONSES"; roundId: string; roundName: string; count: number; path: string }
  | { kind: "TRIANGULATION"; count: number; path: string }
  | { kind: "REVIEW"; count: number; path: string };

export async function loadWaitingFor(
  evaluationId: string,
  userId: string,
  roles: readonly Role[],
  now: Date,
): Promise<WaitingItem[]> {
  const none = Promise.resolve([]);
  const [ballots, responses, toTriangulate, toReview] = await Promise.all([
    can(roles, "selection.vote") ? countBallotsToCast(evaluationId, userId, now) : none,
    can(roles, "validation.record") ? countResponsesToRecord(evaluationId) : none,
    can(roles, "triangulation.edit") ? countStoriesAt(evaluationId, "IN_TRIANGULATION") : 0,
    can(roles, "review.decide") ? countStoriesAt(evaluationId, "IN_REVIEW") : 0,
  ]);
  const items: WaitingItem[] = [
    ...ballots.map(({ roundId, roundName, deadline, stories }) => ({
      kind: "BALLOTS" as const,
      roundId,
      roundName,
      deadline,
      count: stories,
      path: evaluationPath(evaluationId, "selection", "rounds", roundId),
    })),
    ...responses.map(({ roundId, roundName, responses: count }) => ({
      kind: "RESPONSES" as const,
      roundId,
      roundName,
      count,
      path: evaluationPath(evaluationId, "validation", roundId),
    })),
  ];
  if (toTriangulate > 0)
    items.push({ kind: "TRIANGULATION", count: toTriangulate, path: evaluationPath(evaluationId, "triangulation") });
  if (toReview > 0) items.push({ kind: "REVIEW", count: toReview, path: evaluationPath(evaluationId, "reviews") });
  return items;
}
