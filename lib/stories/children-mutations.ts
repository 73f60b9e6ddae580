/**
 * The rows that hang off a story, written inside the story's save transaction: first every id the
 * form sent is checked against this evaluation (one query per kind), then the child rows are made
 * to match the form. The composite foreign keys would refuse another evaluation's ids too; checking
 * first turns that into a refusal next to the right field.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { refusals } from "@/lib/core/refusal";
import type { StoryFields } from "./schema";
import { figureColumns } from "./creation-mutations";
import type { StorySaveRefusal } from "./mutations";

type Tx = Prisma.TransactionClient;

// The story save's own reasons (lib/stories/mutations.ts): these checks run inside its transaction.
const { refuse } = refusals<StorySaveRefusal>();

type Checked = { story: StoryFields; storyId: string | null };
type Found = (ids: string[]) => Promise<Array<{ id: string }>>;

/** The ids among `ids` that exist, asked once for every story of the call. */
async function present(ids: string[], find: Found): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  return new Set((await find(unique)).map((row) => row.id));
}

/**
 * Refuses (NOT_IN_EVALUATION, with the field) the first id that is not this evaluation's (or this
 * story's, for figures), and PROJECT_RETIRED for a retired project a story did not already have.
 * One query per kind of reference for all the stories given: the form checks its one story, an
 * import a chunk of new stories, with the same rules in the same order.
 */
export async function checkReferences(tx: Tx, evaluationId: string, stories: Checked[]): Promise<void> {
  const where = (ids: string[]) => ({ evaluationId, id: { in: ids } });
  const select = { id: true } as const;
  const all = <T>(pick: (story: StoryFields) => T[]) => stories.flatMap(({ story }) => pick(story));
  const sourcesOf = (story: StoryFields, kind: string) =>
    story.sources.flatMap((source, index) => (source.kind === kind ? [{ id: source.id, index }] : []));
  const projectsOf = (story: StoryFields) => story.contributions.map((row) => row.projectId);
  const peopleOf = (story: StoryFields) =>
    [story.translatedById, story.collectedById].filter((id): id is string => id !== null);

  const lists: Array<[string, (story: StoryFields) => string[], Found]> = [
    ["placeIds", (story) => story.placeIds, (ids) => tx.place.findMany({ where: where(ids), select })],
    ["sectorIds", (story) => story.sectorIds, (ids) => tx.sector.findMany({ where: where(ids), select })],
    [
      "priorityTagIds",
      (story) => story.priorityTagIds,
      (ids) => tx.priorityTag.findMany({ where: where(ids), select }),
    ],
    [
      "atRiskGroups",
      (story) => story.atRiskGroups.map((row) => row.groupId),
      (ids) => tx.atRiskGroup.findMany({ where: where(ids), select }),
    ],
    ["storytellerIds", (story) => story.storytellerIds, (ids) => tx.respondent.findMany({ where: where(ids), select })],
    ["contributions", projectsOf, (ids) => tx.project.findMany({ where: where(ids), select })],
  ];
  const kinds: Array<[string, Found]> = [
    ["INTERVIEW", (ids) => tx.interview.findMany({ where: where(ids), select })],
    ["FOCUS_GROUP", (ids) => tx.focusGroup.findMany({ where: where(ids), select })],
    ["EXCERPT", (ids) => tx.transcriptExcerpt.findMany({ where: where(ids), select })],
  ];
  const [listsFound, kindsFound, retired, members, figures] = await Promise.all([
    Promise.all(lists.map(([, pick, find]) => present(all(pick), find))),
    Promise.all(
      kinds.map(([kind, find]) =>
        present(
          all((story) => sourcesOf(story, kind).map((s) => s.id)),
          find,
        ),
      ),
    ),
    retiredAmong(tx, evaluationId, all(projectsOf)),
    memberIdsAmong(tx, evaluationId, all(peopleOf)),
    ownFigures(tx, evaluationId, stories),
  ]);
  const kept = await keptContributions(tx, evaluationId, stories, retired);

  for (const { story, storyId } of stories) {
    for (const [position, [field, pick]] of lists.entries()) {
      const index = pick(story).findIndex((id) => !listsFound[position]!.has(id));
      if (index < 0) continue;
      const path =
        field === "contributions"
          ? `contributions.${index}.projectId`
          : field === "atRiskGroups"
            ? `atRiskGroups.${index}.groupId`
            : `${field}.${index}`;
      throw refuse("NOT_IN_EVALUATION", path);
    }
    // A retired project may stay among a story's contributions, but is not added anew.
    const newlyRetired = projectsOf(story).findIndex(
      (id) => retired.has(id) && !(storyId && kept.has(`${storyId}:${id}`)),
    );
    if (newlyRetired >= 0) throw refuse("PROJECT_RETIRED", `contributions.${newlyRetired}.projectId`);
    for (const [position, [kind]] of kinds.entries()) {
      const missing = sourcesOf(story, kind).find((source) => !kindsFound[position]!.has(source.id));
      if (missing) throw refuse("NOT_IN_EVALUATION", `sources.${missing.index}.id`);
    }
    if (story.translatedById && !members.has(story.translatedById)) throw refuse("NOT_IN_EVALUATION", "translatedById");
    if (story.collectedById && !members.has(story.collectedById)) throw refuse("NOT_IN_EVALUATION", "collectedById");
    // A figure id must be one of this story's own figures: a new story has none.
    const stranger = story.figures.findIndex(
      (figure) => figure.id && !(storyId && figures.has(`${storyId}:${figure.id}`)),
    );
    if (stranger >= 0) throw refuse("NOT_IN_EVALUATION", `figures.${stranger}.id`);
  }
}

