/** Focus-group reads; the evaluation is in every `where`, people come as names and codes only. */
import { cache } from "react";
import { db } from "@/lib/db";
import { placeLabel } from "@/lib/interviews/data";

const validId = (id: string) => typeof id === "string" && id.length > 0 && id.length <= 64;

/** Once per request: the page and its title share the read. */
export const getFocusGroupDetail = cache(async (evaluationId: string, focusGroupId: string) => {
  if (!validId(evaluationId) || !validId(focusGroupId)) return null;
  const row = await db().focusGroup.findFirst({
    where: { id: focusGroupId, evaluationId },
    select: {
      id: true,
      version: true,
      date: true,
      topic: true,
      language: true,
      anonymousParticipantCount: true,
      notes: true,
      transcriptOriginal: true,
      transcriptLanguage: true,
      transcriptTranslation: true,
      translationLanguage: true,
      updatedAt: true,
      evaluation: { select: { name: true } },
      place: { select: { state: true, municipality: true, community: true } },
      translatedBy: { select: { name: true } },
      facilitators: { select: { user: { select: { id: true, name: true } } } },
      participants: { select: { respondent: { select: { id: true, code: true, codeNumber: true } } } },
      projects: { select: { project: { select: { id: true, acronym: true, name: true } } } },
    },
  });
  if (!row) return null;
  const { evaluation, place, translatedBy, facilitators, participants, projects, ...focusGroup } = row;
  return {
    ...focusGroup,
    evaluationName: evaluation.name,
    place: place ? placeLabel(place) : null,
    translatedBy: translatedBy?.name ?? null,
    facilitators: facilitators.map((link) => link.user).sort((a, b) => a.name.localeCompare(b.name)),
    participants: participants.map((link) => link.respondent).sort((a, b) => a.codeNumber - b.codeNumber),
    projects: projects.map((link) => link.project).sort((a, b) => a.acronym.localeCompare(b.acronym)),
  };
});

export async function getFocusGroupForEdit(evaluationId: string, focusGroupId: string) {
  if (!validId(evaluationId) || !validId(focusGroupId)) return null;
  const row = await db().focusGroup.findFirst({
    where: { id: focusGroupId, evaluationId },
    select: {
      id: true,
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
  if (!row) return null;
  const { facilitators, participants, projects, date, ...rest } = row;
  return {
    ...rest,
    date: date.toISOString().slice(0, 10),
    facilitatorIds: facilitators.map((link) => link.userId),
    participantIds: participants.map((link) => link.respondentId),
    projectIds: projects.map((link) => link.projectId),
  };
}
