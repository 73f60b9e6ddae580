/**
 * What the selection forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
import type { VotingMethod } from "@/lib/generated/prisma/enums";

export const SELECTION_LIMITS = {
  name: 200,
  reason: 2_000,
  longText: 10_000,
  members: 100,
  candidates: 200,
  scale: 10,
} as const;

export const VOTING_METHODS = ["RANKING", "SCORING", "APPROVAL"] as const satisfies readonly VotingMethod[];
