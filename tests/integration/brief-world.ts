/**
 * The brief's rows: the dashboard world (dashboard-world.ts gives its stories, fieldwork and
 * respondents) plus what a brief prints. Counts the brief tests expect:
 *   approved copy: S3 (d1, POSITIVE, Oaxaca and Veracruz, since 2023, translated, two figures,
 *     two sectors) and S4 (d2, NO_CHANGE, Veracruz, untranslated title);
 *   validated copy adds S7 (IN_REVIEW, d2); selected copy adds S2 (SELECTED, d1) and S6 (d2).
 *   Interviews 3; focus-group respondents 2 + 3 anonymous + 2 = 7; states 2 (Oaxaca, Veracruz);
 *   validation respondents 2 (r2 twice, r10 once); projects 2 (offices OCFT and OTLA); domains 2.
 * Evidence of S3, cited in its sources note: two supporting items (one cited twice) and one that
 * contradicts it (not cited); S4 has none, so it gets no note.
 * Learnings: an introduction in Spanish only; one key learning in both languages; an impact on
 * women workers; two lessons; recommendations 2 for implementing partners, 1 for the funder
 * (written funder first, so the order of the brief is not the order of writing).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildEvidenceItem, buildSector, buildStoryFigure, buildStoryRevision, day, newId } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase } from "@/tests/support/test-database";
import { createDashboardWorld } from "./dashboard-world";

export async function createBriefWorld(prisma: PrismaClient) {
  const world = await createDashboardWorld(prisma);
  const { evaluationId, stories } = world;
  const lead = world.team.members.lead.id;
  const [, , s3, s4] = stories;

  await prisma.changeStory.update({
    where: { id: s3!.id },
    data: {
      title: "Los sindicatos independientes ganaron su registro",
      titleTranslation: "Independent unions gained registration",
      translationLanguage: "en",
    },
  });
  await prisma.changeStory.update({ where: { id: s4!.id }, data: { title: "La conciliación no se acortó" } });
  const sectors = [
    buildSector({ evaluationId, nameEn: "mining", nameEs: "minería" }),
    buildSector({ evaluationId, nameEn: "automotive", nameEs: "automotriz" }),
  ];
  await prisma.sector.createMany({ data: sectors });
  await prisma.storySector.createMany({
    data: sectors.map((sector) => ({ id: newId(), evaluationId, storyId: s3!.id, sectorId: sector.id })),
  });
  await prisma.storyFigure.createMany({
    data: [
      buildStoryFigure({
        evaluationId,
        storyId: s3!.id,
        position: 1,
        label: "trabajadores",
        labelTranslation: "workers",
        value: "600000",
        qualifier: "MORE_THAN",
      }),
      buildStoryFigure({
        evaluationId,
        storyId: s3!.id,
        position: 2,
        label: "casos en 45 días",
        labelTranslation: "cases within 45 days",
        value: "81",
        unit: "%",
      }),
    ],
  });
  await prisma.project.update({ where: { id: world.projects.p1 }, data: { managingOffice: "OCFT" } });
  const evidence = (citation: string, fields: Partial<Parameters<typeof buildEvidenceItem>[0]> = {}) =>
    buildEvidenceItem({ evaluationId, storyId: s3!.id, addedById: lead, citation, ...fields });
  await prisma.evidenceItem.createMany({
    data: [
      // Written as a sentence, as people write citations: the note prints its own full stop.
      evidence("Registro del Centro Federal de Conciliación, 2024.", { sourceType: "ADMINISTRATIVE_RECORD" }),
      evidence("Encuesta Nacional de Ocupación y Empleo, 2023", { sourceType: "QUANTITATIVE_DATASET" }),
      evidence("Encuesta Nacional de Ocupación y Empleo, 2023", { sourceType: "QUANTITATIVE_DATASET" }),
      evidence("Nota de prensa que lo niega", { sourceType: "MEDIA", stance: "CONTRADICTS" }),
    ],
  });

  // Validation: r2 and r10 answered in one round (r2 on two stories).
  const [r2, r10] = await prisma.respondent.findMany({
    where: { evaluationId, codeNumber: { in: [2, 10] } },
    orderBy: { codeNumber: "asc" },
    select: { id: true },
  });
  const round = {
    id: newId(),
    evaluationId,
    name: "Validación",
    startsOn: day("2025-01-10"),
    endsOn: day("2025-02-10"),
    method: "WORKSHOP" as const,
    status: "OPEN" as const,
  };
  await prisma.validationRound.create({ data: round });
  const revisions = [s3!, s4!].map((story) =>
    buildStoryRevision({ evaluationId, storyId: story.id, editedById: lead, snapshot: {} }),
  );
  await prisma.storyRevision.createMany({ data: revisions });
  await prisma.validationRoundStory.createMany({
    data: revisions.map((revision) => ({
      id: newId(),
      evaluationId,
      validationRoundId: round.id,
      storyId: revision.storyId,
      storyRevisionId: revision.id,
    })),
  });
  await prisma.validationSampleMember.createMany({
    data: [r2!, r10!].map((respondent) => ({
      id: newId(),
      evaluationId,
      validationRoundId: round.id,
      respondentId: respondent.id,
    })),
  });
  const answer = (respondentId: string, index: number) => ({
    id: newId(),
    evaluationId,
    validationRoundId: round.id,
    respondentId,
    storyId: revisions[index]!.storyId,
    storyRevisionId: revisions[index]!.id,
    verdict: "CONFIRMS" as const,
    recordedById: lead,
  });
  await prisma.validationResponse.createMany({ data: [answer(r2!.id, 0), answer(r2!.id, 1), answer(r10!.id, 0)] });

  const { createLearning } = await import("@/lib/learnings/mutations");
  const text = (fields: { title?: string; body: string; sustainability?: string }) => ({
    title: null,
    sustainability: null,
    translatedById: null,
    ...fields,
  });
  const blank = { audience: null, atRiskGroupId: null, storyIds: [], domainIds: [] };
  const by = { actorId: lead, evaluationId };
  const write = async (input: Parameters<typeof createLearning>[0]) => {
    const result = await createLearning(input);
    if (!result.ok) throw new Error(`learning refused: ${result.reason}`);
  };
  await write({
    ...by,
    ...blank,
    kind: "KEY_RESULTS_INTRODUCTION",
    texts: { ES: text({ body: "Los resultados clave, por dominio." }) },
  });
  await write({
    ...by,
    ...blank,
    kind: "KEY_LEARNING",
    texts: {
      ES: text({
        title: "Libertad sindical",
        body: "Los sindicatos ganaron confianza.",
        sustainability: "Perdurará si hay recursos.",
      }),
      EN: text({
        title: "Freedom of association",
        body: "Unions gained trust.",
        sustainability: "It will last if funded.",
      }),
    },
  });
  await write({
    ...by,
    ...blank,
    kind: "AT_RISK_IMPACT",
    atRiskGroupId: world.team.atRiskGroups.find((group) => group.code === "women_workers")!.id,
    texts: { ES: text({ body: "Las mujeres hablaron." }), EN: text({ body: "Women spoke up." }) },
  });
  for (const n of [1, 2])
    await write({
      ...by,
      ...blank,
      kind: "LESSON",
      texts: { ES: text({ body: `Lección ${n}` }), EN: text({ body: `Lesson ${n}` }) },
    });
  await write({
    ...by,
    ...blank,
    kind: "RECOMMENDATION",
    audience: "FUNDER",
    texts: { ES: text({ body: "Financiar más." }), EN: text({ body: "Fund more." }) },
  });
  for (const n of [1, 2]) {
    await write({
      ...by,
      ...blank,
      kind: "RECOMMENDATION",
      audience: "IMPLEMENTING_PARTNERS",
      texts: { ES: text({ body: `Socios ${n}` }), EN: text({ body: `Partners ${n}` }) },
    });
  }
  return world;
}

/** In beforeAll: a database of the file's own, the app pointed at it, the brief world and the brief's download. */
export async function openBriefWorld() {
  const database = await openTestDatabase();
  pointAppAt(database.url);
  const { downloadBrief } = await import("@/lib/brief/download");
  return { database, world: await createBriefWorld(database.prisma), downloadBrief };
}
