/**
 * What the validation forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
export const VALIDATION_VERDICTS = ["CONFIRMS", "CONFIRMS_WITH_CHANGES", "DISPUTES", "NO_OPINION"] as const;

/** How the lead settles a dispute (decision 0042), in the order the form offers them. */
export const DISPUTE_OUTCOMES = ["ACCEPT", "CORRECT", "DROP"] as const;

export const VALIDATION_METHODS = ["WORKSHOP", "INTERVIEW", "PHONE"] as const;

/** Whom a sample is drawn from (decision 0043); the first is the default. */
export const SAMPLE_RULES = ["SHARED_STATE_OR_TYPE", "SHARED_STATE", "SHARED_TYPE", "WHOLE_EVALUATION"] as const;
export type SampleRule = (typeof SAMPLE_RULES)[number];

export const LIMITS = {
  name: 200,
  notes: 5_000,
  comments: 10_000,
  resolution: 10_000,
  stories: 500,
  targetSize: 10_000,
} as const;
