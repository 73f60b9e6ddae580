/** Who may open a fieldwork page: pages ask here, and answer 404 on null. */
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { accessWith } from "@/lib/evaluations/access";
import { can, type Permission } from "@/lib/permissions";

export type FieldworkAccess = { user: CurrentUser; canEdit: boolean };

/** The user and what they may do, when they hold `permission` in this evaluation; null otherwise. */
export const fieldworkAccess = cache(
  async (
    evaluationId: string,
    user: CurrentUser,
    permission: Extract<Permission, "interview.view" | "interview.edit">,
  ): Promise<FieldworkAccess | null> => {
    const access = await accessWith(evaluationId, user, permission);
    return access ? { user, canEdit: can(access.roles, "interview.edit") } : null;
  },
);
