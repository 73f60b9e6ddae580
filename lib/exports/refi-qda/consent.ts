/**
 * Who and what a REFI-QDA project leaves out for consent (decision 0026). A project leaves the
 * team: it is shared beyond the app, so a respondent is in it only when their current consent
 * grants SHARE_WITH_FUNDER, is not withdrawn, and they are not excluded (the one consent rule,
 * lib/respondents/policy.ts). Transcripts carry no speaker turns, so a person's words cannot be
 * cut out of a conversation: a transcript with any registered speaker who is left out (an
 * interview's respondent, a focus group's participant) is left out whole, with its passages.
 */
import { consentStanding } from "@/lib/respondents/policy";
import type { ProjectRecords } from "./records";

export type ConsentCut = {
  respondentIds: Set<string>;
  interviewIds: Set<string>;
  focusGroupIds: Set<string>;
  storyIds: Set<string>;
};

export function consentCut(records: ProjectRecords): ConsentCut {
  const respondentIds = new Set(
    records.respondents
      .filter((respondent) => consentStanding(respondent, "SHARE_WITH_FUNDER") !== "ALLOWED")
      .map((respondent) => respondent.id),
  );
  const anyLeftOut = (ids: readonly string[]) => ids.some((id) => respondentIds.has(id));
  return {
    respondentIds,
    interviewIds: new Set(
      records.interviews.filter((interview) => anyLeftOut(interview.respondentIds)).map((interview) => interview.id),
    ),
    focusGroupIds: new Set(
      records.focusGroups.filter((group) => anyLeftOut(group.participantIds)).map((group) => group.id),
    ),
    // A story is its storytellers' own account: it goes with them.
    storyIds: new Set(records.stories.filter((story) => anyLeftOut(story.storytellerIds)).map((story) => story.id)),
  };
}
