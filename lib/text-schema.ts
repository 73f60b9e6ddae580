/**
 * Free text typed into the story, domain, selection, triangulation and validation forms. The
 * issue messages are keys ("required", "tooLong", "invalidCharacters", "invalid") that each form
 * looks up under its own area's `errors`, so they must stay exactly these words.
 */
import { z } from "zod";

/** NUL cannot be stored in PostgreSQL text; everything else (RTL marks, markup, SQL) is kept literally. */
export const hasNoNul = (value: string) => !value.includes("\u0000");

/** Trimmed text that must be there: blank, missing or not a string is "required". */
export function requiredText(max: number) {
  return z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(max, { error: "tooLong" })
    .refine(hasNoNul, { error: "invalidCharacters" });
}

/** Trimmed text that may be left out: "", missing and null become null; not a string is "invalid". */
export function optionalText(max: number) {
  return z
    .string({ error: "invalid" })
    .trim()
    .max(max, { error: "tooLong" })
    .refine(hasNoNul, { error: "invalidCharacters" })
    .nullish()
    .transform((value) => (value ? value : null));
}
