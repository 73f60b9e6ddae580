/**
 * What the users forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
export const TEXT_MAX = 200;

export const NAME_MAX = 120;

export const EMAIL_MAX = 254;

export const PASSWORD_MAX = 1024;
