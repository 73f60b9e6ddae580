"use server";

import { evaluationAction, reject } from "@/lib/actions";
import { assignDomain, endSecondaryAssignment } from "./mutations";
import { assignDomainInput, endAssignmentInput } from "./schema";

export const assignStoryDomain = evaluationAction("assignStoryDomain", {
  permission: "story.assign_domain",
  input: assignDomainInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await assignDomain({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { assignmentId: result.assignmentId } : reject(result.reason, result.field);
  },
});

export const endStoryDomain = evaluationAction("endStoryDomain", {
  permission: "story.assign_domain",
  input: endAssignmentInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await endSecondaryAssignment({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { ended: true } : reject(result.reason, result.field);
  },
});
