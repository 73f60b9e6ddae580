import type { EvaluationRole } from "@/lib/generated/prisma/client";

export type EvaluationViewer = { isAdmin: boolean };
export type EvaluationMembership = { roles: readonly EvaluationRole[] };

/**
 * Who may see an evaluation at all: administrators, and members holding at least one role.
 * What each role may do inside it is decided elsewhere.
 */
export function canViewEvaluation(
  viewer: EvaluationViewer,
  membership: EvaluationMembership | null | undefined,
): boolean {
  if (viewer.isAdmin === true) return true;
  return Boolean(membership && membership.roles.length > 0);
}
