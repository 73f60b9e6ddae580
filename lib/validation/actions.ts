"use server";
/**
 * Server actions of respondent validation. Each is authenticated, validated and authorised by
 * lib/actions.ts (404 outside the evaluation); the mutation loads every record by
 * (evaluationId, id) and does the rest in one transaction.
 */
import { evaluationAction } from "@/lib/actions";
import { outcomeOrRejection } from "@/lib/core/refusal";
import * as corrections from "./correction-mutations";
import * as disputes from "./dispute-mutations";
import * as rounds from "./mutations";
import * as responses from "./response-mutations";
import * as sample from "./sample-mutations";
import {
  addSampleMemberInput,
  correctResponseInput,
  createRoundInput,
  drawSampleInput,
  recordResponseInput,
  resolveDisputeInput,
  roundStepInput,
  sampleMemberInput,
  updateRoundInput,
} from "./schema";

export const createValidationRound = evaluationAction("createValidationRound", {
  permission: "validation.manage",
  input: createRoundInput,
  handler: async ({ actor, input, ipAddress }) =>
    outcomeOrRejection(await rounds.createRound({ actorId: actor.id, ipAddress }, input)),
});

export const updateValidationRound = evaluationAction("updateValidationRound", {
  permission: "validation.manage",
  input: updateRoundInput,
  handler: async ({ actor, input, ipAddress }) =>
    outcomeOrRejection(await rounds.updateRound({ actorId: actor.id, ipAddress }, input)),
});

export const stepValidationRound = evaluationAction("stepValidationRound", {
  permission: "validation.manage",
  input: roundStepInput,
  handler: async ({ actor, input, ipAddress }) =>
    outcomeOrRejection(await rounds.stepRound({ actorId: actor.id, ipAddress }, input)),
});

export const drawValidationSample = evaluationAction("drawValidationSample", {
  permission: "validation.manage",
  input: drawSampleInput,
  handler: async ({ actor, input, ipAddress }) =>
    outcomeOrRejection(await sample.drawSample({ actorId: actor.id, ipAddress }, input)),
});

export const addValidationSampleMember = evaluationAction("addValidationSampleMember", {
  permission: "validation.manage",
  input: addSampleMemberInput,
  handler: async ({ actor, input, ipAddress }) =>
    outcomeOrRejection(await sample.addSampleMember({ actorId: actor.id, ipAddress }, input)),
});

export const removeValidationSampleMember = evaluationAction("removeValidationSampleMember", {
  permission: "validation.manage",
  input: sampleMemberInput,
  handler: async ({ actor, input, ipAddress }) =>
    outcomeOrRejection(await sample.removeSampleMember({ actorId: actor.id, ipAddress }, input)),
});

export const recordValidationResponse = evaluationAction("recordValidationResponse", {
  permission: "validation.record",
  input: recordResponseInput,
  handler: async ({ actor, input, ipAddress }) =>
    outcomeOrRejection(await responses.recordResponse({ actorId: actor.id, ipAddress }, input)),
});

/** Whoever may record a response may correct one, while its round is not closed. */
export const correctValidationResponse = evaluationAction("correctValidationResponse", {
  permission: "validation.record",
  input: correctResponseInput,
  handler: async ({ actor, input, ipAddress }) =>
    outcomeOrRejection(await corrections.correctResponse({ actorId: actor.id, ipAddress }, input)),
});

/** One step for the lead: the written resolution, its outcome, and the story's stage with it (decision 0042). */
export const resolveValidationDispute = evaluationAction("resolveValidationDispute", {
  permission: "validation.manage",
  input: resolveDisputeInput,
  handler: async ({ actor, input, ipAddress }) =>
    outcomeOrRejection(await disputes.resolveDispute({ actorId: actor.id, ipAddress }, input)),
});
