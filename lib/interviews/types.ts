/**
 * What the interviews forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
export const INTERVIEW_MODES = ["IN_PERSON", "PHONE", "VIDEO"] as const;

export const MAX_DURATION_MINUTES = 24 * 60;

export const MAX_NOTES_LENGTH = 20_000;

export const MAX_PEOPLE = 50;

/** The languages offered in the forms; any other ISO 639 code already stored is shown as it is. */
export const FIELDWORK_LANGUAGES = ["es", "en", "nah", "mix", "zap", "yua", "tzo", "tzh", "oto", "pua"] as const;
