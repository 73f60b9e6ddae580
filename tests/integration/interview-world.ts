/**
 * An interview world for the interview tests: a database of the file's own with the app pointed
 * at it, two evaluations (ours, with two projects, and another), one respondent who consented to
 * be interviewed and one place, and the form's input for a valid interview in ours.
 */
import { buildPlace, createConsentedRespondent, createEvaluationWithTeam } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase } from "@/tests/support/test-database";

export const TRANSCRIPT = "R-0001: Antes no había sindicato. Ahora votamos el contrato. Ahora cobramos a tiempo.";

export type InterviewWorld = Awaited<ReturnType<typeof openInterviewWorld>>;

/** In beforeAll; the file's `vi.mock` of the session must come first (the actions read it). */
export async function openInterviewWorld() {
  const database = await openTestDatabase();
  pointAppAt(database.url);
  const actions = await import("@/lib/interviews/actions");
  const mine = await createEvaluationWithTeam(database.prisma, { projectCount: 2 });
  const theirs = await createEvaluationWithTeam(database.prisma);
  const heard = await createConsentedRespondent(database.prisma, {
    evaluationId: mine.evaluation.id,
    recordedById: mine.members.evaluator!.id,
  });
  const place = buildPlace({ evaluationId: mine.evaluation.id, state: "Coahuila", municipality: "Monclova" });
  await database.prisma.place.create({ data: place });
  return { database, actions, mine, theirs, heard, placeId: place.id };
}

/** What the interview form sends for a valid interview in our evaluation, with `overrides`. */
export function interviewInput(world: InterviewWorld, overrides: Record<string, unknown> = {}) {
  const { mine, heard, placeId } = world;
  return {
    evaluationId: mine.evaluation.id,
    date: "2024-06-12",
    mode: "IN_PERSON",
    placeId,
    language: "es",
    durationMinutes: "75",
    interviewerIds: [mine.members.evaluator!.id],
    respondentIds: [heard.id],
    projectIds: [mine.projects[0]!.id],
    notes: "Entrevista en el local sindical.",
    transcriptOriginal: TRANSCRIPT,
    transcriptLanguage: "es",
    transcriptTranslation: "",
    translationLanguage: "",
    translatedById: "",
    ...overrides,
  };
}

/** Creates a valid interview as the signed-in caller; a refusal fails the test here. */
export async function createInterview(world: InterviewWorld, overrides: Record<string, unknown> = {}) {
  const result = await world.actions.createInterview(interviewInput(world, overrides));
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result.data;
}
