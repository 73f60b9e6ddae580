/**
 * Interviews and focus groups are both fieldwork records: a date and a place, the team members
 * who ran them, the respondents heard, the projects discussed, notes and a transcript. What tells
 * the two kinds apart on their way through the app (addresses, element ids, audit names) is said
 * once here. No server code: the forms use it too.
 */
import { evaluationPath } from "@/lib/evaluations/paths";
import type { ExcerptSource } from "@/lib/excerpts/data";
import type { ExcerptSourceKind } from "@/lib/excerpts/schema";

export type FieldworkKind = {
  /** The address under an evaluation: /evaluations/<id>/<segment>/<recordId>. */
  segment: "interviews" | "focus-groups";
  /** Prefix of the ids of form controls and page sections ("interview-date"). */
  idPrefix: "interview" | "focus-group";
  /** Where the kind's own texts are in the fieldwork messages ("interviews.newTitle"). */
  messages: "interviews" | "focusGroups";
  /** The fieldwork message of the link from the record's edit form back to its page. */
  backToRecord: "interviews.backToInterview" | "focusGroups.backToFocusGroup";
  /** How audit events name the record ("Interview") and its actions ("interview.update"). */
  recordType: "Interview" | "FocusGroup";
  auditName: "interview" | "focus_group";
  /** The record in internal error messages ("interview outside the evaluation"). */
  noun: string;
  excerptSource: ExcerptSourceKind;
  /** Which transcript excerpts belong to the record. */
  excerptsOf: (recordId: string) => ExcerptSource;
};

export const INTERVIEW: FieldworkKind = {
  segment: "interviews",
  idPrefix: "interview",
  messages: "interviews",
  backToRecord: "interviews.backToInterview",
  recordType: "Interview",
  auditName: "interview",
  noun: "interview",
  excerptSource: "INTERVIEW",
  excerptsOf: (interviewId) => ({ interviewId }),
};

export const FOCUS_GROUP: FieldworkKind = {
  segment: "focus-groups",
  idPrefix: "focus-group",
  messages: "focusGroups",
  backToRecord: "focusGroups.backToFocusGroup",
  recordType: "FocusGroup",
  auditName: "focus_group",
  noun: "focus group",
  excerptSource: "FOCUS_GROUP",
  excerptsOf: (focusGroupId) => ({ focusGroupId }),
};

/** The kind of a record as audit events name it. */
export function kindOf(recordType: FieldworkKind["recordType"]): FieldworkKind {
  return recordType === INTERVIEW.recordType ? INTERVIEW : FOCUS_GROUP;
}

/** The address of a kind's list, or of one record when its id is given. */
export function fieldworkPath(kind: FieldworkKind, evaluationId: string, recordId?: string): string {
  return recordId === undefined
    ? evaluationPath(evaluationId, kind.segment)
    : evaluationPath(evaluationId, kind.segment, recordId);
}
