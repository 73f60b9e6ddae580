"use server";
/**
 * Server actions of respondent validation. Each is authenticated, validated and authorised by
 * lib/actions.ts (404 outside the evaluation); the mutation loads every record by
 * (evaluationId, id) and does the rest in one transaction.
 */
import { evaluationAction, reject } from "@/lib/actions";
import * as corrections from "./correction-mutations";
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

type Outcome = { ok: true } | { ok: false; reason: string; field?: string; blockers?: unknown[] };

function result<T extends Outcome>(outcome: T) {
  if (outcome.ok) return outcome;
  const blockers = "blockers" in outcome && Array.isArray(outcome.blockers) ? outcome.blockers : null;
  // A blocked step names its first blocker, which the form shows translated.
  const first = blockers?.[0] as { code?: string } | string | undefined;
  const reason = blockers
    ? `BLOCKED_${typeof first === "string" ? first : (first?.code ?? "UNKNOWN")}`
    : outcome.reason;
  return reject(reason, outcome.field);
}

export const createValidationRound = evaluationAction("createValidationRound", {
  permission: "validation.manage",
  input: createRoundInput,
  handler: async ({ actor, input, ipAddress }) =>
    result(await rounds.createRound({ actorId: actor.id, ipAddress }, input)),
});

export const updateValidationRound = evaluationAction("updateValidationRound", {
  permission: "validation.manage",
  input: updateRoundInput,
  handler: async ({ actor, input, ipAddress }) =>
    result(await rounds.updateRound({ actorId: actor.id, ipAddress }, input)),
});

export const stepValidationRound = evaluationAction("stepValidationRound", {
  permission: "validation.manage",
  input: roundStepInput,
  handler: async ({ actor, input, ipAddress }) =>
    result(await rounds.stepRound({ actorId: actor.id, ipAddress }, input)),
});

export const drawValidationSample = evaluationAction("drawValidationSample", {
  permission: "validation.manage",
  input: drawSampleInput,
  handler: async ({ actor, input, ipAddress }) =>
    result(await sample.drawSample({ actorId: actor.id, ipAddress }, input)),
});

export const addValidationSampleMember = evaluationAction("addValidationSampleMember", {
  permission: "validation.manage",
  input: addSampleMemberInput,
  handler: async ({ actor, input, ipAddress }) =>
    result(await sample.addSampleMember({ actorId: actor.id, ipAddress }, input)),
});

export const removeValidationSampleMember = evaluationAction("removeValidationSampleMember", {
  permission: "validation.manage",
  input: sampleMemberInput,
  handler: async ({ actor, input, ipAddress }) =>
    result(await sample.removeSampleMember({ actorId: actor.id, ipAddress }, input)),
});

export const recordValidationResponse = evaluationAction("recordValidationResponse", {
  permission: "validation.record",
  input: recordResponseInput,
  handler: async ({ actor, input, ipAddress }) =>
    result(await responses.recordResponse({ actorId: actor.id, ipAddress }, input)),
});

/** Whoever may record a response may correct one, while its round is not closed. */
export const correctValidationResponse = evaluationAction("correctValidationResponse", {
  permission: "validation.record",
  input: correctResponseInput,
  handler: async ({ actor, input, ipAddress }) =>
    result(await corrections.correctResponse({ actorId: actor.id, ipAddress }, input)),
});

export const resolveValidationDispute = evaluationAction("resolveValidationDispute", {
  permission: "validation.manage",
  input: resolveDisputeInput,
  handler: async ({ actor, input, ipAddress }) =>
    result(await responses.resolveDispute({ actorId: actor.id, ipAddress }, input)),
});
