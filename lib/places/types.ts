/**
 * What the places forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
export const COUNTRY_NAME_MAX = 100;

export const PLACE_NAME_MAX = 200;

export const REGION_CODE_MAX = 10;
