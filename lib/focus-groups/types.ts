/**
 * What the focus-groups forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
export const MAX_ANONYMOUS_PARTICIPANTS = 10_000;

export const MAX_TOPIC_LENGTH = 500;
