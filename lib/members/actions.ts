"use server";

import { evaluationAction } from "@/lib/actions";
import * as mutations from "./mutations";
import { memberTargetSchema, updateMemberRolesSchema } from "./schema";

export const updateMemberRoles = evaluationAction("updateMemberRoles", {
  permission: "member.update_roles",
  input: updateMemberRolesSchema,
  handler: ({ actor, input, ipAddress }) =>
    mutations.updateMemberRoles(actor.id, input.evaluationId, input.memberId, input.roles, { ipAddress }),
});

export const removeMember = evaluationAction("removeMember", {
  permission: "member.remove",
  input: memberTargetSchema,
  handler: ({ actor, input, ipAddress }) =>
    mutations.removeMember(actor.id, input.evaluationId, input.memberId, { ipAddress }),
});
