/**
 * The values a fieldwork form starts from, in the fields both kinds share. Not a client module:
 * the pages that build a blank record run on the server.
 */
import { NO_RECORD_TEXT } from "@/lib/excerpts/fingerprint";
import type { RecordInput } from "@/lib/fieldwork/rows";

export type RecordFormValues = RecordInput & { id?: string; version?: number; projectIds: string[] };

/** A record not yet saved: fieldwork here is mostly in Spanish. */
export function blankRecord(): RecordFormValues {
  return {
    date: "",
    placeId: null,
    language: "es",
    ...NO_RECORD_TEXT,
    projectIds: [],
  };
}
