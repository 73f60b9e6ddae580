/**
 * What the interview forms and pages share with the schema, without zod: the interview's own
 * limits and options (those of every fieldwork record are in lib/fieldwork/types.ts). Client
 * components import these from here (schema.ts re-exports them), so the browser never downloads
 * zod for a constant (decision 0034).
 */
export const INTERVIEW_MODES = ["IN_PERSON", "PHONE", "VIDEO"] as const;

export const MAX_DURATION_MINUTES = 24 * 60;
