/** Builders for change stories and the rows that hang off them. */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { buildPlace, buildPriorityTag, buildSector } from "./evaluations";
import { buildExcerpt, buildFocusGroup, buildInterview } from "./fieldwork";
import { day, newId, nextSequence, type BuildInput, type WithId } from "./ids";
import { buildConsent, buildConsentScopes, buildRespondent } from "./respondents";
import { createEvaluationWithTeam } from "./team";

/** "CS-0007" from 7. */
export function storyCode(codeNumber: number): string {
  return `CS-${String(codeNumber).padStart(4, "0")}`;
}

/** A positive draft story in Spanish, version 1. Add a revision with `buildStoryRevision`. */
export function buildChangeStory(
  input: BuildInput<Prisma.ChangeStoryCreateManyInput, "evaluationId" | "authorId">,
): WithId<Prisma.ChangeStoryCreateManyInput> {
  const codeNumber = input.codeNumber ?? nextSequence();
  return {
    title: `Historia de prueba ${codeNumber}`,
    whatChanged: "Qué cambió, para quién, dónde y cuándo.",
    whySignificant: "Por qué es significativo, en palabras de quien lo cuenta.",
    originalLanguage: "es",
    changeType: "POSITIVE",
    periodPrecision: "YEAR",
    stage: "DRAFT",
    version: 1,
    ...input,
    codeNumber,
    code: input.code ?? storyCode(codeNumber),
    id: input.id ?? newId(),
  };
}

export function buildStoryFigure(
  input: BuildInput<Prisma.StoryFigureCreateManyInput, "evaluationId" | "storyId" | "position" | "label" | "value">,
): WithId<Prisma.StoryFigureCreateManyInput> {
  return { qualifier: "EXACT", ...input, id: input.id ?? newId() };
}

/** A current (not ended) primary assignment unless `kind` says otherwise. */
export function buildDomainAssignment(
  input: BuildInput<Prisma.DomainAssignmentCreateManyInput, "evaluationId" | "storyId" | "domainId" | "assignedById">,
): WithId<Prisma.DomainAssignmentCreateManyInput> {
  return {
    kind: "PRIMARY",
    rationale: "Assigned for the test.",
    ...input,
    id: input.id ?? newId(),
  };
}

/** The revision written with a story's save; `snapshot` is the whole story as saved. */
export function buildStoryRevision(
  input: BuildInput<Prisma.StoryRevisionCreateManyInput, "evaluationId" | "storyId" | "editedById" | "snapshot">,
): WithId<Prisma.StoryRevisionCreateManyInput> {
  return { version: 1, ...input, id: input.id ?? newId() };
}

/**
 * A story's world for integration tests: an evaluation with its team (tests/factories/team.ts),
 * places, sectors, priorities, respondents whose consent covers a story or not, an interview, a
 * focus group and an excerpt. Written to the database; returns the ids.
 */
export async function createStoryWorld(prisma: PrismaClient) {
  const team = await createEvaluationWithTeam(prisma, { domainCount: 3, projectCount: 2 });
  const evaluationId = team.evaluation.id;
  const recordedById = team.members.evaluator!.id;
  const places = [
    buildPlace({ evaluationId, state: "Oaxaca" }),
    buildPlace({ evaluationId, state: "Coahuila", municipality: "Monclova" }),
  ];
  const sectors = [buildSector({ evaluationId }), buildSector({ evaluationId })];
  const priorityTags = [
    buildPriorityTag({ evaluationId, position: 1 }),
    buildPriorityTag({ evaluationId, position: 2 }),
  ];
  const respondent = (codeNumber: number) => buildRespondent({ evaluationId, codeNumber });
  const respondents = {
    consenting: respondent(1),
    withdrawn: respondent(2),
    noQuotation: respondent(3),
    noConsent: respondent(4),
    alsoConsenting: respondent(5),
  };
  const consents = [
    buildConsent({ evaluationId, respondentId: respondents.consenting.id, recordedById }),
    buildConsent({
      evaluationId,
      respondentId: respondents.withdrawn.id,
      recordedById,
      withdrawnOn: day("2024-09-01"),
      withdrawalChoice: "EXCLUDE",
    }),
    buildConsent({ evaluationId, respondentId: respondents.noQuotation.id, recordedById }),
    buildConsent({ evaluationId, respondentId: respondents.alsoConsenting.id, recordedById }),
  ];
  const scopes = [
    ...buildConsentScopes(consents[0]!),
    ...buildConsentScopes(consents[1]!),
    ...buildConsentScopes(consents[2]!, ["ANONYMOUS_QUOTATION"]),
    ...buildConsentScopes(consents[3]!),
  ];
  const transcript = "Entrevistadora: ¿Qué cambió? Respondente: Votamos en secreto por primera vez.";
  const interview = buildInterview({ evaluationId, transcriptOriginal: transcript });
  const focusGroup = buildFocusGroup({ evaluationId, topic: "Justicia laboral" });
  const excerpt = buildExcerpt({
    evaluationId,
    createdById: recordedById,
    interviewId: interview.id,
    transcript,
    quote: "Votamos en secreto por primera vez.",
  });

  await prisma.place.createMany({ data: places });
  await prisma.sector.createMany({ data: sectors });
  await prisma.priorityTag.createMany({ data: priorityTags });
  await prisma.respondent.createMany({ data: Object.values(respondents) });
  await prisma.consent.createMany({ data: consents });
  await prisma.consentScope.createMany({ data: scopes });
  await prisma.interview.create({ data: interview });
  await prisma.focusGroup.create({ data: focusGroup });
  await prisma.transcriptExcerpt.create({ data: excerpt });
  return { team, evaluationId, places, sectors, priorityTags, respondents, interview, focusGroup, excerpt };
}

export type StoryWorld = Awaited<ReturnType<typeof createStoryWorld>>;
