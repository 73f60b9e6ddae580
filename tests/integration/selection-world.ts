/**
 * A selection world for integration tests: the story world (tests/factories/stories.ts) plus more
 * panelists and screened stories whose primary domain is the first domain, each told by a
 * consenting respondent; and a story put before a round of a panel of its own. Not a test file
 * itself (no .test.ts).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SelectionRoundStatus } from "@/lib/generated/prisma/enums";
import {
  buildChangeStory,
  buildDomainAssignment,
  buildMembership,
  buildUser,
  createStoryWorld,
  inDays,
  newId,
} from "@/tests/factories";

export async function createSelectionWorld(
  prisma: PrismaClient,
  options: { stories?: number; panelists?: number } = {},
) {
  const world = await createStoryWorld(prisma);
  const { evaluationId, team } = world;
  const domainId = team.domains[0]!.id;
  const extra = Array.from({ length: (options.panelists ?? 3) - 1 }, (_, i) =>
    buildUser({ name: `Panelist ${i + 2}` }),
  );
  await prisma.user.createMany({ data: extra });
  await prisma.evaluationMember.createMany({
    data: extra.map((user) => buildMembership({ evaluationId, userId: user.id, roles: ["PANELIST"] })),
  });
  const panelists = [team.members.panelist!, ...extra];
  const storyIds = await addScreenedStories(prisma, world, domainId, options.stories ?? 3);
  return { ...world, domainId, panelists, storyIds, lead: team.members.lead };
}

export async function addScreenedStories(
  prisma: PrismaClient,
  world: Awaited<ReturnType<typeof createStoryWorld>>,
  domainId: string,
  count: number,
) {
  const { evaluationId, team } = world;
  const stories = Array.from({ length: count }, () =>
    buildChangeStory({ evaluationId, authorId: team.members.evaluator!.id, stage: "SCREENED" }),
  );
  await prisma.changeStory.createMany({ data: stories });
  await prisma.storyTeller.createMany({
    data: stories.map((story) => ({
      id: newId(),
      evaluationId,
      storyId: story.id,
      respondentId: world.respondents.consenting.id,
    })),
  });
  await prisma.domainAssignment.createMany({
    data: stories.map((story) =>
      buildDomainAssignment({ evaluationId, storyId: story.id, domainId, assignedById: team.members.lead.id }),
    ),
  });
  return stories.map((story) => story.id);
}

export type SelectionWorld = Awaited<ReturnType<typeof createSelectionWorld>>;

/**
 * A round of a new panel of `panelistIds`, in `status`, with `storyId` before it: the story is in
 * selection while the round runs or has run, and screened while it is planned or cancelled.
 */
export async function putBeforeRound(
  prisma: PrismaClient,
  evaluationId: string,
  storyId: string,
  status: SelectionRoundStatus,
  panelistIds: string[],
): Promise<string> {
  const panel = await prisma.selectionPanel.create({
    data: { evaluationId, name: `Panel ${status}`, level: "PORTFOLIO" },
  });
  for (const userId of panelistIds)
    await prisma.panelMember.create({ data: { evaluationId, panelId: panel.id, userId } });
  await prisma.changeStory.update({
    where: { id: storyId },
    data: { stage: status === "DRAFT" || status === "CANCELLED" ? "SCREENED" : "IN_SELECTION" },
  });
  const round = await prisma.selectionRound.create({
    data: {
      evaluationId,
      panelId: panel.id,
      name: `Ronda ${status}`,
      method: "APPROVAL",
      deadline: inDays(1),
      status,
    },
  });
  await prisma.roundCandidate.create({ data: { evaluationId, roundId: round.id, storyId } });
  return round.id;
}
