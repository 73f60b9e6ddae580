/** Reads of what the team learned. Every read is scoped by the evaluation. */
import "server-only";
import { db } from "@/lib/db";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { SELECTED_ONWARD_STAGES } from "@/lib/stories/types";

/** Every learning in brief order (kind, then position), with texts, translators and links. */
export async function listLearnings(evaluationId: string, options: { storyStages?: StoryStage[] } = {}) {
  const rows = await db().learning.findMany({
    where: { evaluationId },
    orderBy: [{ kind: "asc" }, { position: "asc" }],
    select: {
      id: true,
      kind: true,
      position: true,
      audience: true,
      atRiskGroup: { select: { id: true, nameEs: true, nameEn: true } },
      version: true,
      updatedAt: true,
      texts: {
        orderBy: { locale: "asc" },
        select: {
          locale: true,
          title: true,
          body: true,
          sustainability: true,
          translatedBy: { select: { id: true, name: true } },
        },
      },
      stories: {
        where: options.storyStages ? { story: { stage: { in: options.storyStages } } } : undefined,
        orderBy: { story: { codeNumber: "asc" } },
        select: { story: { select: { id: true, code: true, title: true } } },
      },
      domains: {
        orderBy: { domain: { position: "asc" } },
        select: { domain: { select: { id: true, nameEs: true, nameEn: true } } },
      },
      _count: { select: { revisions: true } },
    },
  });
  return rows.map(({ stories, domains, _count, ...row }) => ({
    ...row,
    stories: stories.map((link) => link.story),
    domains: domains.map((link) => link.domain),
    revisionCount: _count.revisions,
  }));
}

export type LearningRow = Awaited<ReturnType<typeof listLearnings>>[number];

/** What the learning form offers: translators, the domains, the at-risk groups and the selected stories. */
export async function learningFormOptions(evaluationId: string) {
  const [members, domains, atRiskGroups, stories] = await Promise.all([
    db().evaluationMember.findMany({
      where: { evaluationId },
      orderBy: { user: { name: "asc" } },
      select: { user: { select: { id: true, name: true } } },
    }),
    db().domain.findMany({
      where: { evaluationId },
      orderBy: { position: "asc" },
      select: { id: true, nameEs: true, nameEn: true, retiredAt: true },
    }),
    db().atRiskGroup.findMany({
      where: { evaluationId },
      orderBy: { position: "asc" },
      select: { id: true, nameEs: true, nameEn: true },
    }),
    // The stories a learning may draw on: those a panel has selected, at any later step.
    db().changeStory.findMany({
      where: { evaluationId, stage: { in: [...SELECTED_ONWARD_STAGES] } },
      orderBy: { codeNumber: "asc" },
      take: 500,
      select: { id: true, code: true, title: true },
    }),
  ]);
  return {
    translators: members.map((member) => member.user),
    domains: domains.map(({ retiredAt, ...domain }) => ({ ...domain, retired: retiredAt !== null })),
    atRiskGroups,
    stories,
  };
}

export type LearningFormOptions = Awaited<ReturnType<typeof learningFormOptions>>;
