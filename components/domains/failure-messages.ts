/**
 * How a story's domain assignment reads when it is refused, under `stories.errors`: one key for
 * each reason lib/domains/mutations.ts exports (a reason without a key fails typecheck). The
 * story's page shows it; the table lives with the domains because the reasons are theirs.
 */
import type { AssignmentRefusal } from "@/lib/domains/mutations";
import { STORY_GENERAL_FAILURES } from "@/components/stories/failure-messages";
import { refusalFailureMessages, type RefusalMessages } from "@/components/ui/refusal-messages";

export const ASSIGNMENT_REFUSAL_MESSAGES: RefusalMessages<AssignmentRefusal> = {
  ...STORY_GENERAL_FAILURES,
  DOMAIN_RETIRED: "stories.errors.DOMAIN_RETIRED",
  ALREADY_ASSIGNED: "stories.errors.ALREADY_ASSIGNED",
  ALREADY_PRIMARY: "stories.errors.ALREADY_PRIMARY",
  PRIMARY_CANNOT_END: "stories.errors.PRIMARY_CANNOT_END",
};

/** An assignment's failure as message keys: under the domain field when it names one. */
export const assignmentFailureMessages = refusalFailureMessages(
  ASSIGNMENT_REFUSAL_MESSAGES,
  (code) => `stories.errors.${code}`,
);
