/** Who may open the imports page: the same question the actions ask (`import.run`, then the kind's own). */
import type { CurrentUser } from "@/lib/auth/session";
import { accessWith } from "@/lib/evaluations/access";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import type { Role } from "@/lib/permissions";
import { mayImport } from "./policy";

/** The caller's roles when they may import into this evaluation; null otherwise (answer 404). */
export async function importRunnerRoles(evaluationId: string, user: CurrentUser): Promise<Role[] | null> {
  return (await accessWith(evaluationId, user, "import.run"))?.roles ?? null;
}

/** Whether a page may offer this kind of import (a link to the wizard) to this person. */
export async function mayImportInto(
  evaluationId: string,
  user: CurrentUser | null,
  kind: ImportKind,
): Promise<boolean> {
  const roles = user ? await importRunnerRoles(evaluationId, user) : null;
  return roles !== null && mayImport(roles, kind);
}
