"use server";

import { installationAction } from "@/lib/actions";
import { invitationLink } from "@/lib/invitations/token";
import * as mutations from "./mutations";
import { createEvaluationSchema } from "./schema";

export const createEvaluation = installationAction("createEvaluation", {
  permission: "evaluation.create",
  input: createEvaluationSchema,
  handler: async ({ actor, input, ipAddress }) => {
    const outcome = await mutations.createEvaluation(actor.id, input, { ipAddress });
    if ("rejected" in outcome) return outcome;
    const { evaluationId, lead } = outcome;
    // The invitation link is shown once, to this administrator; only its hash is stored.
    return lead.kind === "INVITED"
      ? { evaluationId, lead: { kind: "INVITED" as const, email: lead.email, link: invitationLink(lead.token) } }
      : { evaluationId, lead };
  },
});
