"use server";
/**
 * Server actions for respondents, identities and consent. Each one is authenticated, validated
 * with the form's schema and authorised by lib/actions.ts; the mutation re-checks the record's
 * evaluation (404 outside it) and does the rest in one transaction.
 */
import { evaluationAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import * as consent from "./consent-mutations";
import * as identity from "./identity-mutations";
import * as mutations from "./mutations";
import {
  consentSchema,
  createRespondentSchema,
  respondentRefSchema,
  updateIdentitySchema,
  updateRespondentSchema,
  withdrawalSchema,
} from "./schema";

export const createRespondent = evaluationAction("createRespondent", {
  permission: "respondent.edit",
  input: createRespondentSchema,
  handler: async ({ actor, input, roles, ipAddress }) => {
    const { evaluationId, name, phone, email, community, ...attributes } = input;
    const given = { name, phone, email, community };
    const identityGiven = Object.values(given).some((value) => value !== null);
    if (identityGiven && !can(roles, "respondent.identity.edit")) throw new AppError("FORBIDDEN");
    return mutations.createRespondent(
      { actorId: actor.id, ipAddress },
      { evaluationId, attributes, identity: identityGiven ? given : null },
    );
  },
});

export const updateRespondent = evaluationAction("updateRespondent", {
  permission: "respondent.edit",
  input: updateRespondentSchema,
  handler: async ({ actor, input, ipAddress }) => {
    const { evaluationId, respondentId, version, ...attributes } = input;
    return mutations.updateRespondent(
      { actorId: actor.id, ipAddress },
      { evaluationId, respondentId, version, attributes },
    );
  },
});

/** Opens the identity and writes "respondent.identity.read" in the same transaction. */
export const revealRespondentIdentity = evaluationAction("revealRespondentIdentity", {
  permission: "respondent.identity.view",
  input: respondentRefSchema,
  handler: async ({ actor, input, ipAddress }) => identity.revealIdentity({ actorId: actor.id, ipAddress }, input),
});

export const updateRespondentIdentity = evaluationAction("updateRespondentIdentity", {
  permission: "respondent.identity.edit",
  input: updateIdentitySchema,
  handler: async ({ actor, input, ipAddress }) => {
    const { evaluationId, respondentId, version, ...values } = input;
    return identity.updateIdentity(
      { actorId: actor.id, ipAddress },
      { evaluationId, respondentId, version, identity: values },
    );
  },
});

export const recordConsent = evaluationAction("recordConsent", {
  permission: "consent.edit",
  input: consentSchema,
  handler: async ({ actor, input, ipAddress }) => consent.recordConsent({ actorId: actor.id, ipAddress }, input),
});

export const withdrawConsent = evaluationAction("withdrawConsent", {
  permission: "consent.edit",
  input: withdrawalSchema,
  handler: async ({ actor, input, ipAddress }) => {
    const { confirmed: _confirmed, ...withdrawal } = input;
    return consent.withdrawConsent({ actorId: actor.id, ipAddress }, withdrawal);
  },
});
