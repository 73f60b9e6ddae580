/**
 * Writing focus groups: one transaction that checks what the group names, writes the rows, moves
 * the transcript's excerpts when the transcript changed, and records the audit event (notes and
 * transcripts only as length + SHA-256).
 */
import { reject, type Rejection } from "@/lib/actions";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordTextAuditView } from "@/lib/excerpts/fingerprint";
import { excerptAuditChanges, reanchorTranscriptExcerpts } from "@/lib/excerpts/mutations";
import { changedFields, difference, sortedIds } from "@/lib/interviews/policy";
import { checkReferences } from "@/lib/interviews/references";
import type { FocusGroupInput, FocusGroupUpdateInput } from "./schema";

type Tx = Prisma.TransactionClient;
type Actor = { actorId: string; evaluationId: string; ipAddress?: string | null };

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);

function rowData(input: FocusGroupInput) {
  return {
    date: day(input.date),
    placeId: input.placeId,
    topic: input.topic,
    language: input.language,
    anonymousParticipantCount: input.anonymousParticipantCount,
    notes: input.notes,
    transcriptOriginal: input.transcriptOriginal,
    transcriptLanguage: input.transcriptLanguage,
    transcriptTranslation: input.transcriptTranslation,
    translationLanguage: input.translationLanguage,
    translatedById: input.translatedById,
  };
}

type Links = { facilitatorIds: string[]; participantIds: string[]; projectIds: string[] };

function auditView(value: ReturnType<typeof rowData> & Links) {
  return {
    date: value.date.toISOString().slice(0, 10),
    placeId: value.placeId,
    topic: value.topic,
    language: value.language,
    anonymousParticipantCount: value.anonymousParticipantCount,
    ...recordTextAuditView(value),
    facilitatorIds: sortedIds(value.facilitatorIds),
    participantIds: sortedIds(value.participantIds),
    projectIds: sortedIds(value.projectIds),
  };
}

function references(input: FocusGroupInput, newParticipantIds: string[]) {
  return {
    teamFields: { facilitatorIds: input.facilitatorIds, translatedById: input.translatedById ? [input.translatedById] : [] },
    newRespondentIds: newParticipantIds,
    respondentField: "participantIds",
    projectIds: input.projectIds,
    placeId: input.placeId,
  };
}

async function addLinks(tx: Tx, evaluationId: string, focusGroupId: string, links: Links) {
  const base = { evaluationId, focusGroupId };
  if (links.facilitatorIds.length > 0) {
    await tx.focusGroupFacilitator.createMany({ data: links.facilitatorIds.map((userId) => ({ ...base, userId })) });
  }
  if (links.participantIds.length > 0) {
    await tx.focusGroupParticipant.createMany({ data: links.participantIds.map((respondentId) => ({ ...base, respondentId })) });
  }
  if (links.projectIds.length > 0) await tx.focusGroupProject.createMany({ data: links.projectIds.map((projectId) => ({ ...base, projectId })) });
}

const linksOf = (input: Links): Links => ({ facilitatorIds: input.facilitatorIds, participantIds: input.participantIds, projectIds: input.projectIds });

export async function createFocusGroup(args: Actor & { input: FocusGroupInput }): Promise<{ id: string; version: number } | Rejection> {
  const { actorId, evaluationId, input } = args;
  return db().$transaction(async (tx) => {
    const problem = await checkReferences(tx, evaluationId, references(input, input.participantIds));
    if (problem) return problem;
    const data = rowData(input);
    const focusGroup = await tx.focusGroup.create({ data: { evaluationId, ...data }, select: { id: true, version: true } });
    await addLinks(tx, evaluationId, focusGroup.id, linksOf(input));
    await recordAudit(tx, {
      evaluationId,
      actorId,
      action: "focus_group.create",
      recordType: "FocusGroup",
      recordId: focusGroup.id,
      after: auditView({ ...data, ...linksOf(input) }),
      ipAddress: args.ipAddress,
    });
    return focusGroup;
  });
}

/** Saves an edit made on `input.version`; a stale version is refused and nothing is written. */
export async function updateFocusGroup(args: Actor & { input: FocusGroupUpdateInput }): Promise<{ id: string; version: number } | Rejection> {
  const { actorId, evaluationId, input } = args;
  return db().$transaction(async (tx) => {
    const current = await tx.focusGroup.findFirst({
      where: { id: input.focusGroupId, evaluationId },
      select: {
        version: true,
        date: true,
        placeId: true,
        topic: true,
        language: true,
        anonymousParticipantCount: true,
        notes: true,
        transcriptOriginal: true,
        transcriptLanguage: true,
        transcriptTranslation: true,
        translationLanguage: true,
        translatedById: true,
        facilitators: { select: { userId: true } },
        participants: { select: { respondentId: true } },
        projects: { select: { projectId: true } },
      },
    });
    if (!current) throw new AppError("NOT_FOUND", "focus group outside the evaluation");
    if (current.version !== input.version) return reject("VERSION_CONFLICT");

    const was: Links = {
      facilitatorIds: current.facilitators.map((row) => row.userId),
      participantIds: current.participants.map((row) => row.respondentId),
      projectIds: current.projects.map((row) => row.projectId),
    };
    const facilitators = difference(input.facilitatorIds, was.facilitatorIds);
    const participants = difference(input.participantIds, was.participantIds);
    const projects = difference(input.projectIds, was.projectIds);
    const problem = await checkReferences(tx, evaluationId, references(input, participants.added));
    if (problem) return problem;

    const data = rowData(input);
    const updated = await tx.focusGroup.updateMany({
      where: { id: input.focusGroupId, evaluationId, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count !== 1) return reject("VERSION_CONFLICT");

    const where = { evaluationId, focusGroupId: input.focusGroupId };
    if (facilitators.removed.length > 0) await tx.focusGroupFacilitator.deleteMany({ where: { ...where, userId: { in: facilitators.removed } } });
    if (participants.removed.length > 0) {
      await tx.focusGroupParticipant.deleteMany({ where: { ...where, respondentId: { in: participants.removed } } });
    }
    if (projects.removed.length > 0) await tx.focusGroupProject.deleteMany({ where: { ...where, projectId: { in: projects.removed } } });
    await addLinks(tx, evaluationId, input.focusGroupId, {
      facilitatorIds: facilitators.added,
      participantIds: participants.added,
      projectIds: projects.added,
    });

    const source = { focusGroupId: input.focusGroupId };
    const summaries = [
      await reanchorTranscriptExcerpts(tx, { evaluationId, source, variant: "ORIGINAL", oldText: current.transcriptOriginal, newText: data.transcriptOriginal }),
      await reanchorTranscriptExcerpts(tx, { evaluationId, source, variant: "TRANSLATION", oldText: current.transcriptTranslation, newText: data.transcriptTranslation }),
    ];

    const version = current.version + 1;
    const changes = changedFields({ ...auditView({ ...current, ...was }), version: current.version }, { ...auditView({ ...data, ...linksOf(input) }), version });
    const excerpts = excerptAuditChanges(summaries);
    await recordAudit(tx, {
      evaluationId,
      actorId,
      action: "focus_group.update",
      recordType: "FocusGroup",
      recordId: input.focusGroupId,
      before: { ...changes.before, ...excerpts.before },
      after: { ...changes.after, ...excerpts.after },
      ipAddress: args.ipAddress,
    });
    return { id: input.focusGroupId, version };
  });
}
