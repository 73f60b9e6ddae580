/**
 * A validation round's own columns both ways: as a save writes them from the form's fields (and
 * its audit event shows them), and as the edit form starts from the stored round. Side by side so
 * that a field the form edits is saved and shown alike; the form's side fails typecheck when the
 * schema gains a field it does not give back.
 */
import { isoDay, utcMidnight } from "@/lib/core/calendar-day";
import type { RoundFields } from "./schema";

export function roundColumns(round: RoundFields) {
  return {
    name: round.name,
    startsOn: utcMidnight(round.startsOn),
    endsOn: utcMidnight(round.endsOn),
    method: round.method,
    targetSize: round.targetSize,
    notes: round.notes,
  };
}

/** A round saved before the target was required may have none. */
type StoredRound = Omit<ReturnType<typeof roundColumns>, "targetSize"> & { targetSize: number | null };

/** The stored round's columns as its edit form shows them (its stories are links, given apart). */
export function roundFormFields(round: StoredRound) {
  const { name, method, targetSize, notes } = round;
  return {
    name,
    startsOn: isoDay(round.startsOn),
    endsOn: isoDay(round.endsOn),
    method,
    targetSize,
    notes,
  } satisfies Record<Exclude<keyof RoundFields, "storyIds">, unknown>;
}
