/**
 * What the members forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
import { EvaluationRole } from "@/lib/generated/prisma/enums";

/** In the order the interface lists them. */
export const EVALUATION_ROLES = [
  EvaluationRole.LEAD,
  EvaluationRole.EVALUATOR,
  EvaluationRole.PANELIST,
  EvaluationRole.ANALYST,
  EvaluationRole.REVIEWER,
] as const;
