"use server";
/**
 * Server actions for respondents, identities and consent. Each one is authenticated, validated
 * with the form's schema and authorised by lib/actions.ts; the mutation re-checks the record's
 * evaluation (404 outside it) and does the rest in one transaction.
 */
import { evaluationAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { recordConsent, withdrawConsent } from "./consent-mutations";
import { revealIdentity, updateIdentity } from "./identity-mutations";
import { createRespondent, updateRespondent } from "./mutations";
import {
  consentSchema,
  createRespondentSchema,
  respondentRefSchema,
  updateIdentitySchema,
  updateRespondentSchema,
  withdrawalSchema,
} from "./schema";

export const createRespondentAction = evaluationAction("respondent.create", {
  permission: "respondent.edit",
  input: createRespondentSchema,
  handler: async ({ actor, input, roles, ipAddress }) => {
    const { evaluationId, name, phone, email, community, ...attributes } = input;
    const identity = { name, phone, email, community };
    const identityGiven = Object.values(identity).some((value) => value !== null);
    if (identityGiven && !can(roles, "respondent.identity.edit")) throw new AppError("FORBIDDEN");
    return createRespondent({ actorId: actor.id, ipAddress }, { evaluationId, attributes, identity: identityGiven ? identity : null });
  },
});

export const updateRespondentAction = evaluationAction("respondent.update", {
  permission: "respondent.edit",
  input: updateRespondentSchema,
  handler: async ({ actor, input, ipAddress }) => {
    const { evaluationId, respondentId, version, ...attributes } = input;
    return updateRespondent({ actorId: actor.id, ipAddress }, { evaluationId, respondentId, version, attributes });
  },
});

export const revealIdentityAction = evaluationAction("respondent.identity.read", {
  permission: "respondent.identity.view",
  input: respondentRefSchema,
  handler: async ({ actor, input, ipAddress }) => revealIdentity({ actorId: actor.id, ipAddress }, input),
});

export const updateIdentityAction = evaluationAction("respondent.identity.update", {
  permission: "respondent.identity.edit",
  input: updateIdentitySchema,
  handler: async ({ actor, input, ipAddress }) => {
    const { evaluationId, respondentId, version, ...identity } = input;
    return updateIdentity({ actorId: actor.id, ipAddress }, { evaluationId, respondentId, version, identity });
  },
});

export const recordConsentAction = evaluationAction("consent.record", {
  permission: "consent.edit",
  input: consentSchema,
  handler: async ({ actor, input, ipAddress }) => recordConsent({ actorId: actor.id, ipAddress }, input),
});

export const withdrawConsentAction = evaluationAction("consent.withdraw", {
  permission: "consent.edit",
  input: withdrawalSchema,
  handler: async ({ actor, input, ipAddress }) => {
    const { confirmed: _confirmed, ...withdrawal } = input;
    return withdrawConsent({ actorId: actor.id, ipAddress }, withdrawal);
  },
});
