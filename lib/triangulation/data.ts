/**
 * Triangulation reads. The evaluation is in every `where`; evidence is loaded through its story or
 * by (evaluationId, id), never by its id alone. Lists never load the attachment's bytes
 * (`omit: { content: true }`); only the download route reads them, one item at a time.
 *
 * Indexes used: evidence_item (evaluation_id, story_id, source_type) for a story's items and the
 * matrix's counts; triangulation_sign_off (evaluation_id, story_id, signed_at) for the newest
 * sign-off; domain_assignment (evaluation_id, domain_id, kind, ended_at, story_id) and
 * change_story (evaluation_id, code_number) for the matrix's page of stories.
 */
import "server-only";
import { db } from "@/lib/db";
import type { EvidenceSourceType, EvidenceStance, StoryStage } from "@/lib/generated/prisma/enums";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TriangulationFacts } from "./policy";
import { validId } from "@/lib/core/ids";
import { SELECTED_ONWARD_STAGES } from "@/lib/stories/types";

type Client = PrismaClient | Prisma.TransactionClient;

/** The facts of `triangulationBlockers`, read with the caller's client (inside a transaction when it is one). */
export async function loadTriangulationFacts(
  client: Client,
  evaluationId: string,
  storyId: string,
): Promise<(TriangulationFacts & { stage: StoryStage }) | null> {
  if (!validId(evaluationId) || !validId(storyId)) return null;
  // One after the other: a transaction's connection runs one query at a time.
  const story = await client.changeStory.findFirst({
    where: { id: storyId, evaluationId },
    select: { version: true, stage: true },
  });
  if (!story) return null;
  const evidence = await client.evidenceItem.findMany({
    where: { evaluationId, storyId },
    select: { id: true, sourceType: true, stance: true, response: true, supportNote: true, updatedAt: true },
  });
  const signOff = await client.triangulationSignOff.findFirst({
    where: { evaluationId, storyId },
    orderBy: { signedAt: "desc" },
    select: { storyVersion: true, signedAt: true },
  });
  return {
    stage: story.stage,
    storyVersion: story.version,
    evidence: evidence.map((item) => ({
      id: item.id,
      sourceType: item.sourceType,
      stance: item.stance,
      hasResponse: Boolean(item.response?.trim()),
      hasSupportNote: item.stance === "MIXED" && Boolean(item.supportNote?.trim()),
      updatedAt: item.updatedAt,
    })),
    signOff,
  };
}

/** The same facts on their own, for the readiness panel. */
export async function getTriangulationFacts(evaluationId: string, storyId: string) {
  return loadTriangulationFacts(db(), evaluationId, storyId);
}

/** An evidence item's own columns: what the list shows and what a save compares with (mutations.ts). */
export const storedEvidenceSelect = {
  storyId: true,
  version: true,
  sourceType: true,
  citation: true,
  whatItShows: true,
  whatItShowsTranslation: true,
  stance: true,
  strength: true,
  figureId: true,
  response: true,
  supportNote: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  contentSha256: true,
} as const;

const evidenceListSelect = {
  id: true,
  ...storedEvidenceSelect,
  createdAt: true,
  updatedAt: true,
  addedBy: { select: { name: true } },
  figure: { select: { label: true, labelTranslation: true } },
} as const;

