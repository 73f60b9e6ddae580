/** What the members page reads: the team, and for those who manage it, addresses and pending invitations. */
import { cache } from "react";
import { accessWith, type Reader } from "@/lib/evaluations/access";
import { listPendingInvitations } from "@/lib/invitations/data";
import { can } from "@/lib/permissions";
import { findEvaluationName, listMembers } from "./data";

/** The team as this reader may see it; null when they may not see the members (404: nothing is revealed). */
export const loadMembersPage = cache(async (evaluationId: string, reader: Reader | null) => {
  const access = await accessWith(evaluationId, reader, "member.view");
  if (!access) return null;
  const canUpdateRoles = can(access.roles, "member.update_roles");
  const canRemove = can(access.roles, "member.remove");
  const canInvite = can(access.roles, "member.invite");
  const manages = canUpdateRoles || canRemove || canInvite;
  const [name, members, invitations] = await Promise.all([
    findEvaluationName(evaluationId),
    // E-mail addresses only for those who manage the team.
    listMembers(evaluationId, { withEmail: manages }),
    canInvite ? listPendingInvitations(evaluationId) : Promise.resolve([]),
  ]);
  if (name === null) return null;
  return { name, members, invitations, canUpdateRoles, canRemove, canInvite, manages, viewerId: access.user.id };
});
