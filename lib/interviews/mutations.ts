/**
 * Writing interviews. Each call is one transaction that checks what the interview names, writes
 * the rows, moves the transcript's excerpts when the transcript changed, and records the audit
 * event (transcripts and notes only as length + SHA-256, never their words).
 */
import { reject, type Rejection } from "@/lib/actions";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordTextAuditView } from "@/lib/excerpts/fingerprint";
import { excerptAuditChanges, reanchorTranscriptExcerpts } from "@/lib/excerpts/mutations";
import { changedFields, difference, sortedIds } from "./policy";
import { checkReferences } from "./references";
import type { InterviewInput, InterviewUpdateInput } from "./schema";

type Tx = Prisma.TransactionClient;
type Actor = { actorId: string; evaluationId: string; ipAddress?: string | null };

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);

function rowData(input: InterviewInput) {
  return {
    date: day(input.date),
    mode: input.mode,
    placeId: input.placeId,
    language: input.language,
    durationMinutes: input.durationMinutes,
    notes: input.notes,
    transcriptOriginal: input.transcriptOriginal,
    transcriptLanguage: input.transcriptLanguage,
    transcriptTranslation: input.transcriptTranslation,
    translationLanguage: input.translationLanguage,
    translatedById: input.translatedById,
  };
}

type AuditedInterview = ReturnType<typeof rowData> & { interviewerIds: string[]; respondentIds: string[]; projectIds: string[] };

/** The interview as the audit trail sees it: free text replaced by its fingerprint. */
function auditView(value: AuditedInterview) {
  return {
    date: value.date.toISOString().slice(0, 10),
    mode: value.mode,
    placeId: value.placeId,
    language: value.language,
    durationMinutes: value.durationMinutes,
    ...recordTextAuditView(value),
    interviewerIds: sortedIds(value.interviewerIds),
    respondentIds: sortedIds(value.respondentIds),
    projectIds: sortedIds(value.projectIds),
  };
}

function references(input: InterviewInput, newRespondentIds: string[]) {
  return {
    teamFields: { interviewerIds: input.interviewerIds, translatedById: input.translatedById ? [input.translatedById] : [] },
    newRespondentIds,
    respondentField: "respondentIds",
    projectIds: input.projectIds,
    placeId: input.placeId,
  };
}

async function addLinks(tx: Tx, evaluationId: string, interviewId: string, links: { userIds: string[]; respondentIds: string[]; projectIds: string[] }) {
  const base = { evaluationId, interviewId };
  if (links.userIds.length > 0) await tx.interviewInterviewer.createMany({ data: links.userIds.map((userId) => ({ ...base, userId })) });
  if (links.respondentIds.length > 0) {
    await tx.interviewRespondent.createMany({ data: links.respondentIds.map((respondentId) => ({ ...base, respondentId })) });
  }
  if (links.projectIds.length > 0) await tx.interviewProject.createMany({ data: links.projectIds.map((projectId) => ({ ...base, projectId })) });
}

export async function createInterview(args: Actor & { input: InterviewInput }): Promise<{ id: string; version: number } | Rejection> {
  const { actorId, evaluationId, input } = args;
  return db().$transaction(async (tx) => {
    const problem = await checkReferences(tx, evaluationId, references(input, input.respondentIds));
    if (problem) return problem;
    const data = rowData(input);
    const interview = await tx.interview.create({ data: { evaluationId, ...data }, select: { id: true, version: true } });
    await addLinks(tx, evaluationId, interview.id, { userIds: input.interviewerIds, respondentIds: input.respondentIds, projectIds: input.projectIds });
    await recordAudit(tx, {
      evaluationId,
      actorId,
      action: "interview.create",
      recordType: "Interview",
      recordId: interview.id,
      after: auditView({ ...data, interviewerIds: input.interviewerIds, respondentIds: input.respondentIds, projectIds: input.projectIds }),
      ipAddress: args.ipAddress,
    });
    return interview;
  });
}

/**
 * Saves an edit made on `input.version`. A stale version is refused and nothing is written;
 * respondents already on the interview are not re-checked for consent (only new ones are).
 */
