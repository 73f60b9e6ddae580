/**
 * The evaluation the brief's 9 sample outcomes are imported into (its states, sectors, domains,
 * projects, USMCA priorities, three respondents, an interview, a focus group and a translator), and the check that
 * every imported story carries every field of tests/fixtures/imports/brief-stories.ts.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import { isoDay } from "@/lib/core/calendar-day";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { commitImport } from "@/lib/imports/mutations";
import type { RelatedFile } from "@/lib/imports/scan";
import type { NumberLocale } from "@/lib/written-number";
import {
  buildDomain,
  buildFocusGroup,
  buildInterview,
  buildMembership,
  buildPlace,
  buildPriorityTag,
  buildProject,
  buildRespondent,
  buildSector,
  buildUser,
  createEvaluationWithTeam,
} from "@/tests/factories";
import {
  AT_RISK_CELLS,
  BRIEF_STORIES,
  FOCUS_GROUP_ID,
  howTranslation,
  INTERVIEW_ID,
  labelTranslation,
  narrative,
  narrativeTranslation,
  PRIORITIES,
  priorityPositions,
  rationale,
  sustainability,
  sustainabilityTranslation,
  translation,
  TRANSLATOR_EMAIL,
  unitTranslation,
  whatChanged,
  whySignificant,
} from "@/tests/fixtures/imports/brief-stories";
import { pointAppAt } from "./app-env";
import { wizardDryRunOk } from "./import-world";
import { openTestDatabase, type TestDatabase } from "./test-database";

const FIXTURES = path.join(process.cwd(), "tests/fixtures/imports");

export async function fixtureFile(name: string): Promise<File> {
  return new File([await readFile(path.join(FIXTURES, name))], name);
}

export type BriefEvaluation = {
  evaluationId: string;
  actor: { actorId: string; ipAddress: string };
  translatorId: string;
};

/** A database of the test file's own, the app pointed at it, with the brief's evaluation; in beforeAll. */
export async function openBriefDatabase(): Promise<{ database: TestDatabase; evaluation: BriefEvaluation }> {
  const database = await openTestDatabase();
  pointAppAt(database.url);
  return { database, evaluation: await createBriefEvaluation(database.prisma) };
}

export async function createBriefEvaluation(prisma: PrismaClient): Promise<BriefEvaluation> {
  const team = await createEvaluationWithTeam(prisma, { domainCount: 0 });
  const evaluationId = team.evaluation.id;
  const brief = JSON.parse(
    await readFile(path.join(process.cwd(), "../shared/fixtures/usmca-evaluation.json"), "utf8").catch(() => "null"),
  ) as {
    domains: Array<{ order: number; name_en: string; name_es: string }>;
    projects: Array<{ acronym: string; name: string; office: string }>;
  } | null;
  const states = [...new Set(BRIEF_STORIES.flatMap((story) => story.states))];
  const sectors = [...new Set(BRIEF_STORIES.flatMap((story) => story.sectors))];
  const acronyms = [...new Set(BRIEF_STORIES.flatMap((story) => story.contributions.map((row) => row.project)))];
  await prisma.place.createMany({ data: states.map((state) => buildPlace({ evaluationId, state })) });
  await prisma.sector.createMany({
    data: sectors.map((name) => buildSector({ evaluationId, nameEn: name, nameEs: `es ${name}` })),
  });
  await prisma.domain.createMany({
    data: [1, 2, 3, 4, 5].map((position) => {
      const named = brief?.domains.find((domain) => domain.order === position);
      return buildDomain({
        evaluationId,
        position,
        nameEn: named?.name_en ?? `Domain ${position}`,
        nameEs: named?.name_es ?? `Dominio ${position}`,
      });
    }),
  });
  await prisma.project.createMany({
    data: acronyms.map((acronym) =>
      buildProject({
        evaluationId,
        acronym,
        name: brief?.projects.find((p) => p.acronym === acronym)?.name ?? `Project ${acronym}`,
      }),
    ),
  });
  await prisma.priorityTag.createMany({
    data: PRIORITIES.map((nameEn, index) =>
      buildPriorityTag({ evaluationId, position: index + 1, nameEn, nameEs: `es ${nameEn}` }),
    ),
  });
  await prisma.respondent.createMany({
    data: [1, 2, 3].map((codeNumber) => buildRespondent({ evaluationId, codeNumber })),
  });
  await prisma.interview.create({ data: buildInterview({ evaluationId, id: INTERVIEW_ID }) });
  await prisma.focusGroup.create({ data: buildFocusGroup({ evaluationId, id: FOCUS_GROUP_ID }) });
  const translator = await prisma.user.create({
    data: buildUser({ email: TRANSLATOR_EMAIL, name: "Traductora de prueba" }),
  });
  await prisma.evaluationMember.create({
    data: buildMembership({ evaluationId, userId: translator.id, roles: ["EVALUATOR"] }),
  });
  return {
    evaluationId,
    actor: { actorId: team.members.evaluator!.id, ipAddress: "203.0.113.9" },
    translatorId: translator.id,
  };
}

