/**
 * An audit event as a sentence a person can read ("Mariana Quiroga revealed the identity of
 * R-0014"): each action has its own wording in lib/i18n/messages/{es,en}/audit.json under
 * `audit.sentences`, keyed by the action with its dots as underscores (an action such as
 * "story.stage" and its longer sibling "story.stage.change" cannot both be nested keys). An
 * action without wording still reads, through the `other` sentence, and a unit test names it.
 */
export function sentenceKey(action: string): string {
  return action.replace(/\./g, "_");
}

/** The message keys of the record nouns used when a record has no label (deleted, or not named). */
export const RECORD_NOUNS = [
  "ChangeStory",
  "Respondent",
  "Interview",
  "FocusGroup",
  "SelectionRound",
  "SelectionPanel",
  "ValidationRound",
  "Domain",
  "Project",
  "User",
  "EvaluationMember",
  "Place",
  "Sector",
  "PriorityTag",
  "AtRiskGroup",
  "Evaluation",
  "EvidenceItem",
  "StoryQuotation",
  "TranscriptExcerpt",
  "TriangulationSignOff",
  "Review",
  "ValidationResponse",
  "ImportBatch",
  "PlaceCountry",
] as const;

export function recordNounKey(recordType: string): string {
  return (RECORD_NOUNS as readonly string[]).includes(recordType) ? recordType : "other";
}

/** How the loader keys the labels it found: one record type and id. */
export const labelKey = (recordType: string, recordId: string) => `${recordType}:${recordId}`;