export async function updateInterview(args: Actor & { input: InterviewUpdateInput }): Promise<{ id: string; version: number } | Rejection> {
  const { actorId, evaluationId, input } = args;
  return db().$transaction(async (tx) => {
    const current = await tx.interview.findFirst({
      where: { id: input.interviewId, evaluationId },
      select: {
        id: true,
        version: true,
        date: true,
        mode: true,
        placeId: true,
        language: true,
        durationMinutes: true,
        notes: true,
        transcriptOriginal: true,
        transcriptLanguage: true,
        transcriptTranslation: true,
        translationLanguage: true,
        translatedById: true,
        interviewers: { select: { userId: true } },
        respondents: { select: { respondentId: true } },
        projects: { select: { projectId: true } },
      },
    });
    if (!current) throw new AppError("NOT_FOUND", "interview outside the evaluation");
    if (current.version !== input.version) return reject("VERSION_CONFLICT");

    const was = {
      interviewerIds: current.interviewers.map((row) => row.userId),
      respondentIds: current.respondents.map((row) => row.respondentId),
      projectIds: current.projects.map((row) => row.projectId),
    };
    const interviewers = difference(input.interviewerIds, was.interviewerIds);
    const respondents = difference(input.respondentIds, was.respondentIds);
    const projects = difference(input.projectIds, was.projectIds);
    const problem = await checkReferences(tx, evaluationId, references(input, respondents.added));
    if (problem) return problem;

    const data = rowData(input);
    // The version in the where makes a concurrent save that got here first win; this one then writes nothing.
    const updated = await tx.interview.updateMany({
      where: { id: input.interviewId, evaluationId, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count !== 1) return reject("VERSION_CONFLICT");

    const where = { evaluationId, interviewId: input.interviewId };
    if (interviewers.removed.length > 0) await tx.interviewInterviewer.deleteMany({ where: { ...where, userId: { in: interviewers.removed } } });
    if (respondents.removed.length > 0) await tx.interviewRespondent.deleteMany({ where: { ...where, respondentId: { in: respondents.removed } } });
    if (projects.removed.length > 0) await tx.interviewProject.deleteMany({ where: { ...where, projectId: { in: projects.removed } } });
    await addLinks(tx, evaluationId, input.interviewId, { userIds: interviewers.added, respondentIds: respondents.added, projectIds: projects.added });

    const source = { interviewId: input.interviewId };
    const summaries = [
      await reanchorTranscriptExcerpts(tx, { evaluationId, source, variant: "ORIGINAL", oldText: current.transcriptOriginal, newText: data.transcriptOriginal }),
      await reanchorTranscriptExcerpts(tx, { evaluationId, source, variant: "TRANSLATION", oldText: current.transcriptTranslation, newText: data.transcriptTranslation }),
    ];

    const version = current.version + 1;
    const changes = changedFields(
      { ...auditView({ ...current, ...was }), version: current.version },
      { ...auditView({ ...data, interviewerIds: input.interviewerIds, respondentIds: input.respondentIds, projectIds: input.projectIds }), version },
    );
    const excerpts = excerptAuditChanges(summaries);
    await recordAudit(tx, {
      evaluationId,
      actorId,
      action: "interview.update",
      recordType: "Interview",
      recordId: input.interviewId,
      before: { ...changes.before, ...excerpts.before },
      after: { ...changes.after, ...excerpts.after },
      ipAddress: args.ipAddress,
    });
    return { id: input.interviewId, version };
  });
}

/** A read of a transcript is part of the record: who read which interview's words, and when. */
export async function recordTranscriptRead(args: Actor & { recordType: "Interview" | "FocusGroup"; recordId: string }) {
  const action = args.recordType === "Interview" ? "interview.transcript.read" : "focus_group.transcript.read";
  await db().$transaction((tx) =>
    recordAudit(tx, { evaluationId: args.evaluationId, actorId: args.actorId, action, recordType: args.recordType, recordId: args.recordId, ipAddress: args.ipAddress }),
  );
}
