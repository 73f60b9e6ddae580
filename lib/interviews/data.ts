/** Interview reads: the evaluation is in every `where`; people come as names and codes only. */
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import {
  editValues,
  recordDetail,
  recordDetailSelect,
  respondentLinkSelect,
  respondentsOf,
  storedRecordSelect,
  teamLinkSelect,
  teamOf,
} from "@/lib/fieldwork/data";
import type { Prisma } from "@/lib/generated/prisma/client";
import { validId } from "@/lib/core/ids";

/** Everything the interview page shows. Once per request: the page and its title share the read. */
export const getInterviewDetail = cache(async (evaluationId: string, interviewId: string) => {
  if (!validId(evaluationId) || !validId(interviewId)) return null;
  const row = await db().interview.findFirst({
    where: { id: interviewId, evaluationId },
    select: {
      ...recordDetailSelect,
      mode: true,
      durationMinutes: true,
      createdAt: true,
      interviewers: teamLinkSelect,
      respondents: respondentLinkSelect,
    },
  });
  return (
    row && { ...recordDetail(row), interviewers: teamOf(row.interviewers), respondents: respondentsOf(row.respondents) }
  );
});

export type InterviewDetail = NonNullable<Awaited<ReturnType<typeof getInterviewDetail>>>;

/**
 * The interview as stored, read alike by the edit form and by the save that compares with it
 * (`client` is the saving transaction there).
 */
export async function findStoredInterview(client: Prisma.TransactionClient, evaluationId: string, interviewId: string) {
  const row = await client.interview.findFirst({
    where: { id: interviewId, evaluationId },
    select: {
      ...storedRecordSelect,
      mode: true,
      durationMinutes: true,
      interviewers: { select: { userId: true } },
      respondents: { select: { respondentId: true } },
    },
  });
  if (!row) return null;
  const { interviewers, respondents, projects, ...interview } = row;
  return {
    ...interview,
    interviewerIds: interviewers.map((link) => link.userId),
    respondentIds: respondents.map((link) => link.respondentId),
    projectIds: projects.map((link) => link.projectId),
  };
}

/** The stored values as the edit form starts from them. */
export async function getInterviewForEdit(evaluationId: string, interviewId: string) {
  if (!validId(evaluationId) || !validId(interviewId)) return null;
  return editValues(await findStoredInterview(db(), evaluationId, interviewId));
}

export type InterviewEditValues = NonNullable<Awaited<ReturnType<typeof getInterviewForEdit>>>;
