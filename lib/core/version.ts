/**
 * The version a form loaded, sent back with an edit so that a save made on an older version is
 * refused: one rule for every feature. A version is a whole number from 1 up to the largest the
 * records' `version` columns (PostgreSQL integer) hold, so a value no record can have never
 * reaches a query (where the database would fail on it instead of the form saying why).
 */
import { z } from "zod";

const LARGEST_VERSION = 2_147_483_647;

/** A version in a zod schema; `message` is the field-error key the form translates, however it is wrong. */
export function versionWith(message: string) {
  return z
    .number({ error: message })
    .int({ error: message })
    .min(1, { error: message })
    .max(LARGEST_VERSION, { error: message });
}

/** A version whose error reads as the form namespace's "invalid". */
export const version = versionWith("invalid");
