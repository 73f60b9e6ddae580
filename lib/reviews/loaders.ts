/**
 * What the funder's review pages read, for those who may read reviews (reviewers and leads): null
 * for everyone else (the page answers 404). Stories reach them de-identified (lib/reviews/data.ts);
 * the decision form only for reviewers, and only while the story waits in review.
 */
import { cache } from "react";
import { accessWith, type Reader } from "@/lib/evaluations/access";
import { can } from "@/lib/permissions";
import { getOutcomeContext } from "./context-data";
import { getReviewQueue, getReviewStory } from "./data";
import { getDecidedOutcomes } from "./decided-data";

/** One page of the stories waiting in review, oldest first. */
export const loadReviewQueue = cache(async (evaluationId: string, reader: Reader | null, page: number) => {
  if (!(await accessWith(evaluationId, reader, "review.view"))) return null;
  return getReviewQueue(evaluationId, page);
});

/** One story as its reviewer reads it; only a story sent to review is found (see `getReviewStory`). */
export const loadReviewStory = cache(async (evaluationId: string, storyId: string, reader: Reader | null) => {
  const access = await accessWith(evaluationId, reader, "review.view");
  if (!access) return null;
  const detail = await getReviewStory(evaluationId, storyId);
  if (!detail) return null;
  const inReview = detail.stage === "IN_REVIEW";
  const context = await getOutcomeContext(evaluationId, storyId);
  return { ...detail, ...context, inReview, canDecide: inReview && can(access.roles, "review.decide") };
});

/** One page of the outcomes already decided (approved or returned), newest decision first. */
export const loadDecidedOutcomes = cache(async (evaluationId: string, reader: Reader | null, page: number) => {
  if (!(await accessWith(evaluationId, reader, "review.view"))) return null;
  return getDecidedOutcomes(evaluationId, page);
});
