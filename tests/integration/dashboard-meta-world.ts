/**
 * The dashboard world (dashboard-world.ts) plus the rows the meta-monitoring, quantification and
 * coverage views count, written with the same factories. Every count the tests expect follows
 * from the lines below.
 *
 * Added: S10 d2 NOT_SELECTED POSITIVE O, told by r2.
 * Storytellers (with the world's S1 r1, S2 r7): S3 r1 + r2 + r10; S4 r7; S6 r9 (excluded: never counted).
 * Respondents' at-risk groups: r1, r2 in A (the first standard group); r7 in B (the second).
 * Story tags: A on S1, S3, S10; B on S2.
 * Figures: S3 "Comunidades" 24, "Casos resueltos en 45 días" 81 %; S2 "comunidades " 6,
 *   "casos resueltos en 45 dias" 75 %, "Comunidades" 3 municipios; S4 "Trabajadores" more than
 *   10000 workers; S1 (a draft, never counted) "comunidades" 100.
 * Interviewers: the evaluator on i1 (source of S1 and S3) and i2 (S2 through an excerpt); the lead on i2.
 * Selection: the d1 panel gets the lead as a second member and a decided approval round with S2,
 *   S3 (selected) and S10; dissent written; the panelist approved S2 and S10 and not S3 (two
 *   ballots against the decision); feedback recorded for S2 and S10. A portfolio panel has nothing.
 * Validation: round V1 takes S3 back; its sample: r1, r2, r3 (UNION_MEMBER|Oaxaca|WOMAN),
 *   r7 (UNION_MEMBER|Veracruz|MAN), r10 added by hand (no stratum); r1 and r7 responded.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  buildChangeStory,
  buildDomainAssignment,
  buildStoryFigure,
  buildStoryRevision,
  createDecidedRound,
  day,
  newId,
} from "@/tests/factories";
import { createDashboardWorld } from "./dashboard-world";

export async function createDashboardMetaWorld(prisma: PrismaClient) {
  const world = await createDashboardWorld(prisma);
  const { evaluationId, team } = world;
  const lead = team.members.lead.id;
  const evaluator = team.members.evaluator!.id;
  const panelist = team.members.panelist!.id;
  const [A, B] = team.atRiskGroups.map((group) => group.id) as [string, string];
  const r = await prisma.respondent.findMany({
    where: { evaluationId },
    orderBy: { codeNumber: "asc" },
    select: { id: true },
  });
  const respondent = (n: number) => r[n - 1]!.id;
  const S = (n: number) => world.stories[n - 1]!.id;
  const place = await prisma.place.findFirstOrThrow({ where: { evaluationId, state: "Oaxaca" } });

  const s10 = buildChangeStory({ evaluationId, authorId: lead, codeNumber: 10, stage: "NOT_SELECTED" });
  await prisma.changeStory.create({ data: s10 });
  await prisma.domainAssignment.create({
    data: buildDomainAssignment({ evaluationId, storyId: s10.id, domainId: world.domains.d2, assignedById: lead }),
  });
  await prisma.storyPlace.create({ data: { id: newId(), evaluationId, storyId: s10.id, placeId: place.id } });
  const story = (n: number) => (n === 10 ? s10.id : S(n));

  const tellers: Array<[number, number]> = [
    [3, 1],
    [3, 2],
    [3, 10],
    [4, 7],
    [6, 9],
    [10, 2],
  ];
  await prisma.storyTeller.createMany({
    data: tellers.map(([s, who]) => ({ id: newId(), evaluationId, storyId: story(s), respondentId: respondent(who) })),
  });
  await prisma.respondentAtRiskGroup.createMany({
    data: [
      [1, A],
      [2, A],
      [7, B],
    ].map(([who, groupId]) => ({ evaluationId, respondentId: respondent(who as number), groupId: groupId as string })),
  });
  await prisma.storyAtRiskGroup.createMany({
    data: [
      [1, A],
      [3, A],
      [10, A],
      [2, B],
    ].map(([s, groupId]) => ({ id: newId(), evaluationId, storyId: story(s as number), groupId: groupId as string })),
  });
  await prisma.storyFigure.createMany({
    data: [
      buildStoryFigure({ evaluationId, storyId: S(3), position: 1, label: "Comunidades", value: 24 }),
      buildStoryFigure({
        evaluationId,
        storyId: S(3),
        position: 2,
        label: "Casos resueltos en 45 días",
        value: 81,
        unit: "%",
      }),
      buildStoryFigure({ evaluationId, storyId: S(2), position: 1, label: "comunidades ", value: 6 }),
      buildStoryFigure({
        evaluationId,
        storyId: S(2),
        position: 2,
        label: "casos resueltos en  45 dias",
        value: 75,
        unit: " % ",
      }),
      buildStoryFigure({
        evaluationId,
        storyId: S(2),
        position: 3,
        label: "Comunidades",
        value: 3,
        unit: "municipios",
      }),
      buildStoryFigure({
        evaluationId,
        storyId: S(4),
        position: 1,
        label: "Trabajadores",
        value: 10000,
        qualifier: "MORE_THAN",
        unit: "workers",
      }),
      buildStoryFigure({ evaluationId, storyId: S(1), position: 1, label: "comunidades", value: 100 }),
    ],
  });

  const [i1, i2] = await Promise.all(
    ["2024-03-01", "2023-05-01"].map((date) =>
      prisma.interview.findFirstOrThrow({ where: { evaluationId, date: day(date) } }),
    ),
  );
  await prisma.interviewInterviewer.createMany({
    data: [
      { id: newId(), evaluationId, interviewId: i1!.id, userId: evaluator },
      { id: newId(), evaluationId, interviewId: i2!.id, userId: evaluator },
      { id: newId(), evaluationId, interviewId: i2!.id, userId: lead },
    ],
  });
  await prisma.storySource.create({ data: { id: newId(), evaluationId, storyId: S(3), interviewId: i1!.id } });

  const panel = await prisma.selectionPanel.findFirstOrThrow({ where: { evaluationId } });
  await prisma.panelMember.create({ data: { id: newId(), evaluationId, panelId: panel.id, userId: lead } });
  await prisma.selectionPanel.create({
    data: { id: newId(), evaluationId, name: "Panel de portafolio", level: "PORTFOLIO" },
  });
  const { roundId } = await createDecidedRound(prisma, {
    evaluationId,
    panelId: panel.id,
    domainId: world.domains.d1,
    decidedById: lead,
    name: "Ronda decidida",
    method: "APPROVAL",
    candidates: [2, 3, 10].map(story),
    ballots: (
      [
        [2, true],
        [10, true],
        [3, false],
      ] as const
    ).map(([s, approved]) => ({ storyId: story(s), panelistId: panelist, approved, reason: "Razón." })),
    dissent: "Una panelista prefería CS-0010.",
    selected: [2, 3].map(story),
    feedback: [2, 10].map(story),
  });

  const revision = buildStoryRevision({ evaluationId, storyId: S(3), editedById: lead, snapshot: {} });
  await prisma.storyRevision.create({ data: revision });
  const validation = {
    id: newId(),
    evaluationId,
    name: "V1",
    startsOn: day("2025-01-10"),
    endsOn: day("2025-02-10"),
    method: "INTERVIEW" as const,
    status: "OPEN" as const,
  };
  await prisma.validationRound.create({ data: validation });
  await prisma.validationRoundStory.create({
    data: { id: newId(), evaluationId, validationRoundId: validation.id, storyId: S(3), storyRevisionId: revision.id },
  });
  const sample: Array<[number, string | null]> = [
    [1, "UNION_MEMBER|Oaxaca|WOMAN"],
    [2, "UNION_MEMBER|Oaxaca|WOMAN"],
    [3, "UNION_MEMBER|Oaxaca|WOMAN"],
    [7, "UNION_MEMBER|Veracruz|MAN"],
    [10, null],
  ];
  await prisma.validationSampleMember.createMany({
    data: sample.map(([who, stratum]) => ({
      id: newId(),
      evaluationId,
      validationRoundId: validation.id,
      respondentId: respondent(who),
      stratum,
      addedManually: stratum === null,
    })),
  });
  await prisma.validationResponse.createMany({
    data: [1, 7].map((who) => ({
      id: newId(),
      evaluationId,
      validationRoundId: validation.id,
      respondentId: respondent(who),
      storyId: S(3),
      storyRevisionId: revision.id,
      verdict: "CONFIRMS" as const,
      recordedById: evaluator,
    })),
  });
  return {
    ...world,
    atRisk: { A, B },
    users: { lead, evaluator, panelist },
    panelId: panel.id,
    decidedRoundId: roundId,
    validationRoundId: validation.id,
  };
}

export type DashboardMetaWorld = Awaited<ReturnType<typeof createDashboardMetaWorld>>;
