/**
 * What every list page (respondents, interviews, focus groups, stories) reads around its table:
 * null for anyone who may not read the list (the page answers 404), otherwise the evaluation's
 * name and filter choices, and whether this reader may add a record or export identities.
 */
import { cache } from "react";
import { accessWith, type Reader } from "@/lib/evaluations/access";
import { mayExportIdentified } from "@/lib/exports/levels";
import { can, type Permission } from "@/lib/permissions";
import { getListSetting } from "./data";

export const loadListFrame = cache(
  async (evaluationId: string, reader: Reader | null, read: Permission, create: Permission) => {
    const access = await accessWith(evaluationId, reader, read);
    if (!access) return null;
    const evaluation = await getListSetting(evaluationId);
    if (!evaluation) return null;
    return { evaluation, canCreate: can(access.roles, create), canExportIdentified: mayExportIdentified(access.roles) };
  },
);

export type ListFrame = NonNullable<Awaited<ReturnType<typeof loadListFrame>>>;
