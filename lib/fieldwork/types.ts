/**
 * What the fieldwork forms and pages share with the schema, without zod: the limits and options
 * both kinds have. Client components import these from here (schema.ts re-exports them), so the
 * browser never downloads zod for a constant (decision 0034).
 */
export const MAX_NOTES_LENGTH = 20_000;

export const MAX_PEOPLE = 50;

/** The languages offered in the forms; any other ISO 639 code already stored is shown as it is. */
export const FIELDWORK_LANGUAGES = ["es", "en", "nah", "mix", "zap", "yua", "tzo", "tzh", "oto", "pua"] as const;
