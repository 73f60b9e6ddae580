/**
 * Which kinds of file a member may import. Every import needs `import.run`; a kind whose records
 * another form guards needs that form's permissions too, so a file cannot do what the form may
 * not: respondents carry identities and consent, and a project list changes the evaluation's
 * setup, which only those who may set it up (`evaluation.update`) change. Pure.
 */
import type { ImportKind } from "@/lib/generated/prisma/enums";
import { can, type Permission, type Role } from "@/lib/permissions";
import { IMPORT_KINDS } from "./fields";

export const KIND_PERMISSIONS: Record<ImportKind, readonly Permission[]> = {
  RESPONDENTS: ["respondent.identity.edit", "consent.edit"],
  INTERVIEWS: [],
  STORIES: [],
  PROJECTS: ["evaluation.update"],
};

export function mayImport(roles: readonly Role[], kind: ImportKind): boolean {
  return can(roles, "import.run") && KIND_PERMISSIONS[kind].every((permission) => can(roles, permission));
}

/** The kinds the wizard offers this member, in the wizard's order. */
export function importableKinds(roles: readonly Role[]): ImportKind[] {
  return IMPORT_KINDS.filter((kind) => mayImport(roles, kind));
}
