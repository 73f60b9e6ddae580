/**
 * The rows that hang off a story, written inside the story's save transaction: first every id the
 * form sent is checked against this evaluation (one query per kind), then the child rows are made
 * to match the form. The composite foreign keys would refuse another evaluation's ids too; checking
 * first turns that into a refusal next to the right field.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { Refusal } from "@/lib/core/refusal";
import type { StoryFields } from "./schema";

type Tx = Prisma.TransactionClient;

async function firstMissing(ids: string[], found: Promise<Array<{ id: string }>>): Promise<number> {
  const present = new Set((await found).map((row) => row.id));
  return ids.findIndex((id) => !present.has(id));
}

/** A retired project may stay among a story's contributions, but is not added anew (PROJECT_RETIRED). */
async function refuseNewRetiredProjects(tx: Tx, evaluationId: string, projectIds: string[], storyId: string | null) {
  if (projectIds.length === 0) return;
  const retired = await tx.project.findMany({
    where: { evaluationId, id: { in: projectIds }, retiredAt: { not: null } },
    select: { id: true },
  });
  if (retired.length === 0) return;
  const kept = storyId
    ? await tx.storyContribution.findMany({
        where: { evaluationId, storyId, projectId: { in: retired.map((row) => row.id) } },
        select: { projectId: true },
      })
    : [];
  const allowed = new Set(kept.map((row) => row.projectId));
  const index = projectIds.findIndex((id) => retired.some((row) => row.id === id) && !allowed.has(id));
  if (index >= 0) throw new Refusal("PROJECT_RETIRED", `contributions.${index}.projectId`);
}

/** Refuses (NOT_IN_EVALUATION, with the field) the first id that is not this evaluation's (or this story's, for figures). */
export async function checkReferences(
  tx: Tx,
  evaluationId: string,
  story: StoryFields,
  storyId: string | null,
): Promise<void> {
  const where = (ids: string[]) => ({ evaluationId, id: { in: ids } });
  const select = { id: true } as const;
  const sourceIds = (kind: string) =>
    story.sources.flatMap((source, index) => (source.kind === kind ? [{ id: source.id, index }] : []));
  const interviews = sourceIds("INTERVIEW");
  const focusGroups = sourceIds("FOCUS_GROUP");
  const excerpts = sourceIds("EXCERPT");
  const people = [story.translatedById, story.collectedById].filter((id): id is string => id !== null);
  const figureIds = story.figures.flatMap((figure, index) => (figure.id ? [{ id: figure.id, index }] : []));
  const projectIds = story.contributions.map((row) => row.projectId);

  const checks: Array<[string, string[], (ids: string[]) => Promise<Array<{ id: string }>>]> = [
    ["placeIds", story.placeIds, (ids) => tx.place.findMany({ where: where(ids), select })],
    ["sectorIds", story.sectorIds, (ids) => tx.sector.findMany({ where: where(ids), select })],
    ["priorityTagIds", story.priorityTagIds, (ids) => tx.priorityTag.findMany({ where: where(ids), select })],
    [
      "atRiskGroups",
      story.atRiskGroups.map((row) => row.groupId),
      (ids) => tx.atRiskGroup.findMany({ where: where(ids), select }),
    ],
    ["storytellerIds", story.storytellerIds, (ids) => tx.respondent.findMany({ where: where(ids), select })],
    ["contributions", projectIds, (ids) => tx.project.findMany({ where: where(ids), select })],
  ];
  for (const [field, ids, find] of checks) {
    if (ids.length === 0) continue;
    const index = await firstMissing(ids, find(ids));
    const path =
      field === "contributions"
        ? `contributions.${index}.projectId`
        : field === "atRiskGroups"
          ? `atRiskGroups.${index}.groupId`
          : `${field}.${index}`;
    if (index >= 0) throw new Refusal("NOT_IN_EVALUATION", path);
  }
  await refuseNewRetiredProjects(tx, evaluationId, projectIds, storyId);
  const kinds: Array<[typeof interviews, (ids: string[]) => Promise<Array<{ id: string }>>]> = [
    [interviews, (ids) => tx.interview.findMany({ where: where(ids), select })],
    [focusGroups, (ids) => tx.focusGroup.findMany({ where: where(ids), select })],
    [excerpts, (ids) => tx.transcriptExcerpt.findMany({ where: where(ids), select })],
  ];
  for (const [entries, find] of kinds) {
    if (entries.length === 0) continue;
    const ids = entries.map((entry) => entry.id);
    const missing = await firstMissing(ids, find(ids));
    if (missing >= 0) throw new Refusal("NOT_IN_EVALUATION", `sources.${entries[missing]!.index}.id`);
  }
  if (people.length) {
    const members = await tx.evaluationMember.findMany({
      where: { evaluationId, userId: { in: people } },
      select: { userId: true },
    });
    const memberIds = new Set(members.map((member) => member.userId));
    if (story.translatedById && !memberIds.has(story.translatedById))
      throw new Refusal("NOT_IN_EVALUATION", "translatedById");
    if (story.collectedById && !memberIds.has(story.collectedById))
      throw new Refusal("NOT_IN_EVALUATION", "collectedById");
  }
  if (figureIds.length) {
    // A figure id must be one of this story's own figures: a new story has none.
    const own = storyId
      ? await tx.storyFigure.findMany({
          where: { evaluationId, storyId, id: { in: figureIds.map((f) => f.id) } },
          select,
        })
      : [];
    const ownIds = new Set(own.map((row) => row.id));
    const stranger = figureIds.find((figure) => !ownIds.has(figure.id));
    if (stranger) throw new Refusal("NOT_IN_EVALUATION", `figures.${stranger.index}.id`);
  }
}

/** Makes the story's child rows match the form. Figures are kept by id (evidence may point at them). */
export async function writeStoryChildren(
  tx: Tx,
  evaluationId: string,
  storyId: string,
  story: StoryFields,
  isNew: boolean,
): Promise<void> {
  const base = { evaluationId, storyId };
  if (!isNew) {
    await tx.storyPlace.deleteMany({ where: { ...base, placeId: { notIn: story.placeIds } } });
    await tx.storySector.deleteMany({ where: { ...base, sectorId: { notIn: story.sectorIds } } });
    await tx.storyPriorityTag.deleteMany({ where: { ...base, priorityTagId: { notIn: story.priorityTagIds } } });
    await tx.storyTeller.deleteMany({ where: { ...base, respondentId: { notIn: story.storytellerIds } } });
    await tx.storyAtRiskGroup.deleteMany({ where: base });
    await tx.storyContribution.deleteMany({ where: base });
    await tx.storySource.deleteMany({ where: base });
    await writeFigures(tx, base, story.figures);
  } else if (story.figures.length > 0) {
    // A new story has no figures to keep, drop or renumber: one insert (an import writes thousands).
    await tx.storyFigure.createMany({
      data: story.figures.map((figure, index) => ({ ...base, ...figureColumns(figure, index) })),
    });
  }
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

/** A figure's stored columns at its place in the form's order (positions count from 1). */
function figureColumns(figure: FigureFields, index: number) {
  return {
    position: index + 1,
    label: figure.label,
    labelTranslation: figure.labelTranslation,
    qualifier: figure.qualifier,
    value: figure.value,
    valueMax: figure.valueMax,
    unit: figure.unit,
    unitTranslation: figure.unitTranslation,
  };
}

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
    if ((error as { code?: string }).code === "P2003") throw new Refusal("FIGURE_HAS_EVIDENCE", "figures");
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
