/**
 * What the validation pages and the sheet download read, with the read policy inside: null for
 * anyone who may not record validation (the page answers 404). What only leads may do (set up,
 * step, resolve) comes as booleans, and the stories awaiting the lead are read for leads alone.
 */
import { cache } from "react";
import { accessWith, type Reader } from "@/lib/evaluations/access";
import { can } from "@/lib/permissions";
import {
  getCoverage,
  getResponse,
  getRound,
  getSheetData,
  listDisputes,
  listResponseRevisions,
  listResponses,
  listRounds,
  listSample,
  listStoriesAwaitingLead,
  listStoriesReadyForValidation,
  PAGE_SIZE,
} from "./data";
import { recordSheetDownload } from "./mutations";
import { getSampleRuleView } from "./sample-data";
import { buildValidationSheet } from "./sheet";

const recorderAccess = (evaluationId: string, reader: Reader | null) =>
  accessWith(evaluationId, reader, "validation.record");
const managerAccess = (evaluationId: string, reader: Reader | null) =>
  accessWith(evaluationId, reader, "validation.manage");

/** The rounds, a page at a time; for leads also the stories waiting for them. */
export const loadValidationRounds = cache(async (evaluationId: string, page: number, reader: Reader | null) => {
  const access = await recorderAccess(evaluationId, reader);
  if (!access) return null;
  const manages = can(access.roles, "validation.manage");
  const [rounds, awaiting] = await Promise.all([
    listRounds(evaluationId, page),
    manages ? listStoriesAwaitingLead(evaluationId) : null,
  ]);
  return {
    rounds: rounds.rows,
    pageCount: Math.max(1, Math.ceil(rounds.total / PAGE_SIZE)),
    canCreate: manages,
    awaiting: awaiting ? { ...awaiting, canSendToReview: can(access.roles, "review.submit") } : null,
  };
});

/** The stories a new round may take, for those who set rounds up. */
export const loadNewValidationRound = cache(async (evaluationId: string, reader: Reader | null) => {
  if (!(await managerAccess(evaluationId, reader))) return null;
  const stories = await listStoriesReadyForValidation(evaluationId);
  return { stories: stories.map(({ id, code, title }) => ({ id, code, title })) };
});

/** One round with a page of its sample and responses, and what this reader may do with it. */
export const loadValidationRound = cache(
  async (evaluationId: string, roundId: string, page: number, reader: Reader | null) => {
    const access = await recorderAccess(evaluationId, reader);
    if (!access) return null;
    const round = await getRound(evaluationId, roundId);
    if (!round) return null;
    const [sample, responses, coverage, disputes, sampleRule] = await Promise.all([
      listSample(evaluationId, roundId, page),
      listResponses(evaluationId, roundId, page),
      getCoverage(evaluationId, roundId),
      listDisputes(evaluationId, roundId),
      getSampleRuleView(evaluationId, roundId),
    ]);
    const manages = can(access.roles, "validation.manage");
    return {
      round,
      sample,
      responses,
      coverage,
      /** The round's disputes, open first, with each story's stage now. */
      disputes,
      /** Whom the sample was drawn from, and the sample by stratum against the eligible respondents. */
      sampleRule,
      /** The responses' download may name the respondents (a lead who asks). */
      canExportIdentified: can(access.roles, "export.identified"),
      can: {
        /** Edit the round, its sample and resolve disputes: a closed round is history. */
        manage: manages && round.status !== "CLOSED",
        /** Open or close it (the control stays on the page after closing, to say what happened). */
        step: manages,
        open: manages && round.status === "PLANNED",
        close: manages && round.status === "OPEN",
        drawSample: manages && round.status === "PLANNED",
        recordResponses: round.status === "OPEN",
      },
    };
  },
);

/** The edit form of a round that is not closed, with the stories a planned round may still take. */
export const loadValidationRoundForm = cache(async (evaluationId: string, roundId: string, reader: Reader | null) => {
  if (!(await managerAccess(evaluationId, reader))) return null;
  const round = await getRound(evaluationId, roundId);
  if (!round || round.status === "CLOSED") return null;
  const ready = round.status === "PLANNED" ? await listStoriesReadyForValidation(evaluationId) : [];
  return { round, ready: ready.map(({ id, code, title }) => ({ id, code, title })) };
});

/** One recorded response and every earlier version of it; it may be corrected until the round closes. */
export const loadValidationResponse = cache(
  async (evaluationId: string, roundId: string, responseId: string, reader: Reader | null) => {
    if (!(await recorderAccess(evaluationId, reader))) return null;
    const response = await getResponse(evaluationId, roundId, responseId);
    if (!response) return null;
    const revisions = await listResponseRevisions(evaluationId, responseId);
    return { response, revisions, canCorrect: response.validationRound.status !== "CLOSED" };
  },
);

/**
 * The sheet of one sampled respondent as a PDF, for those who record validation; null for anyone
 * else and any id outside the evaluation or the sample. Handing it out is audited.
 */
export async function loadValidationSheet(
  evaluationId: string,
  roundId: string,
  respondentId: string,
  reader: Reader | null,
) {
  const access = await recorderAccess(evaluationId, reader);
  if (!access) return null;
  const sheet = await getSheetData(evaluationId, roundId, respondentId);
  if (!sheet) return null;
  const pdf = await buildValidationSheet(sheet);
  await recordSheetDownload(
    { actorId: access.user.id },
    { evaluationId, roundId, respondentCode: sheet.respondentCode, stories: sheet.stories },
  );
  return { pdf, respondentCode: sheet.respondentCode };
}
