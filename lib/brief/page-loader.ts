/** The preview page's read: the signed-in member's copy, and whether they may ask for drafts. */
import { cache } from "react";
import { getAuthorizedUser } from "@/lib/auth/session";
import { evaluationAccess } from "@/lib/evaluations/access";
import { loadBrief } from "./loaders";
import type { BriefLanguage } from "./outcome-sentence";
import { briefCopy, type BriefInclude } from "./policy";

export const loadBriefPage = cache(async (evaluationId: string, include: BriefInclude, lang: BriefLanguage) => {
  const user = await getAuthorizedUser();
  const access = await evaluationAccess(evaluationId, user);
  const content = access ? await loadBrief(evaluationId, access.user, { include, lang }) : null;
  if (!access || !content) return null;
  return { content, canPreviewDrafts: briefCopy(access.roles, "selected") !== null };
});
