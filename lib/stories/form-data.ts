/**
 * The choices the story form offers, all from one evaluation: places, sectors, priorities, at-risk groups,
 * projects, respondents (codes only — never identities), interviews, focus groups, excerpts and
 * the team (translator, collector). A fixed number of queries, whatever the size of the lists.
 */
import "server-only";
import { isoDay } from "@/lib/core/calendar-day";
import { placeLabel } from "@/lib/fieldwork/data";
import { db } from "@/lib/db";

const PREVIEW_LENGTH = 90;

function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH - 1)}…` : flat;
}

export async function getStoryFormOptions(evaluationId: string) {
  const client = db();
  const where = { evaluationId };
  const [
    places,
    sectors,
    priorityTags,
    atRiskGroups,
    projects,
    respondents,
    interviews,
    focusGroups,
    excerpts,
    members,
  ] = await Promise.all([
    client.place.findMany({
      where,
      orderBy: [{ state: "asc" }, { municipality: "asc" }],
      select: { id: true, countryCode: true, state: true, municipality: true, community: true },
    }),
    client.sector.findMany({ where, orderBy: { nameEn: "asc" }, select: { id: true, nameEn: true, nameEs: true } }),
    client.priorityTag.findMany({
      where,
      orderBy: { position: "asc" },
      select: { id: true, nameEn: true, nameEs: true },
    }),
    client.atRiskGroup.findMany({
      where,
      orderBy: { position: "asc" },
      select: { id: true, nameEn: true, nameEs: true },
    }),
    client.project.findMany({
      where,
      orderBy: { acronym: "asc" },
      select: { id: true, acronym: true, name: true, retiredAt: true },
    }),
    client.respondent.findMany({
      where,
      orderBy: { codeNumber: "asc" },
      select: { id: true, code: true, excludedAt: true },
    }),
    client.interview.findMany({
      where,
      orderBy: [{ date: "asc" }, { id: "asc" }],
      select: { id: true, date: true, respondents: { select: { respondent: { select: { code: true } } } } },
    }),
    client.focusGroup.findMany({
      where,
      orderBy: [{ date: "asc" }, { id: "asc" }],
      select: { id: true, date: true, topic: true },
    }),
    client.transcriptExcerpt.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        quotedText: true,
        interview: { select: { date: true } },
        focusGroup: { select: { date: true } },
      },
    }),
    client.evaluationMember.findMany({ where, select: { user: { select: { id: true, name: true } } } }),
  ]);
  return {
    places: places.map((place) => ({ id: place.id, label: placeLabel(place) })),
    sectors,
    priorityTags,
    atRiskGroups,
    // Retired ones too: the form offers them only to a story that already names them.
    projects: projects.map(({ retiredAt, ...project }) => ({ ...project, retired: retiredAt !== null })),
    respondents: respondents.map((respondent) => ({
      id: respondent.id,
      code: respondent.code,
      excluded: respondent.excludedAt !== null,
    })),
    interviews: interviews.map((interview) => ({
      id: interview.id,
      date: isoDay(interview.date),
      respondentCodes: interview.respondents.map(({ respondent }) => respondent.code).sort(),
    })),
    focusGroups: focusGroups.map((group) => ({ id: group.id, date: isoDay(group.date), topic: group.topic })),
    excerpts: excerpts.map((excerpt) => ({
      id: excerpt.id,
      date: isoDay((excerpt.interview ?? excerpt.focusGroup)!.date),
      parent: excerpt.interview ? ("INTERVIEW" as const) : ("FOCUS_GROUP" as const),
      preview: preview(excerpt.quotedText),
    })),
    team: members.map(({ user }) => user).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The language a new story starts in: the evaluation's first, the usual language of its material. */
export async function getDefaultStoryLanguage(evaluationId: string): Promise<string | null> {
  const evaluation = await db().evaluation.findUnique({ where: { id: evaluationId }, select: { languages: true } });
  return evaluation ? (evaluation.languages[0] ?? "ES").toLowerCase() : null;
}

export type StoryFormOptions = Awaited<ReturnType<typeof getStoryFormOptions>>;
