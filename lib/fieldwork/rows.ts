/**
 * The columns every fieldwork record has, as a save writes them and as its audit event shows
 * them: free text (notes, transcripts) only as length + SHA-256, never its words.
 */
import { isoDay, utcMidnight } from "@/lib/core/calendar-day";
import { recordTextAuditView, type RecordText } from "@/lib/excerpts/fingerprint";
import { sortedIds } from "./policy";

/** What both kinds' parsed form input holds besides their own fields and links. */
export type RecordInput = RecordText & { date: string; placeId: string | null; language: string };

export function recordRow(input: RecordInput) {
  return {
    date: utcMidnight(input.date),
    placeId: input.placeId,
    language: input.language,
    notes: input.notes,
    transcriptOriginal: input.transcriptOriginal,
    transcriptLanguage: input.transcriptLanguage,
    transcriptTranslation: input.transcriptTranslation,
    translationLanguage: input.translationLanguage,
    translatedById: input.translatedById,
  };
}

export type RecordRow = ReturnType<typeof recordRow>;

export function recordAuditView(value: RecordRow) {
  return {
    date: isoDay(value.date),
    placeId: value.placeId,
    language: value.language,
    ...recordTextAuditView(value),
  };
}

/** Link lists sorted, so that an event lists the same set the same way. */
export function linksAuditView(links: Record<string, readonly string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(links).map(([field, ids]) => [field, sortedIds(ids)]));
}

/** The named fields of a value, and nothing else. */
export function pick<T, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}
