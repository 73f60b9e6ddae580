/**
 * What the excerpts forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
export const MAX_EXCERPT_LENGTH = 20_000;

export const MAX_EXCERPT_NOTE_LENGTH = 2_000;

/** In UTF-16 code units, like the excerpt offsets (an emoji counts as two). */
export const MAX_TRANSCRIPT_LENGTH = 500_000;
