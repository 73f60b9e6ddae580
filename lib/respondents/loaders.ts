/**
 * What the respondent pages read, with the read policy inside: null for anyone who may not see
 * respondents, or do what the page is for (the page answers 404). Identity content is never part
 * of it; whether an identity exists only for those who may see identities, and the interviews and
 * stories a respondent appears in only for those who may read them.
 */
import { cache } from "react";
import { accessWith, type Reader } from "@/lib/evaluations/access";
import type { RespondentFilters } from "@/lib/tables/lists";
import { seesExcludedRespondents } from "@/lib/tables/policy";
import type { TableState } from "@/lib/tables/url-state";
import { respondentAccess } from "./access";
import { getCurrentConsent, getRespondentDetail, getRespondentForEdit, getRespondentFormOptions } from "./data";
import { listRespondents } from "./list";

/** The table; excluded respondents are in it only for those who carry out withdrawals, and it says so. */
export const loadRespondentList = cache(
  async (evaluationId: string, reader: Reader | null, state: TableState<RespondentFilters>) => {
    const access = await accessWith(evaluationId, reader, "respondent.view");
    if (!access) return null;
    const page = await listRespondents(evaluationId, access.roles, state);
    return { ...page, includesExcluded: seesExcludedRespondents(access.roles) };
  },
);

/** One respondent's page and what the reader may do there. */
export const loadRespondentPage = cache(async (evaluationId: string, respondentId: string, reader: Reader | null) => {
  const access = await respondentAccess(evaluationId, reader);
  if (!access) return null;
  const found = await getRespondentDetail(evaluationId, respondentId, access.viewIdentity, access.editConsent);
  if (!found) return null;
  const respondent = {
    ...found,
    interviews: access.viewInterviews ? found.interviews : [],
    focusGroups: access.viewInterviews ? found.focusGroups : [],
    stories: access.viewStories ? found.stories : [],
  };
  const { edit, editIdentity, editConsent, viewInterviews, viewStories } = access;
  return { respondent, can: { edit, editIdentity, editConsent, viewInterviews, viewStories } };
});

/** The form for a new respondent, for those who may add them. */
export const loadNewRespondentForm = cache(async (evaluationId: string, reader: Reader | null) => {
  const access = await respondentAccess(evaluationId, reader);
  return access?.edit ? getRespondentFormOptions(evaluationId) : null;
});

/** A respondent's edit form with its choices, for those who may edit respondents. */
export const loadRespondentForm = cache(async (evaluationId: string, respondentId: string, reader: Reader | null) => {
  const access = await respondentAccess(evaluationId, reader);
  if (!access?.edit) return null;
  const [respondent, options] = await Promise.all([
    getRespondentForEdit(evaluationId, respondentId),
    getRespondentFormOptions(evaluationId),
  ]);
  return respondent ? { respondent, options } : null;
});

/** The newest consent, for the pages that record or withdraw consent (those who record it only). */
export const loadRespondentConsent = cache(
  async (evaluationId: string, respondentId: string, reader: Reader | null) => {
    const access = await respondentAccess(evaluationId, reader);
    return access?.editConsent ? getCurrentConsent(evaluationId, respondentId) : null;
  },
);
