/**
 * A verification world for the validation and review tests: the story world
 * (tests/factories/stories.ts) plus triangulated stories with a revision each, and respondents of
 * several strata, each with a sealed identity (so tests can search output for identity strings).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StoryStage, ValidationVerdict } from "@/lib/generated/prisma/enums";
import { loadStorySnapshot } from "@/lib/stories/data";
import {
  buildChangeStory,
  buildConsent,
  buildConsentScopes,
  buildRespondent,
  buildRespondentIdentity,
  buildStoryRevision,
  createStoryWorld,
} from "@/tests/factories";

export const IDENTITY_NAMES = ["Guadalupe Identidad Secreta", "Marisol Nombre Oculto", "Teodoro Contacto Privado"];

export async function createVerificationWorld(prisma: PrismaClient) {
  const world = await createStoryWorld(prisma);
  const { evaluationId } = world;
  const recordedById = world.team.members.evaluator!.id;
  let next = 100;
  const strata: Array<[string, string, string]> = [];
  for (const type of ["UNION_MEMBER", "COMPANY"])
    for (const state of ["Coahuila", "Oaxaca"])
      for (const gender of ["WOMAN", "MAN"]) strata.push([type, state, gender]);
  const pool = strata.flatMap(([type, state, gender], index) =>
    Array.from({ length: index % 2 === 0 ? 3 : 1 }, () =>
      buildRespondent({
        evaluationId,
        codeNumber: next++,
        type: type as "UNION_MEMBER",
        state,
        gender: gender as "WOMAN",
        language: index % 3 === 0 ? "en" : "es",
      }),
    ),
  );
  const noContact = buildRespondent({ evaluationId, codeNumber: next++ });
  const consents = [...pool, noContact].map((respondent) =>
    buildConsent({ evaluationId, respondentId: respondent.id, recordedById }),
  );
  await prisma.respondent.createMany({ data: [...pool, noContact] });
  await prisma.consent.createMany({ data: consents });
  await prisma.consentScope.createMany({
    data: consents.flatMap((consent, index) =>
      buildConsentScopes(consent, index === pool.length ? ["CONTACT_FOR_VALIDATION"] : []),
    ),
  });
  await prisma.respondentIdentity.createMany({
    data: pool.slice(0, 3).map((respondent, index) =>
      buildRespondentIdentity({
        evaluationId,
        respondentId: respondent.id,
        name: IDENTITY_NAMES[index]!,
        phone: "+52 871 555 0101",
        community: "Ejido Secreto",
      }),
    ),
  });
  return { ...world, pool, noContact };
}

export type VerificationWorld = Awaited<ReturnType<typeof createVerificationWorld>>;

let storyNumber = 500;

/** A story at `stage` with revision 1 (its snapshot as the app builds it), told by `storytellerIds`. */
export async function createStoryAt(
  prisma: PrismaClient,
  world: VerificationWorld,
  stage: StoryStage,
  storytellerIds: string[] = [world.respondents.consenting.id],
) {
  const { evaluationId } = world;
  const editedById = world.team.members.evaluator!.id;
  const story = buildChangeStory({
    evaluationId,
    authorId: editedById,
    codeNumber: storyNumber++,
    stage,
    title: `Contrato colectivo legitimado ${storyNumber}`,
    whatChanged: "Los trabajadores votaron en secreto por primera vez.",
  });
  await prisma.changeStory.create({ data: story });
  await prisma.storyTeller.createMany({
    data: storytellerIds.map((respondentId) => ({ evaluationId, storyId: story.id, respondentId })),
  });
  await prisma.storyFigure.create({
    data: {
      evaluationId,
      storyId: story.id,
      position: 1,
      label: "Contratos legitimados",
      value: "24",
      qualifier: "EXACT",
    },
  });
  const snapshot = await loadStorySnapshot(prisma, evaluationId, story.id);
  const revision = buildStoryRevision({ evaluationId, storyId: story.id, editedById, snapshot: snapshot! });
  await prisma.storyRevision.create({ data: revision });
  return { id: story.id, code: story.code, revisionId: revision.id };
}

