/** Interview reads: the evaluation is in every `where`; people come as names and codes only. */
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import {
  findRecordDetail,
  findStoredRecord,
  recordDetailSelect,
  respondentLinkSelect,
  respondentsOf,
  storedForEdit,
  storedRecordSelect,
  teamLinkSelect,
  teamOf,
} from "@/lib/fieldwork/data";
import { linkTable } from "@/lib/fieldwork/links";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Everything the interview page shows. Once per request: the page and its title share the read. */
export const getInterviewDetail = cache(async (evaluationId: string, interviewId: string) => {
  const detail = await findRecordDetail(evaluationId, interviewId, (where) =>
    db().interview.findFirst({
      where,
      select: {
        ...recordDetailSelect,
        mode: true,
        durationMinutes: true,
        createdAt: true,
        interviewers: teamLinkSelect,
        respondents: respondentLinkSelect,
      },
    }),
  );
  return (
    detail && {
      ...detail,
      interviewers: teamOf(detail.interviewers),
      respondents: respondentsOf(detail.respondents),
    }
  );
});

export type InterviewDetail = NonNullable<Awaited<ReturnType<typeof getInterviewDetail>>>;

/** The interview's link tables, under the field names of its form. */
export const interviewLinks = {
  interviewerIds: linkTable("interviewId", "userId", (tx) => tx.interviewInterviewer),
  respondentIds: linkTable("interviewId", "respondentId", (tx) => tx.interviewRespondent),
  projectIds: linkTable("interviewId", "projectId", (tx) => tx.interviewProject),
};

/** The interview as stored (lib/fieldwork/data.ts), with its own columns. */
export function findStoredInterview(client: Prisma.TransactionClient, evaluationId: string, interviewId: string) {
  return findStoredRecord(client, interviewLinks, { id: interviewId, evaluationId }, (where) =>
    client.interview.findFirst({ where, select: { ...storedRecordSelect, mode: true, durationMinutes: true } }),
  );
}

/** The stored values as the edit form starts from them. */
export function getInterviewForEdit(evaluationId: string, interviewId: string) {
  return storedForEdit(evaluationId, interviewId, findStoredInterview);
}

export type InterviewEditValues = NonNullable<Awaited<ReturnType<typeof getInterviewForEdit>>>;
