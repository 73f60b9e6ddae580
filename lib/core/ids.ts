/**
 * Record ids as the app makes them (cuid) and as forms and URLs send them back: one rule for
 * every feature. Checking an id before it reaches a query keeps a hostile value out of the
 * database and lets a loader answer "not found" at once.
 */
import { z } from "zod";

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a value from a URL, a form or a stored list can be a record id. */
export function validId(id: unknown): id is string {
  return typeof id === "string" && ID_PATTERN.test(id);
}

/** A record id in a zod schema; `message` is the field-error key the form translates. */
export function idSchemaWith(message: string) {
  return z.string({ error: message }).regex(ID_PATTERN, { error: message });
}

/** A record id whose error reads as the form namespace's "invalid". */
export const idSchema = idSchemaWith("invalid");

/** An id chosen in a select that starts empty: empty is "required", anything odd "invalid". */
export const requiredId = z.string({ error: "required" }).min(1, { error: "required" }).pipe(idSchema);
