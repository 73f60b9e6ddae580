/**
 * How the learning forms' failures read, under `learnings.errors`: one key for each reason the
 * learning mutations export (a reason without a key fails typecheck).
 */
import type { LearningRefusal } from "@/lib/learnings/mutations";
import { generalFailures, refusalFailureMessages, type RefusalMessages } from "@/components/ui/refusal-messages";

export const LEARNING_REFUSAL_MESSAGES: RefusalMessages<LearningRefusal> = {
  ...generalFailures("learnings.errors"),
  LANGUAGE_NOT_USED: "learnings.errors.LANGUAGE_NOT_USED",
  TITLE_REQUIRED: "learnings.errors.TITLE_REQUIRED",
  TEXT_REQUIRED: "learnings.errors.TEXT_REQUIRED",
  TRANSLATOR_NOT_MEMBER: "learnings.errors.TRANSLATOR_NOT_MEMBER",
  AUDIENCE_REQUIRED: "learnings.errors.AUDIENCE_REQUIRED",
  GROUP_REQUIRED: "learnings.errors.GROUP_REQUIRED",
  GROUP_NOT_FOUND: "learnings.errors.GROUP_NOT_FOUND",
  STORY_NOT_FOUND: "learnings.errors.STORY_NOT_FOUND",
  DOMAIN_NOT_FOUND: "learnings.errors.DOMAIN_NOT_FOUND",
  DOMAIN_RETIRED: "learnings.errors.DOMAIN_RETIRED",
  ALREADY_WRITTEN: "learnings.errors.ALREADY_WRITTEN",
  GROUP_TAKEN: "learnings.errors.GROUP_TAKEN",
  STALE_VERSION: "learnings.errors.STALE_VERSION",
  ORDER_CHANGED: "learnings.errors.ORDER_CHANGED",
  ORDER_INCOMPLETE: "learnings.errors.ORDER_INCOMPLETE",
};

/** A learning action's failure as message keys, next to the field when there is one. */
export const learningFailureMessages = refusalFailureMessages(
  LEARNING_REFUSAL_MESSAGES,
  (code) => `learnings.errors.${code}`,
);