async function retiredAmong(tx: Tx, evaluationId: string, projectIds: string[]): Promise<Set<string>> {
  if (projectIds.length === 0) return new Set();
  const rows = await tx.project.findMany({
    where: { evaluationId, id: { in: [...new Set(projectIds)] }, retiredAt: { not: null } },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

/** "storyId:projectId" of the retired projects the saved stories already have. */
async function keptContributions(
  tx: Tx,
  evaluationId: string,
  stories: Checked[],
  retired: Set<string>,
): Promise<Set<string>> {
  const storyIds = stories.flatMap(({ storyId }) => (storyId ? [storyId] : []));
  if (retired.size === 0 || storyIds.length === 0) return new Set();
  const rows = await tx.storyContribution.findMany({
    where: { evaluationId, storyId: { in: storyIds }, projectId: { in: [...retired] } },
    select: { storyId: true, projectId: true },
  });
  return new Set(rows.map((row) => `${row.storyId}:${row.projectId}`));
}

async function memberIdsAmong(tx: Tx, evaluationId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx.evaluationMember.findMany({
    where: { evaluationId, userId: { in: [...new Set(userIds)] } },
    select: { userId: true },
  });
  return new Set(rows.map((row) => row.userId));
}

/** "storyId:figureId" of the figures the saved stories have among those the forms name. */
async function ownFigures(tx: Tx, evaluationId: string, stories: Checked[]): Promise<Set<string>> {
  const named = stories.flatMap(({ story, storyId }) =>
    storyId ? story.figures.flatMap((figure) => (figure.id ? [figure.id] : [])) : [],
  );
  if (named.length === 0) return new Set();
  const storyIds = stories.flatMap(({ storyId }) => (storyId ? [storyId] : []));
  const rows = await tx.storyFigure.findMany({
    where: { evaluationId, storyId: { in: storyIds }, id: { in: named } },
    select: { id: true, storyId: true },
  });
  return new Set(rows.map((row) => `${row.storyId}:${row.id}`));
}

/** Makes a saved story's child rows match the form (new stories: creation-mutations.ts). Figures are kept by id (evidence may point at them). */
export async function writeStoryChildren(
  tx: Tx,
  evaluationId: string,
  storyId: string,
  story: StoryFields,
): Promise<void> {
  const base = { evaluationId, storyId };
  await tx.storyPlace.deleteMany({ where: { ...base, placeId: { notIn: story.placeIds } } });
  await tx.storySector.deleteMany({ where: { ...base, sectorId: { notIn: story.sectorIds } } });
  await tx.storyPriorityTag.deleteMany({ where: { ...base, priorityTagId: { notIn: story.priorityTagIds } } });
  await tx.storyTeller.deleteMany({ where: { ...base, respondentId: { notIn: story.storytellerIds } } });
  await tx.storyAtRiskGroup.deleteMany({ where: base });
  await tx.storyContribution.deleteMany({ where: base });
  await tx.storySource.deleteMany({ where: base });
  await writeFigures(tx, base, story.figures);
  const rows = <T>(items: T[]) => ({ data: items, skipDuplicates: true });
  await tx.storyPlace.createMany(rows(story.placeIds.map((placeId) => ({ ...base, placeId }))));
  await tx.storySector.createMany(rows(story.sectorIds.map((sectorId) => ({ ...base, sectorId }))));
  await tx.storyPriorityTag.createMany(rows(story.priorityTagIds.map((priorityTagId) => ({ ...base, priorityTagId }))));
  await tx.storyTeller.createMany(rows(story.storytellerIds.map((respondentId) => ({ ...base, respondentId }))));
  await tx.storyAtRiskGroup.createMany({
    data: story.atRiskGroups.map((row) => ({ ...base, groupId: row.groupId, note: row.note })),
  });
  await tx.storyContribution.createMany({
    data: story.contributions.map((row) => ({
      ...base,
      projectId: row.projectId,
      howContributed: row.howContributed,
      howContributedTranslation: row.howContributedTranslation,
    })),
  });
  await tx.storySource.createMany({
    data: story.sources.map((source) => ({
      ...base,
      interviewId: source.kind === "INTERVIEW" ? source.id : null,
      focusGroupId: source.kind === "FOCUS_GROUP" ? source.id : null,
      excerptId: source.kind === "EXCERPT" ? source.id : null,
    })),
  });
}

type FigureFields = StoryFields["figures"][number];

async function writeFigures(
  tx: Tx,
  base: { evaluationId: string; storyId: string },
  figures: FigureFields[],
): Promise<void> {
  const keep = figures.flatMap((figure) => (figure.id ? [figure.id] : []));
  try {
    await tx.storyFigure.deleteMany({ where: { ...base, id: { notIn: keep } } });
  } catch (error) {
    // Restrict: an evidence item backs a figure the form dropped.
    if ((error as { code?: string }).code === "P2003") throw refuse("FIGURE_HAS_EVIDENCE", "figures");
    throw error;
  }
  // Positions are unique per story: park the kept figures on negative positions, then renumber.
  await tx.storyFigure.updateMany({ where: base, data: { position: { multiply: -1 } } });
  for (const [index, figure] of figures.entries()) {
    const data = figureColumns(figure, index);
    if (figure.id) await tx.storyFigure.updateMany({ where: { ...base, id: figure.id }, data });
    else await tx.storyFigure.create({ data: { ...base, ...data } });
  }
}
