/**
 * The stage facts of selection (lib/stories/stage-machine.ts, group "selection"): the domain-level
 * rounds that hold a story as a candidate, their status and, once decided, whether the panel chose
 * it. Portfolio rounds are left out: their candidates are already selected and do not move.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CandidacyFacts } from "@/lib/stories/stage-machine";

type Client = PrismaClient | Prisma.TransactionClient;

export async function loadCandidacies(
  client: Client,
  evaluationId: string,
  storyId: string,
): Promise<CandidacyFacts[]> {
  const rows = await client.roundCandidate.findMany({
    where: { evaluationId, storyId, round: { panel: { level: "DOMAIN" } } },
    select: {
      roundId: true,
      round: {
        select: {
          status: true,
          decision: { select: { selectedStories: { where: { storyId }, select: { id: true } } } },
        },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({
    roundId: row.roundId,
    status: row.round.status,
    selected: row.round.status === "DECIDED" ? (row.round.decision?.selectedStories.length ?? 0) > 0 : null,
  }));
}