/** Analyse, dry run and commit as the wizard does (the suggested mapping and key). */
export async function importBrief(
  evaluation: Pick<BriefEvaluation, "evaluationId" | "actor">,
  file: File,
  related: RelatedFile[],
  numberLocale: NumberLocale,
  idempotencyKey: string,
  options: { commit?: boolean } = {},
) {
  const { evaluationId, actor } = evaluation;
  const { analysis, dry } = await wizardDryRunOk(evaluation, "STORIES", file, idempotencyKey, {
    related,
    numberLocale,
  });
  const commit =
    dry.errorCount === 0 && options.commit !== false
      ? await commitImport(actor, { evaluationId, batchId: dry.batchId, file, related })
      : null;
  return { analysis, dry, commit };
}

function expectedPeriod(period: string): [string | null, string | null] {
  const range = /^(\d{4})-(\d{4})$/.exec(period);
  if (range) return [`${range[1]}-01-01`, `${range[2]}-12-31`];
  const open = /^(\d{4})-$/.exec(period);
  if (open) return [`${open[1]}-01-01`, null];
  return [`${period}-01-01`, `${period}-12-31`];
}

/** A first import of the brief: no row refused, all 9 new and created, each with every field. */
export async function expectBriefImported(
  prisma: PrismaClient,
  evaluation: BriefEvaluation,
  { dry, commit }: Pick<Awaited<ReturnType<typeof importBrief>>, "dry" | "commit">,
): Promise<void> {
  expect(
    await prisma.importRowError.findMany({
      where: { batchId: dry.batchId },
      select: { sheet: true, rowNumber: true, column: true, code: true },
    }),
  ).toEqual([]);
  expect(dry).toMatchObject({ rowCount: 9, newCount: 9, errorCount: 0 });
  expect(commit).toMatchObject({ created: 9, skipped: 0 });
  await expectEveryStory(prisma, evaluation);
}

