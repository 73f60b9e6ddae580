/** The preview page's read: the signed-in member's copy, and whether they may ask for drafts. */
import { cache } from "react";
import { getAuthorizedUser } from "@/lib/auth/session";
import { findEvaluationAccess } from "@/lib/evaluations/data";
import { rolesOf } from "@/lib/permissions";
import { loadBrief } from "./loaders";
import type { BriefLanguage } from "./outcome-sentence";
import { briefCopy, type BriefInclude } from "./policy";

export const loadBriefPage = cache(async (evaluationId: string, include: BriefInclude, lang: BriefLanguage) => {
  const user = await getAuthorizedUser();
  if (!user) return null;
  const access = await findEvaluationAccess(evaluationId, user);
  const content = access ? await loadBrief(evaluationId, user, { include, lang }) : null;
  if (!access || !content) return null;
  return { content, canPreviewDrafts: briefCopy(rolesOf(user, access.roles), "selected") !== null };
});
