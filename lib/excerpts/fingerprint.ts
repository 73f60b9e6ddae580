import { createHash } from "node:crypto";

/** What an audit event says about a transcript: enough to prove a change, nothing readable. */
export type TranscriptFingerprint = { length: number; sha256: string } | null;

export function transcriptFingerprint(text: string | null | undefined): TranscriptFingerprint {
  if (!text) return null;
  return { length: text.length, sha256: createHash("sha256").update(text, "utf8").digest("hex") };
}

/** The free text of an interview or a focus group, and the languages and translator that go with it. */
export type RecordText = {
  notes: string | null;
  transcriptOriginal: string | null;
  transcriptLanguage: string | null;
  transcriptTranslation: string | null;
  translationLanguage: string | null;
  translatedById: string | null;
};

/**
 * No text at all: a record not yet written, or one whose text a consent withdrawal erased. Typed
 * by every field of RecordText, so a text field added there starts blank and is erased too.
 */
export const NO_RECORD_TEXT: { readonly [Field in keyof RecordText]: null } = {
  notes: null,
  transcriptOriginal: null,
  transcriptLanguage: null,
  transcriptTranslation: null,
  translationLanguage: null,
  translatedById: null,
};

/** The notes and transcripts of an interview or a focus group as an audit event shows them. */
export function recordTextAuditView(value: RecordText) {
  return {
    notes: transcriptFingerprint(value.notes),
    transcriptOriginal: transcriptFingerprint(value.transcriptOriginal),
    transcriptLanguage: value.transcriptLanguage,
    transcriptTranslation: transcriptFingerprint(value.transcriptTranslation),
    translationLanguage: value.translationLanguage,
    translatedById: value.translatedById,
  };
}
