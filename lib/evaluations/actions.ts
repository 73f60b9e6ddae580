"use server";

import { evaluationAction, installationAction } from "@/lib/actions";
import { rejectionOf } from "@/lib/core/refusal";
import { AppError } from "@/lib/errors";
import { copySetup } from "./copy-setup";
import { accessWith } from "./access";
import { deliverInvitation } from "@/lib/invitations/delivery";
import * as mutations from "./mutations";
import { copySetupSchema, createEvaluationSchema, updateEvaluationSchema } from "./schema";

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

/** Only from an evaluation whose setup the person may change too: copying is not a way to read another team's lists. */
export const copyEvaluationSetup = evaluationAction("copyEvaluationSetup", {
  permission: "evaluation.update",
  input: copySetupSchema,
  handler: async ({ actor, input, ipAddress }) => {
    if (!(await accessWith(input.sourceEvaluationId, actor, "evaluation.update"))) throw new AppError("NOT_FOUND");
    const result = await copySetup({ ...input, actorId: actor.id, ipAddress });
    if (!result.ok) return rejectionOf(result);
    const { ok: _, ...copied } = result;
    return copied;
  },
});
