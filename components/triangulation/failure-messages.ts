/**
 * How the triangulation forms' failures read, under `triangulation.errors`: one key for each reason
 * the evidence, sign-off and contribution mutations export (a reason without a key fails
 * typecheck), the file checks' reasons, and the sign-off's blockers (the action names the first).
 */
import type { StorySaveRefusal } from "@/lib/stories/mutations";
import type { TriangulationRefusal } from "@/lib/triangulation/mutations";
import type { EvidenceBlocker } from "@/lib/triangulation/policy";
import type { UploadRefusal } from "@/lib/uploads/file-check";
import { generalFailures, refusalFailureMessages, type RefusalMessages } from "@/components/ui/refusal-messages";

export const TRIANGULATION_REFUSAL_MESSAGES: RefusalMessages<
  TriangulationRefusal | StorySaveRefusal | UploadRefusal | EvidenceBlocker["code"]
> = {
  ...generalFailures("triangulation.errors"),
  STAGE_LOCKED: "triangulation.errors.STAGE_LOCKED",
  FIGURE_NOT_IN_STORY: "triangulation.errors.FIGURE_NOT_IN_STORY",
  ALREADY_SIGNED_OFF: "triangulation.errors.ALREADY_SIGNED_OFF",
  STORY_NEEDS_AUTHORS: "triangulation.errors.STORY_NEEDS_AUTHORS",
  NOT_IN_EVALUATION: "triangulation.errors.NOT_IN_EVALUATION",
  PROJECT_RETIRED: "triangulation.errors.PROJECT_RETIRED",
  FIGURE_HAS_EVIDENCE: "triangulation.errors.FIGURE_HAS_EVIDENCE",
  // The period is the authors' part of the story, which the form checks before saving.
  periodFromRequired: "triangulation.errors.STORY_NEEDS_AUTHORS",
  periodFormat: "triangulation.errors.STORY_NEEDS_AUTHORS",
  periodOrder: "triangulation.errors.STORY_NEEDS_AUTHORS",
  NO_STORYTELLER: "triangulation.errors.NO_STORYTELLER",
  NO_SOURCE: "triangulation.errors.NO_SOURCE",
  STORYTELLER_CONSENT: "triangulation.errors.STORYTELLER_CONSENT",
  FILE_EMPTY: "triangulation.errors.FILE_EMPTY",
  FILE_TOO_LARGE: "triangulation.errors.FILE_TOO_LARGE",
  FILE_TYPE_NOT_ALLOWED: "triangulation.errors.FILE_TYPE_NOT_ALLOWED",
  FILE_HOSTILE: "triangulation.errors.FILE_HOSTILE",
  FILE_NAME_INVALID: "triangulation.errors.FILE_NAME_INVALID",
  TOO_FEW_SOURCE_TYPES: "triangulation.errors.TOO_FEW_SOURCE_TYPES",
  CONTRADICTION_UNANSWERED: "triangulation.errors.CONTRADICTION_UNANSWERED",
};

/** "evidence.citation" and "fields.contributions.0.projectId" are shown next to "citation" and "contributions.0.projectId". */
const field = (path: string) => path.replace(/^(evidence|fields)\./, "");
/** The schemas' codes ("required") read under `triangulation.errors`. */
const fieldKey = (code: string) => `triangulation.errors.${code}`;

/** A triangulation action's failure as message keys, next to the field when there is one. */
export const triangulationFailureMessages = refusalFailureMessages(TRIANGULATION_REFUSAL_MESSAGES, fieldKey, field);
