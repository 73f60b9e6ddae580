/**
 * Reads of the brief. Outcomes are selected by stage through the (evaluation, stage, ...) index,
 * so 21 approved among 100,000 stories cost the same as 21 alone; their child rows come in one
 * query per kind, never one per story. Every figure of the method is counted in PostgreSQL.
 */
import "server-only";
import { isoDay } from "@/lib/core/calendar-day";
import { db } from "@/lib/db";
import { evaluationTitleSelect } from "@/lib/evaluations/data";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { storyFigureSelect } from "@/lib/stories/data";
import { plainDecimal, translationSourcesSchema } from "@/lib/stories/snapshot";
import { figurePath, isCurrentTranslation } from "@/lib/translations/story-sources";

/** The title block: what the evaluation is, for whom, by whom. */
export async function findBriefEvaluation(evaluationId: string) {
  return db().evaluation.findUnique({
    where: { id: evaluationId },
    select: evaluationTitleSelect,
  });
}

/**
 * The outcomes at the given stages with what their sentence needs and their current primary
 * domain. No storyteller, source or respondent is read: the brief names no one.
 */
export async function listBriefOutcomes(evaluationId: string, stages: readonly StoryStage[]) {
  const rows = await db().changeStory.findMany({
    // Figures' Decimal values lose digits when joined as JSON: one statement per relation here (decision 0046).
    relationLoadStrategy: "query",
    where: { evaluationId, stage: { in: [...stages] } },
    orderBy: { codeNumber: "asc" },
    select: {
      id: true,
      code: true,
      stage: true,
      changeType: true,
      originalLanguage: true,
      translationLanguage: true,
      title: true,
      titleTranslation: true,
      translationSources: true,
      periodPrecision: true,
      periodFrom: true,
      periodTo: true,
      places: { select: { place: { select: { state: true, municipality: true, community: true } } } },
      sectors: { select: { sector: { select: { nameEn: true, nameEs: true } } } },
      figures: { orderBy: { position: "asc" }, select: storyFigureSelect },
      domainAssignments: { where: { kind: "PRIMARY", endedAt: null }, select: { domainId: true } },
    },
  });
  const byText = (a: string, b: string) => a.localeCompare(b, "es");
  return rows.map(
    ({ places, sectors, figures, domainAssignments, periodFrom, periodTo, translationSources, ...story }) => {
      // A translation made from a text that has changed since is no translation (decision 0038).
      const sources = translationSourcesSchema.safeParse(translationSources ?? {}).data;
      const current = (path: string, source: string | null, translation: string | null) =>
        source !== null && translation !== null && isCurrentTranslation(sources, path, source) ? translation : null;
      return {
        ...story,
        titleTranslation: current("title", story.title, story.titleTranslation),
        periodFrom: isoDay(periodFrom),
        periodTo: isoDay(periodTo),
        domainId: domainAssignments[0]?.domainId ?? null,
        places: places
          .map((link) => link.place)
          .sort((a, b) =>
            byText(
              `${a.state}|${a.municipality ?? ""}|${a.community ?? ""}`,
              `${b.state}|${b.municipality ?? ""}|${b.community ?? ""}`,
            ),
          ),
        sectors: sectors.map((link) => link.sector).sort((a, b) => byText(a.nameEn, b.nameEn)),
        figures: figures.map(({ id, position: _position, ...figure }) => ({
          ...figure,
          labelTranslation: current(figurePath(id, "label"), figure.label, figure.labelTranslation),
          unitTranslation: current(figurePath(id, "unit"), figure.unit, figure.unitTranslation),
          value: plainDecimal(figure.value),
          valueMax: figure.valueMax === null ? null : plainDecimal(figure.valueMax),
        })),
      };
    },
  );
}

export type BriefOutcomeRow = Awaited<ReturnType<typeof listBriefOutcomes>>[number];

/** The domains in order; retired ones too, since an approved outcome may still sit in one. */
export async function listBriefDomains(evaluationId: string) {
  return db().domain.findMany({
    where: { evaluationId },
    orderBy: { position: "asc" },
    select: { id: true, position: true, nameEn: true, nameEs: true, retiredAt: true },
  });
}

/** The portfolio for the notes: current projects, by managing office then acronym. */
export async function listBriefProjects(evaluationId: string) {
  return db().project.findMany({
    where: { evaluationId, retiredAt: null },
    orderBy: [{ managingOffice: "asc" }, { acronym: "asc" }],
    select: { acronym: true, name: true, managingOffice: true },
  });
}

export type MethodFigures = {
  interviews: number;
  focusGroupRespondents: number;
  statesCovered: number;
  significantChanges: number;
  validationRespondents: number;
  projects: number;
  domains: number;
};

/**
 * The method in figures, one query. States covered: those where an interview or focus group was
 * held or a respondent lives. Focus-group respondents: registered participants plus the
 * anonymous head-counts. Significant changes: the outcomes this copy of the brief holds.
 */
export async function countMethodFigures(evaluationId: string, stages: readonly StoryStage[]): Promise<MethodFigures> {
  const [row] = await db().$queryRaw<MethodFigures[]>`
    SELECT
      (SELECT count(*) FROM interview WHERE evaluation_id = ${evaluationId})::int AS interviews,
      ((SELECT count(*) FROM focus_group_participant WHERE evaluation_id = ${evaluationId})
        + (SELECT coalesce(sum(anonymous_participant_count), 0) FROM focus_group WHERE evaluation_id = ${evaluationId}))::int AS "focusGroupRespondents",
      (SELECT count(DISTINCT state) FROM (
          SELECT p.state FROM interview i JOIN place p ON p.evaluation_id = i.evaluation_id AND p.id = i.place_id WHERE i.evaluation_id = ${evaluationId}
          UNION SELECT p.state FROM focus_group g JOIN place p ON p.evaluation_id = g.evaluation_id AND p.id = g.place_id WHERE g.evaluation_id = ${evaluationId}
          UNION SELECT r.state FROM respondent r WHERE r.evaluation_id = ${evaluationId}
        ) states)::int AS "statesCovered",
      (SELECT count(*) FROM change_story WHERE evaluation_id = ${evaluationId} AND stage = ANY(${[...stages]}::story_stage[]))::int AS "significantChanges",
      (SELECT count(DISTINCT respondent_id) FROM validation_response WHERE evaluation_id = ${evaluationId})::int AS "validationRespondents",
      (SELECT count(*) FROM project WHERE evaluation_id = ${evaluationId} AND retired_at IS NULL)::int AS projects,
      (SELECT count(*) FROM domain WHERE evaluation_id = ${evaluationId} AND retired_at IS NULL)::int AS domains`;
  return row!;
}

/**
 * The evidence that supports each outcome, cited in the brief's notes: supporting items only (a
 * contradicting source is answered on the review page, not cited as backing), one query for all
 * outcomes, in a stable order so two files made from the same records cite alike.
 */
export async function listOutcomeSources(evaluationId: string, storyIds: string[]) {
  if (!storyIds.length) return [];
  return db().evidenceItem.findMany({
    where: { evaluationId, storyId: { in: storyIds }, stance: "SUPPORTS" },
    orderBy: [{ storyId: "asc" }, { sourceType: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { storyId: true, citation: true },
  });
}
