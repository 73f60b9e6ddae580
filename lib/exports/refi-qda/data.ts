/**
 * The records of one evaluation a REFI-QDA project is built from, read in one repeatable-read
 * transaction so the transcripts, passages and stories agree with each other. Every query has
 * the evaluation in its `where`; the identity table is never touched.
 */
import "server-only";
import { db } from "@/lib/db";
import { excerptPlaceSelect } from "@/lib/excerpts/data";
import type { ProjectRecords } from "./records";

export async function findProjectRecords(evaluationId: string): Promise<ProjectRecords | null> {
  return db().$transaction(
    async (tx) => {
      const where = { evaluationId };
      const evaluation = await tx.evaluation.findUnique({
        where: { id: evaluationId },
        select: { id: true, name: true },
      });
      if (!evaluation) return null;
      const transcriptFields = {
        id: true,
        date: true,
        transcriptOriginal: true,
        transcriptTranslation: true,
        translationLanguage: true,
      } as const;
      // One after another: the queries share the transaction's one connection.
      const domains = await tx.domain.findMany({
        where,
        orderBy: { position: "asc" },
        select: { id: true, position: true, nameEn: true, nameEs: true, definitionEn: true, definitionEs: true },
      });
      const atRiskGroups = await tx.atRiskGroup.findMany({
        where,
        orderBy: { position: "asc" },
        select: { id: true, position: true, nameEn: true, nameEs: true },
      });
      const respondents = await tx.respondent.findMany({
        where,
        orderBy: { codeNumber: "asc" },
        select: {
          id: true,
          code: true,
          codeNumber: true,
          type: true,
          gender: true,
          state: true,
          excludedAt: true,
          consents: {
            select: {
              givenOn: true,
              createdAt: true,
              withdrawnOn: true,
              withdrawalChoice: true,
              scopes: { select: { scope: true, granted: true } },
            },
          },
        },
      });
      const interviews = await tx.interview.findMany({
        where,
        orderBy: [{ date: "asc" }, { id: "asc" }],
        select: { ...transcriptFields, respondents: { select: { respondentId: true } } },
      });
      const focusGroups = await tx.focusGroup.findMany({
        where,
        orderBy: [{ date: "asc" }, { id: "asc" }],
        select: { ...transcriptFields, topic: true, participants: { select: { respondentId: true } } },
      });
      const excerpts = await tx.transcriptExcerpt.findMany({
        where,
        orderBy: { id: "asc" },
        select: { id: true, ...excerptPlaceSelect, quotedText: true },
      });
      const stories = await tx.changeStory.findMany({
        where: { ...where, sources: { some: { excerptId: { not: null } } } },
        orderBy: { codeNumber: "asc" },
        select: {
          id: true,
          code: true,
          codeNumber: true,
          title: true,
          whatChanged: true,
          whySignificant: true,
          changeType: true,
          storytellers: { select: { respondentId: true } },
          sources: { where: { excerptId: { not: null } }, select: { excerptId: true } },
          domainAssignments: { where: { endedAt: null }, select: { domainId: true } },
          atRiskGroups: { select: { groupId: true } },
        },
      });
      return {
        evaluation,
        domains,
        atRiskGroups,
        respondents,
        interviews: interviews.map(({ respondents: links, ...row }) => ({
          ...row,
          respondentIds: links.map((link) => link.respondentId),
        })),
        focusGroups: focusGroups.map(({ participants, ...row }) => ({
          ...row,
          participantIds: participants.map((link) => link.respondentId),
        })),
        excerpts,
        stories: stories.map(({ storytellers, sources, domainAssignments, atRiskGroups: groups, ...story }) => ({
          ...story,
          storytellerIds: storytellers.map((teller) => teller.respondentId),
          excerptIds: sources.flatMap((source) => (source.excerptId ? [source.excerptId] : [])),
          domainIds: domainAssignments.map((assignment) => assignment.domainId),
          atRiskGroupIds: groups.map((group) => group.groupId),
        })),
      };
    },
    { isolationLevel: "RepeatableRead" },
  );
}
