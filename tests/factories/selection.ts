/** A selection round written as already decided, for tests that count what a decision left behind. */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { VotingMethod } from "@/lib/generated/prisma/enums";
import { day, newId } from "./ids";

export type DecidedRoundInput = {
  evaluationId: string;
  panelId: string;
  domainId: string;
  decidedById: string;
  name: string;
  method: VotingMethod;
  /** The stories put before the round. */
  candidates: string[];
  ballots?: Array<Omit<Prisma.BallotCreateManyInput, "id" | "evaluationId" | "roundId">>;
  dissent?: string;
  /** The stories the decision selects, each with the same reason. */
  selected?: string[];
  /** The stories whose storytellers were thanked, in Spanish. */
  feedback?: string[];
};

/**
 * A round decided on 1 June 2024, with its candidates, ballots, decision, selected stories and
 * feedback written in that order, straight to the tables: no mutation, no audit event.
 */
export async function createDecidedRound(
  prisma: PrismaClient,
  input: DecidedRoundInput,
): Promise<{ roundId: string; decisionId: string }> {
  const { evaluationId } = input;
  const round = {
    id: newId(),
    evaluationId,
    panelId: input.panelId,
    name: input.name,
    domainId: input.domainId,
    method: input.method,
    status: "DECIDED" as const,
    deadline: day("2024-06-01"),
    closedAt: day("2024-06-01"),
  };
  await prisma.selectionRound.create({ data: round });
  await prisma.roundCandidate.createMany({
    data: input.candidates.map((storyId) => ({ id: newId(), evaluationId, roundId: round.id, storyId })),
  });
  if (input.ballots?.length) {
    await prisma.ballot.createMany({
      data: input.ballots.map((ballot) => ({ ...ballot, id: newId(), evaluationId, roundId: round.id })),
    });
  }
  const decision = { id: newId(), evaluationId, roundId: round.id, decidedById: input.decidedById };
  await prisma.selectionDecision.create({ data: { ...decision, dissent: input.dissent } });
  if (input.selected?.length) {
    await prisma.selectedStory.createMany({
      data: input.selected.map((storyId) => ({
        id: newId(),
        evaluationId,
        decisionId: decision.id,
        storyId,
        reason: "Cambio profundo.",
      })),
    });
  }
  if (input.feedback?.length) {
    await prisma.storytellerFeedback.createMany({
      data: input.feedback.map((storyId) => ({
        id: newId(),
        evaluationId,
        decisionId: decision.id,
        storyId,
        language: "es",
        text: "Gracias.",
      })),
    });
  }
  return { roundId: round.id, decisionId: decision.id };
}
