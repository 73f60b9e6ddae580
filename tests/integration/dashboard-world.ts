/**
 * The rows the dashboard tests count, written with the factories. The comments give every count
 * the tests expect, so a change here shows what it changes there.
 *
 * Stories (domains d1, d2; places Oaxaca O, Veracruz V; projects p1, p2):
 *   S1 d1 DRAFT        POSITIVE  O    2022-2023  p1   told by r1, source i1
 *   S2 d1 SELECTED     NEGATIVE  V    2024       p2   told by r7, source: an excerpt of i2
 *   S3 d1 APPROVED     POSITIVE  O+V  2023-      p1
 *   S4 d2 APPROVED     NO_CHANGE V    -
 *   S5 -  DRAFT        POSITIVE  -    -
 *   S6 d2 IN_TRIANGULATION POSITIVE O
 *   S7 d2 IN_REVIEW    POSITIVE  O
 *   S8 d1 IN_SELECTION POSITIVE  O   candidate of the open round; the panelist has voted on it
 *   S9 d1 IN_SELECTION POSITIVE  O   candidate of the open round; no ballot yet
 * Respondents: r1-r6 union members, women, Oaxaca; r7-r8 union members, men, Veracruz;
 *   r9 company, undisclosed, Veracruz, excluded (withdrawn); r10 labour authority, woman, Veracruz.
 * Interviews: i1 O 2024-03-01 p1 (r1); i2 V 2023-05-01 p2 (r7); i3 no place 2024-06-15.
 * Focus groups: g1 O 2024-04-01 p1, r2 + r3 + 3 anonymous; g2 V 2023-01-01, r8 + r9 (excluded).
 * Another evaluation has a story, respondent, interview and focus group in Oaxaca: never counted.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  buildChangeStory,
  buildDomainAssignment,
  buildExcerpt,
  buildFocusGroup,
  buildInterview,
  buildPlace,
  buildRespondent,
  createEvaluationWithTeam,
  day,
  inDays,
  newId,
} from "@/tests/factories";

export async function createDashboardWorld(prisma: PrismaClient) {
  const team = await createEvaluationWithTeam(prisma, { domainCount: 2, projectCount: 2 });
  const other = await createEvaluationWithTeam(prisma, { domainCount: 1 });
  const evaluationId = team.evaluation.id;
  const lead = team.members.lead.id;
  const [d1, d2] = team.domains.map((domain) => domain.id) as [string, string];
  const [p1, p2] = team.projects.map((project) => project.id) as [string, string];
  const O = buildPlace({ evaluationId, state: "Oaxaca" });
  const V = buildPlace({ evaluationId, state: "Veracruz" });
  const theirPlace = buildPlace({ evaluationId: other.evaluation.id, state: "Oaxaca" });
  await prisma.place.createMany({ data: [O, V, theirPlace] });

  type Spec = [string | null, string, string, string[], [string, string | null] | null, string | null];
  const specs: Spec[] = [
    [d1, "DRAFT", "POSITIVE", [O.id], ["2022-01-01", "2023-12-31"], p1],
    [d1, "SELECTED", "NEGATIVE", [V.id], ["2024-01-01", "2024-12-31"], p2],
    [d1, "APPROVED", "POSITIVE", [O.id, V.id], ["2023-01-01", null], p1],
    [d2, "APPROVED", "NO_CHANGE", [V.id], null, null],
    [null, "DRAFT", "POSITIVE", [], null, null],
    [d2, "IN_TRIANGULATION", "POSITIVE", [O.id], null, null],
    [d2, "IN_REVIEW", "POSITIVE", [O.id], null, null],
    [d1, "IN_SELECTION", "POSITIVE", [O.id], null, null],
    [d1, "IN_SELECTION", "POSITIVE", [O.id], null, null],
  ];
  const stories = specs.map(([, stage, changeType, , period], index) =>
    buildChangeStory({
      evaluationId,
      authorId: lead,
      codeNumber: index + 1,
      stage: stage as "DRAFT",
      changeType: changeType as "POSITIVE",
      periodFrom: period ? day(period[0]) : null,
      periodTo: period?.[1] ? day(period[1]) : null,
    }),
  );
  const theirStory = buildChangeStory({
    evaluationId: other.evaluation.id,
    authorId: other.members.lead.id,
    codeNumber: 1,
    stage: "APPROVED",
  });
  await prisma.changeStory.createMany({ data: [...stories, theirStory] });
  await prisma.domainAssignment.createMany({
    data: [
      ...specs.flatMap(([domainId], index) =>
        domainId
          ? [buildDomainAssignment({ evaluationId, storyId: stories[index]!.id, domainId, assignedById: lead })]
          : [],
      ),
      buildDomainAssignment({
        evaluationId: other.evaluation.id,
        storyId: theirStory.id,
        domainId: other.domains[0]!.id,
        assignedById: other.members.lead.id,
      }),
    ],
  });
  await prisma.storyPlace.createMany({
    data: [
      ...specs.flatMap(([, , , places], index) =>
        places.map((placeId) => ({ id: newId(), evaluationId, storyId: stories[index]!.id, placeId })),
      ),
      { id: newId(), evaluationId: other.evaluation.id, storyId: theirStory.id, placeId: theirPlace.id },
    ],
  });
  await prisma.storyContribution.createMany({
    data: specs.flatMap(([, , , , , projectId], index) =>
      projectId
        ? [{ id: newId(), evaluationId, storyId: stories[index]!.id, projectId, howContributed: "Training." }]
        : [],
    ),
  });

  const respondentSpecs: Array<[string, string, string, boolean]> = [
    ...Array.from({ length: 6 }, () => ["UNION_MEMBER", "WOMAN", "Oaxaca", false] as [string, string, string, boolean]),
    ["UNION_MEMBER", "MAN", "Veracruz", false],
    ["UNION_MEMBER", "MAN", "Veracruz", false],
    ["COMPANY", "UNDISCLOSED", "Veracruz", true],
    ["LABOUR_AUTHORITY", "WOMAN", "Veracruz", false],
  ];
  const r = respondentSpecs.map(([type, gender, state, excluded], index) =>
    buildRespondent({
      evaluationId,
      codeNumber: index + 1,
      type: type as "UNION_MEMBER",
      gender: gender as "WOMAN",
      state,
      excludedAt: excluded ? new Date() : null,
    }),
  );
  const theirRespondent = buildRespondent({ evaluationId: other.evaluation.id, codeNumber: 1, state: "Oaxaca" });
  await prisma.respondent.createMany({ data: [...r, theirRespondent] });
  await prisma.storyTeller.createMany({
    data: [
      { id: newId(), evaluationId, storyId: stories[0]!.id, respondentId: r[0]!.id },
      { id: newId(), evaluationId, storyId: stories[1]!.id, respondentId: r[6]!.id },
    ],
  });

  const transcript = "Respondente: ahora la conciliación tarda menos.";
  const i1 = buildInterview({ evaluationId, placeId: O.id, date: day("2024-03-01") });
  const i2 = buildInterview({ evaluationId, placeId: V.id, date: day("2023-05-01"), transcriptOriginal: transcript });
  const i3 = buildInterview({ evaluationId, date: day("2024-06-15") });
  const theirInterview = buildInterview({
    evaluationId: other.evaluation.id,
    placeId: theirPlace.id,
    date: day("2024-03-01"),
  });
  await prisma.interview.createMany({ data: [i1, i2, i3, theirInterview] });
  await prisma.interviewProject.createMany({
    data: [
      { id: newId(), evaluationId, interviewId: i1.id, projectId: p1 },
      { id: newId(), evaluationId, interviewId: i2.id, projectId: p2 },
    ],
  });
  await prisma.interviewRespondent.createMany({
    data: [
      { id: newId(), evaluationId, interviewId: i1.id, respondentId: r[0]!.id },
      { id: newId(), evaluationId, interviewId: i2.id, respondentId: r[6]!.id },
      {
        id: newId(),
        evaluationId: other.evaluation.id,
        interviewId: theirInterview.id,
        respondentId: theirRespondent.id,
      },
    ],
  });
  const excerpt = buildExcerpt({
    evaluationId,
    createdById: lead,
    interviewId: i2.id,
    transcript,
    quote: "la conciliación tarda menos",
  });
  await prisma.transcriptExcerpt.create({ data: excerpt });
  await prisma.storySource.createMany({
    data: [
      { id: newId(), evaluationId, storyId: stories[0]!.id, interviewId: i1.id },
      { id: newId(), evaluationId, storyId: stories[1]!.id, excerptId: excerpt.id },
    ],
  });

  const g1 = buildFocusGroup({ evaluationId, placeId: O.id, date: day("2024-04-01"), anonymousParticipantCount: 3 });
  const g2 = buildFocusGroup({ evaluationId, placeId: V.id, date: day("2023-01-01") });
  const theirGroup = buildFocusGroup({
    evaluationId: other.evaluation.id,
    placeId: theirPlace.id,
    anonymousParticipantCount: 7,
  });
  await prisma.focusGroup.createMany({ data: [g1, g2, theirGroup] });
  await prisma.focusGroupProject.create({ data: { id: newId(), evaluationId, focusGroupId: g1.id, projectId: p1 } });
  await prisma.focusGroupParticipant.createMany({
    data: [r[1]!, r[2]!]
      .map((respondent) => ({ id: newId(), evaluationId, focusGroupId: g1.id, respondentId: respondent.id }))
      .concat(
        [r[7]!, r[8]!].map((respondent) => ({
          id: newId(),
          evaluationId,
          focusGroupId: g2.id,
          respondentId: respondent.id,
        })),
      ),
  });

  // Selection: an open round of d1's panel with S8 and S9, the panelist has voted on S8;
  // a closed round with S9 asks nothing of anyone.
  const panelist = team.members.panelist!.id;
  const panel = { id: newId(), evaluationId, name: "Panel d1", level: "DOMAIN" as const, domainId: d1 };
  await prisma.selectionPanel.create({ data: panel });
  await prisma.panelMember.create({ data: { id: newId(), evaluationId, panelId: panel.id, userId: panelist } });
  const round = {
    id: newId(),
    evaluationId,
    panelId: panel.id,
    name: "Ronda abierta",
    domainId: d1,
    method: "APPROVAL" as const,
    status: "OPEN" as const,
    deadline: inDays(1),
  };
  const closed = { ...round, id: newId(), name: "Ronda cerrada", status: "CLOSED" as const, closedAt: new Date() };
  await prisma.selectionRound.createMany({ data: [round, closed] });
  await prisma.roundCandidate.createMany({
    data: [
      { id: newId(), evaluationId, roundId: round.id, storyId: stories[7]!.id },
      { id: newId(), evaluationId, roundId: round.id, storyId: stories[8]!.id },
      { id: newId(), evaluationId, roundId: closed.id, storyId: stories[8]!.id },
    ],
  });
  await prisma.ballot.create({
    data: {
      id: newId(),
      evaluationId,
      roundId: round.id,
      storyId: stories[7]!.id,
      panelistId: panelist,
      approved: true,
      reason: "Cambio claro.",
    },
  });

  return { team, other, evaluationId, domains: { d1, d2 }, projects: { p1, p2 }, stories, roundId: round.id };
}

export type DashboardWorld = Awaited<ReturnType<typeof createDashboardWorld>>;