/** Every field of every story, against the fixture's own data. */
export async function expectEveryStory(prisma: PrismaClient, evaluation: BriefEvaluation): Promise<void> {
  const { evaluationId } = evaluation;
  const rows = await prisma.changeStory.findMany({
    where: { evaluationId },
    orderBy: { codeNumber: "asc" },
    include: {
      places: { include: { place: true } },
      sectors: { include: { sector: true } },
      figures: { orderBy: { position: "asc" } },
      contributions: { include: { project: true } },
      priorityTags: { include: { priorityTag: true } },
      atRiskGroups: { include: { group: true } },
      storytellers: { include: { respondent: true } },
      sources: true,
      domainAssignments: { include: { domain: true } },
      revisions: true,
    },
  });
  expect(rows).toHaveLength(BRIEF_STORIES.length);
  for (const [index, story] of BRIEF_STORIES.entries()) {
    const row = rows[index]!;
    const translated = translation(story);
    const [assessment, conditions, risks] = sustainability(story);
    expect({
      code: row.code,
      stage: row.stage,
      title: row.title,
      whatChanged: row.whatChanged,
      whySignificant: row.whySignificant,
      originalLanguage: row.originalLanguage,
      changeType: row.changeType,
      period: [row.periodPrecision, isoDay(row.periodFrom), isoDay(row.periodTo)],
      contributionNarrative: row.contributionNarrative,
      sustainability: [row.sustainabilityAssessment, row.sustainabilityConditions, row.sustainabilityRisks],
      sustainabilityTranslation: [
        row.sustainabilityAssessmentTranslation,
        row.sustainabilityConditionsTranslation,
        row.sustainabilityRisksTranslation,
      ],
      contributionNarrativeTranslation: row.contributionNarrativeTranslation,
      priorities: row.priorityTags.map(({ priorityTag }) => priorityTag.position).sort(),
      atRiskGroups: row.atRiskGroups.map(({ group, note }) => [group.code, note]).sort(),
      translation: [
        row.titleTranslation,
        row.whatChangedTranslation,
        row.whySignificantTranslation,
        row.translationLanguage,
        row.translatedById,
        row.translatedAt !== null,
      ],
      places: row.places.map(({ place }) => place.state).sort(),
      sectors: row.sectors.map(({ sector }) => sector.nameEn).sort(),
      figures: row.figures.map((figure) => [
        figure.label,
        figure.labelTranslation,
        figure.qualifier,
        figure.value.toString(),
        figure.valueMax?.toString() ?? null,
        figure.unit,
        figure.unitTranslation,
      ]),
      contributions: row.contributions
        .map((c) => [c.project.acronym, c.howContributed, c.howContributedTranslation])
        .sort(),
      storytellers: row.storytellers.map(({ respondent }) => respondent.code).sort(),
      sources: row.sources.map((source) => source.interviewId ?? source.focusGroupId ?? source.excerptId),
      domains: row.domainAssignments.map((a) => [a.kind, a.domain.position, a.rationale, a.endedAt]).sort(),
      revisions: row.revisions.map((revision) => revision.version),
    }).toEqual({
      code: `CS-${String(index + 1).padStart(4, "0")}`,
      stage: "DRAFT",
      title: story.title,
      whatChanged: whatChanged(story),
      whySignificant: whySignificant(story),
      originalLanguage: "en",
      changeType: "POSITIVE",
      period: ["YEAR", ...expectedPeriod(story.period)],
      contributionNarrative: narrative(story),
      sustainability: [assessment, conditions, risks],
      sustainabilityTranslation: sustainabilityTranslation(story).map((text) => text || null),
      contributionNarrativeTranslation: narrativeTranslation(story) || null,
      priorities: priorityPositions(story).sort(),
      atRiskGroups: (AT_RISK_CELLS[story.index]?.codes ?? []).map((code) => [code, null]).sort(),
      translation: translated
        ? [translated.title, translated.whatChanged, translated.whySignificant, "es", evaluation.translatorId, true]
        : [null, null, null, null, null, false],
      places: [...story.states].sort(),
      sectors: [...story.sectors].sort(),
      figures: story.figures.map((figure) => [
        figure.label,
        labelTranslation(story, figure) || null,
        figure.expect.qualifier,
        figure.expect.value,
        figure.expect.valueMax,
        figure.unit || null,
        unitTranslation(story, figure) || null,
      ]),
      contributions: story.contributions.map((c, i) => [c.project, c.how, howTranslation(story, i) || null]).sort(),
      storytellers: [...story.storytellers].sort(),
      sources: story.sources,
      domains: [
        ["PRIMARY", story.domain, rationale(story), null],
        ...story.secondaryDomains.map((position) => ["SECONDARY", position, rationale(story), null]),
      ].sort(),
      revisions: [1],
    });
  }
}
