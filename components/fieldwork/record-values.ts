/**
 * The values a fieldwork form starts from, in the fields both kinds share. Not a client module:
 * the pages that build a blank record run on the server.
 */
import type { RecordInput } from "@/lib/fieldwork/rows";

export type RecordFormValues = RecordInput & { id?: string; version?: number; projectIds: string[] };

/** A record not yet saved: fieldwork here is mostly in Spanish. */
export function blankRecord(): RecordFormValues {
  return {
    date: "",
    placeId: null,
    language: "es",
    notes: null,
    transcriptOriginal: null,
    transcriptLanguage: null,
    transcriptTranslation: null,
    translationLanguage: null,
    translatedById: null,
    projectIds: [],
  };
}
