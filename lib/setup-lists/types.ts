/**
 * What the setup-lists forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
export const LIST_KINDS = ["SECTOR", "PRIORITY", "AT_RISK_GROUP"] as const;

export type ListKind = (typeof LIST_KINDS)[number];

export const LABEL_MAX = 200;
