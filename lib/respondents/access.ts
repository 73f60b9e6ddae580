/** Who may open the respondent pages: their loaders (lib/respondents/loaders.ts) ask here. */
import { cache } from "react";
import { evaluationAccess, type Reader } from "@/lib/evaluations/access";
import { can } from "@/lib/permissions";
import { respondentCapabilities, type RespondentCapabilities } from "./policy";

/**
 * The user's capabilities on this evaluation's respondents, or null when they may not see
 * respondents at all (the page answers 404, as for an evaluation that does not exist).
 */
export const respondentAccess = cache(
  async (evaluationId: string, user: Reader | null): Promise<RespondentPageAccess | null> => {
    const access = await evaluationAccess(evaluationId, user);
    if (!access) return null;
    const { roles } = access;
    const capabilities = respondentCapabilities(roles);
    if (!capabilities.view) return null;
    return { ...capabilities, viewInterviews: can(roles, "interview.view"), viewStories: can(roles, "story.view") };
  },
);

export type RespondentPageAccess = RespondentCapabilities & { viewInterviews: boolean; viewStories: boolean };
