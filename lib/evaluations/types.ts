/**
 * What the evaluations forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
export const DESCRIPTION_MAX = 5_000;
