"use server";

import { evaluationAction, installationAction } from "@/lib/actions";
import { deliverInvitation } from "@/lib/invitations/delivery";
import * as mutations from "./mutations";
import { createEvaluationSchema, updateEvaluationSchema } from "./schema";

export const createEvaluation = installationAction("createEvaluation", {
  permission: "evaluation.create",
  input: createEvaluationSchema,
  handler: async ({ actor, input, ipAddress }) => {
    const outcome = await mutations.createEvaluation(actor.id, input, { ipAddress });
    if ("rejected" in outcome) return outcome;
    const { evaluationId, lead } = outcome;
    if (lead.kind === "MEMBER") return { evaluationId, lead };
    // E-mailed to the new lead, or shown once to this administrator; only the token's hash is stored.
    const delivery = await deliverInvitation({
      inviter: actor,
      evaluationId,
      evaluationName: input.name,
      email: lead.email,
      invitation: lead.invitation,
      ipAddress,
    });
    return { evaluationId, lead: { kind: "INVITED" as const, email: lead.email, delivery } };
  },
});

export const updateEvaluation = evaluationAction("updateEvaluation", {
  permission: "evaluation.update",
  input: updateEvaluationSchema,
  handler: ({ actor, input, ipAddress }) => mutations.updateEvaluation(actor.id, input, { ipAddress }),
});
