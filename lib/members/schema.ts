/** Forms for an evaluation's members, shared by the browser forms and the actions. */
import { z } from "zod";
import { EvaluationRole } from "@/lib/generated/prisma/enums";
import { recordIdSchema } from "@/lib/users/schema";
import { EVALUATION_ROLES } from "./types";
export { EVALUATION_ROLES } from "./types";

/** One or more roles, each once, in the canonical order (so before/after compare as lists). */
export const rolesSchema = z
  .array(z.enum(EVALUATION_ROLES, { error: "validation.roleInvalid" }), { error: "validation.rolesRequired" })
  .min(1, "validation.rolesRequired")
  .max(EVALUATION_ROLES.length * 2, "validation.roleInvalid")
  .transform((roles) => EVALUATION_ROLES.filter((role) => roles.includes(role)));

export const memberTargetSchema = z.object({ evaluationId: recordIdSchema, memberId: recordIdSchema });

export const updateMemberRolesSchema = memberTargetSchema.extend({ roles: rolesSchema });
export type UpdateMemberRolesInput = z.infer<typeof updateMemberRolesSchema>;

export function sameRoles(a: readonly EvaluationRole[], b: readonly EvaluationRole[]): boolean {
  return a.length === b.length && EVALUATION_ROLES.every((role) => a.includes(role) === b.includes(role));
}

/** Roles in the canonical order, each once. */
export function canonicalRoles(roles: readonly EvaluationRole[]): EvaluationRole[] {
  return EVALUATION_ROLES.filter((role) => roles.includes(role));
}
