/**
 * What the projects forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
export const PROJECT_LIMITS = { acronym: 60, name: 300, office: 60, stream: 60, streams: 10, notes: 2_000 } as const;
