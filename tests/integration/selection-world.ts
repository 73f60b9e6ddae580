/**
 * A selection world for integration tests: the story world (tests/factories/stories.ts) plus more
 * panelists and screened stories whose primary domain is the first domain, each told by a
 * consenting respondent. Not a test file itself (no .test.ts).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  buildChangeStory,
  buildDomainAssignment,
  buildMembership,
  buildUser,
  createStoryWorld,
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
