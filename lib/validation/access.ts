/** Who may open the validation and review pages and the validation sheets: one question, asked by each. */
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { evaluationAccess } from "@/lib/evaluations/access";
import { can } from "@/lib/permissions";

export type VerificationAccess = {
  manage: boolean;
  record: boolean;
  reviewView: boolean;
  reviewDecide: boolean;
  reviewSubmit: boolean;
};

/** The user's capabilities here, or null when they are not a member (pages answer 404). */
export const verificationAccess = cache(
  async (evaluationId: string, user: CurrentUser | null): Promise<VerificationAccess | null> => {
    const access = await evaluationAccess(evaluationId, user);
    if (!access) return null;
    const { roles } = access;
    return {
      manage: can(roles, "validation.manage"),
      record: can(roles, "validation.record"),
      reviewView: can(roles, "review.view"),
      reviewDecide: can(roles, "review.decide"),
      reviewSubmit: can(roles, "review.submit"),
    };
  },
);