/** A story's evidence, newest last; the attachment's bytes are never read here. */
export async function listStoryEvidence(evaluationId: string, storyId: string) {
  if (!validId(evaluationId) || !validId(storyId)) return [];
  return db().evidenceItem.findMany({
    where: { evaluationId, storyId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: evidenceListSelect,
  });
}

export type EvidenceListItem = Awaited<ReturnType<typeof listStoryEvidence>>[number];

/** One evidence item for its edit page, or null (answer 404). */
export async function getEvidenceItem(evaluationId: string, evidenceId: string) {
  if (!validId(evaluationId) || !validId(evidenceId)) return null;
  return db().evidenceItem.findFirst({ where: { id: evidenceId, evaluationId }, select: evidenceListSelect });
}

/** The attachment with its bytes, for the download route only. */
export async function getEvidenceAttachment(evaluationId: string, evidenceId: string) {
  if (!validId(evaluationId) || !validId(evidenceId)) return null;
  const row = await db().evidenceItem.findFirst({
    where: { id: evidenceId, evaluationId },
    select: {
      id: true,
      storyId: true,
      fileName: true,
      mimeType: true,
      sizeBytes: true,
      contentSha256: true,
      content: true,
    },
  });
  if (!row?.content || !row.fileName || !row.mimeType) return null;
  return { ...row, content: row.content, fileName: row.fileName, mimeType: row.mimeType };
}

/** The story's figures, for the "backs figure" choice. */
export async function listStoryFigures(evaluationId: string, storyId: string) {
  if (!validId(evaluationId) || !validId(storyId)) return [];
  return db().storyFigure.findMany({
    where: { evaluationId, storyId },
    orderBy: { position: "asc" },
    select: { id: true, label: true, labelTranslation: true, value: true, unit: true },
  });
}

/** The newest sign-off, with who gave it, for the readiness panel. */
export async function getLatestSignOff(evaluationId: string, storyId: string) {
  if (!validId(evaluationId) || !validId(storyId)) return null;
  return db().triangulationSignOff.findFirst({
    where: { evaluationId, storyId },
    orderBy: { signedAt: "desc" },
    select: { storyVersion: true, signedAt: true, note: true, analyst: { select: { name: true } } },
  });
}

/** Stages a story has reached once chosen by a panel: the matrix shows these. */
export const MATRIX_STAGES: readonly StoryStage[] = SELECTED_ONWARD_STAGES;

export const MATRIX_PAGE_SIZE = 50;

export type MatrixCell = Partial<Record<EvidenceStance, number>>;
export type MatrixRow = {
  id: string;
  code: string;
  title: string;
  stage: StoryStage;
  cells: Partial<Record<EvidenceSourceType, MatrixCell>>;
};

/**
 * The triangulation matrix of a domain: one page of its selected stories (by current primary
 * domain, in code order) and, in ONE grouped query for the whole page, how many evidence items
 * of each source type and stance each has.
 */
export async function getTriangulationMatrix(evaluationId: string, domainId: string, page: number) {
  const empty = { rows: [] as MatrixRow[], total: 0, page: 1, pageCount: 1, pageSize: MATRIX_PAGE_SIZE };
  if (!validId(evaluationId) || !validId(domainId)) return empty;
  const client = db();
  const where: Prisma.ChangeStoryWhereInput = {
    evaluationId,
    stage: { in: [...MATRIX_STAGES] },
    domainAssignments: { some: { evaluationId, domainId, kind: "PRIMARY", endedAt: null } },
  };
  const total = await client.changeStory.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / MATRIX_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const stories = await client.changeStory.findMany({
    where,
    orderBy: { codeNumber: "asc" },
    skip: (current - 1) * MATRIX_PAGE_SIZE,
    take: MATRIX_PAGE_SIZE,
    select: { id: true, code: true, title: true, stage: true },
  });
  const counts = stories.length
    ? await client.evidenceItem.groupBy({
        by: ["storyId", "sourceType", "stance"],
        where: { evaluationId, storyId: { in: stories.map((story) => story.id) } },
        _count: { _all: true },
      })
    : [];
  const rows: MatrixRow[] = stories.map((story) => ({ ...story, cells: {} }));
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const count of counts) {
    const row = byId.get(count.storyId);
    if (!row) continue;
    const cell = (row.cells[count.sourceType] ??= {});
    cell[count.stance] = count._count._all;
  }
  return { rows, total, page: current, pageCount, pageSize: MATRIX_PAGE_SIZE };
}

/** The story's heading and the fields the triangulation pages show, or null (answer 404). */
export async function getTriangulationStory(evaluationId: string, storyId: string) {
  if (!validId(evaluationId) || !validId(storyId)) return null;
  return db().changeStory.findFirst({
    where: { id: storyId, evaluationId },
    select: {
      id: true,
      code: true,
      title: true,
      stage: true,
      version: true,
      contributionNarrative: true,
      contributionRating: true,
      contributionRatingReason: true,
      sustainabilityAssessment: true,
      sustainabilityConditions: true,
      sustainabilityRisks: true,
      contributions: {
        orderBy: { createdAt: "asc" },
        select: { projectId: true, howContributed: true, project: { select: { acronym: true } } },
      },
    },
  });
}

/** The projects a story's contribution may name: current ones, and retired ones only where the story already names them. */
export async function listContributionProjects(evaluationId: string, namedProjectIds: string[]) {
  if (!validId(evaluationId)) return [];
  return db().project.findMany({
    where: { evaluationId, OR: [{ retiredAt: null }, { id: { in: namedProjectIds.filter(validId) } }] },
    orderBy: { acronym: "asc" },
    select: { id: true, acronym: true, name: true },
  });
}
