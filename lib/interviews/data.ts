/**
 * What the interview and focus-group forms offer: the team, the respondents (code, state and
 * whether they may be heard — never their identity), the projects and the places.
 */
import { cache } from "react";
import { db } from "@/lib/db";
import { hearingEligibility, type HearingEligibility } from "./policy";

export type FieldworkFormOptions = {
  evaluationName: string;
  team: Array<{ userId: string; name: string }>;
  respondents: Array<{ id: string; code: string; state: string; eligibility: HearingEligibility }>;
  projects: Array<{ id: string; acronym: string; name: string }>;
  places: Array<{ id: string; label: string }>;
};

const validId = (id: string) => typeof id === "string" && id.length > 0 && id.length <= 64;

export function placeLabel(place: { state: string; municipality: string | null; community: string | null }): string {
  return [place.state, place.municipality, place.community].filter(Boolean).join(" · ");
}

export async function getFieldworkFormOptions(evaluationId: string): Promise<FieldworkFormOptions | null> {
  if (!validId(evaluationId)) return null;
  const evaluation = await db().evaluation.findFirst({
    where: { id: evaluationId },
    select: {
      name: true,
      members: { select: { userId: true, user: { select: { name: true } } } },
      respondents: {
        orderBy: { codeNumber: "asc" },
        select: {
          id: true,
          code: true,
          state: true,
          excludedAt: true,
          consents: {
            where: { evaluationId },
            select: {
              givenOn: true,
              createdAt: true,
              withdrawnOn: true,
              withdrawalChoice: true,
              scopes: { where: { scope: "INTERVIEW" }, select: { scope: true, granted: true } },
            },
          },
        },
      },
      projects: { orderBy: { acronym: "asc" }, select: { id: true, acronym: true, name: true } },
      places: { select: { id: true, state: true, municipality: true, community: true } },
    },
  });
  if (!evaluation) return null;
  const collator = new Intl.Collator("es");
  return {
    evaluationName: evaluation.name,
    team: evaluation.members.map((member) => ({ userId: member.userId, name: member.user.name })).sort((a, b) => collator.compare(a.name, b.name)),
    respondents: evaluation.respondents.map((respondent) => ({
      id: respondent.id,
      code: respondent.code,
      state: respondent.state,
      eligibility: hearingEligibility(respondent),
    })),
    projects: evaluation.projects,
    places: evaluation.places.map((place) => ({ id: place.id, label: placeLabel(place) })).sort((a, b) => collator.compare(a.label, b.label)),
  };
}

/** Everything the interview page shows; people as names and respondent codes only. */
/** Once per request: the page and its title share the read. */
export const getInterviewDetail = cache(async (evaluationId: string, interviewId: string) => {
  if (!validId(evaluationId) || !validId(interviewId)) return null;
  const row = await db().interview.findFirst({
    where: { id: interviewId, evaluationId },
    select: {
      id: true,
      version: true,
      date: true,
      mode: true,
      language: true,
      durationMinutes: true,
      notes: true,
      transcriptOriginal: true,
      transcriptLanguage: true,
      transcriptTranslation: true,
      translationLanguage: true,
      createdAt: true,
      updatedAt: true,
      evaluation: { select: { name: true } },
      place: { select: { state: true, municipality: true, community: true } },
      translatedBy: { select: { name: true } },
      interviewers: { select: { user: { select: { id: true, name: true } } } },
      respondents: { select: { respondent: { select: { id: true, code: true, codeNumber: true } } } },
      projects: { select: { project: { select: { id: true, acronym: true, name: true } } } },
    },
  });
  if (!row) return null;
  const { evaluation, place, translatedBy, interviewers, respondents, projects, ...interview } = row;
  return {
    ...interview,
    evaluationName: evaluation.name,
    place: place ? placeLabel(place) : null,
    translatedBy: translatedBy?.name ?? null,
    interviewers: interviewers.map((link) => link.user).sort((a, b) => a.name.localeCompare(b.name)),
    respondents: respondents.map((link) => link.respondent).sort((a, b) => a.codeNumber - b.codeNumber),
    projects: projects.map((link) => link.project).sort((a, b) => a.acronym.localeCompare(b.acronym)),
  };
});

export type InterviewDetail = NonNullable<Awaited<ReturnType<typeof getInterviewDetail>>>;

/** The stored values as the edit form starts from them. */
export async function getInterviewForEdit(evaluationId: string, interviewId: string) {
  if (!validId(evaluationId) || !validId(interviewId)) return null;
  const row = await db().interview.findFirst({
    where: { id: interviewId, evaluationId },
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
  if (!row) return null;
  const { interviewers, respondents, projects, date, ...rest } = row;
  return {
    ...rest,
    date: date.toISOString().slice(0, 10),
    interviewerIds: interviewers.map((link) => link.userId),
    respondentIds: respondents.map((link) => link.respondentId),
    projectIds: projects.map((link) => link.projectId),
  };
}

export type InterviewEditValues = NonNullable<Awaited<ReturnType<typeof getInterviewForEdit>>>;
