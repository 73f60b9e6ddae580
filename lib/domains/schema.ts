/**
 * Assigning a story to domains of change: one primary and any number of secondary domains, each
 * with the reason in full sentences. Messages are keys under `stories.errors`.
 */
import { z } from "zod";
import type { DomainAssignmentKind } from "@/lib/generated/prisma/enums";
import { idSchema, LIMITS, requiredId } from "@/lib/stories/schema";
import { requiredText } from "@/lib/text-schema";

export const ASSIGNMENT_KINDS = ["PRIMARY", "SECONDARY"] as const satisfies readonly DomainAssignmentKind[];

export const assignDomainInput = z.object({
  evaluationId: idSchema,
  storyId: idSchema,
  domainId: requiredId,
  kind: z.enum(ASSIGNMENT_KINDS, { error: "required" }),
  rationale: requiredText(LIMITS.rationale),
  /**
   * The primary assignment the person saw (null: none). A primary assigned by someone else since
   * then refuses a new primary, so nobody replaces a choice they never saw.
   */
  expectedPrimaryId: idSchema.nullable(),
});

/** Ends a current secondary assignment (a primary is replaced, never just ended). */
export const endAssignmentInput = z.object({
  evaluationId: idSchema,
  storyId: idSchema,
  assignmentId: idSchema,
});

export type AssignDomainInput = z.output<typeof assignDomainInput>;
export type EndAssignmentInput = z.output<typeof endAssignmentInput>;