/** Simulates a save: version 2 with its revision, edited by `editedById`. */
export async function editStory(
  prisma: PrismaClient,
  world: VerificationWorld,
  storyId: string,
  editedById = world.team.members.evaluator!.id,
) {
  const { evaluationId } = world;
  await prisma.changeStory.update({
    where: { id: storyId },
    data: { title: "Título corregido", version: { increment: 1 } },
  });
  const story = await prisma.changeStory.findUniqueOrThrow({ where: { id: storyId } });
  const snapshot = await loadStorySnapshot(prisma, evaluationId, storyId);
  const revision = buildStoryRevision({
    evaluationId,
    storyId,
    editedById,
    snapshot: snapshot!,
    version: story.version,
  });
  await prisma.storyRevision.create({ data: revision });
  return revision.id;
}

/** A validation round's fields as the round form sends them, over `storyIds`. */
export const roundFields = (storyIds: string[], targetSize = 6) => ({
  name: "Ronda de validación 1",
  startsOn: "2025-03-01",
  endsOn: "2025-03-31",
  method: "WORKSHOP" as const,
  targetSize,
  notes: null,
  storyIds,
});

export async function roundVersion(prisma: PrismaClient, roundId: string) {
  return (await prisma.validationRound.findUniqueOrThrow({ where: { id: roundId } })).version;
}

type RoundStory = { id: string };

/** An open round over `stories`, created by the lead, with pool respondents `indexes` in its sample. */
export async function openRound(
  prisma: PrismaClient,
  world: VerificationWorld,
  stories: RoundStory[],
  indexes: number[],
) {
  const [rounds, sample] = await Promise.all([
    import("@/lib/validation/mutations"),
    import("@/lib/validation/sample-mutations"),
  ]);
  const lead = { actorId: world.team.members.lead.id };
  const { evaluationId } = world;
  const storyIds = stories.map((story) => story.id);
  const created = await rounds.createRound(lead, { evaluationId, round: roundFields(storyIds, indexes.length) });
  if (!created.ok) throw new Error(created.reason);
  for (const index of indexes) {
    const added = await sample.addSampleMember(lead, {
      evaluationId,
      roundId: created.roundId,
      respondentCode: world.pool[index]!.code,
    });
    if (!added.ok) throw new Error(added.reason);
  }
  const opened = await rounds.stepRound(lead, {
    evaluationId,
    roundId: created.roundId,
    step: "open",
    expectedVersion: await roundVersion(prisma, created.roundId),
  });
  if (!opened.ok) throw new Error(opened.reason);
  return created.roundId;
}

/** The evaluator records pool respondent `index`'s verdict on the story's revision; returns the response's id. */
export async function recordVerdict(
  world: VerificationWorld,
  response: {
    roundId: string;
    story: { id: string; revisionId: string };
    index: number;
    verdict: ValidationVerdict;
    comments: string | null;
    proposedChanges: string | null;
  },
) {
  const { recordResponse } = await import("@/lib/validation/response-mutations");
  const { roundId, story, index, verdict, comments, proposedChanges } = response;
  const recorded = await recordResponse(
    { actorId: world.team.members.evaluator!.id },
    {
      evaluationId: world.evaluationId,
      roundId,
      respondentId: world.pool[index]!.id,
      storyId: story.id,
      storyRevisionId: story.revisionId,
      verdict,
      comments,
      proposedChanges,
    },
  );
  if (!recorded.ok) throw new Error(recorded.reason);
  return recorded.responseId;
}

/** The lead closes the round at its current version; returns what closing answers. */
export async function closeRound(prisma: PrismaClient, world: VerificationWorld, roundId: string) {
  const { stepRound } = await import("@/lib/validation/mutations");
  return stepRound(
    { actorId: world.team.members.lead.id },
    { evaluationId: world.evaluationId, roundId, step: "close", expectedVersion: await roundVersion(prisma, roundId) },
  );
}
