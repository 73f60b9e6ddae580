/**
 * Assigning a story to domains of change: one primary and any number of secondary domains, each
 * with the reason in full sentences. Messages are keys under `stories.errors`.
 */
import { z } from "zod";
import type { DomainAssignmentKind } from "@/lib/generated/prisma/enums";
import { idSchema, requiredId } from "@/lib/core/ids";
import { version } from "@/lib/core/version";
import { LIMITS } from "@/lib/stories/schema";
import { optionalText, requiredText } from "@/lib/text-schema";
import { DOMAIN_LIMITS } from "./types";
export { DOMAIN_LIMITS } from "./types";

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

// ── Setting up the evaluation's domains of change ──

/** A domain's names and definitions. Both names are always required: the app shows domains in
 * Spanish and English to every member; the definitions are required in the evaluation's own
 * languages, which only the server knows, so the mutation checks those. */
export const domainFields = {
  nameEs: requiredText(DOMAIN_LIMITS.name),
  nameEn: requiredText(DOMAIN_LIMITS.name),
  definitionEs: optionalText(DOMAIN_LIMITS.definition),
  definitionEn: optionalText(DOMAIN_LIMITS.definition),
  /** The open "other change" domain; marking one unmarks the previous one. */
  isOther: z.boolean({ error: "invalid" }),
};

export const createDomainInput = z.object({ evaluationId: idSchema, ...domainFields });
export const updateDomainInput = z.object({
  evaluationId: idSchema,
  domainId: idSchema,
  expectedVersion: version,
  ...domainFields,
});

/** Retire, restore or delete one domain, as the person last saw it. */
export const domainVersionInput = z.object({
  evaluationId: idSchema,
  domainId: idSchema,
  expectedVersion: version,
});

/** The whole new order, and the order the person was looking at (a reorder made meanwhile refuses). */
export const reorderDomainsInput = z.object({
  evaluationId: idSchema,
  order: z.array(idSchema, { error: "invalid" }).min(1).max(DOMAIN_LIMITS.domains),
  seenOrder: z.array(idSchema, { error: "invalid" }).min(1).max(DOMAIN_LIMITS.domains),
});

export type CreateDomainInput = z.output<typeof createDomainInput>;
export type UpdateDomainInput = z.output<typeof updateDomainInput>;
export type DomainVersionInput = z.output<typeof domainVersionInput>;
export type ReorderDomainsInput = z.output<typeof reorderDomainsInput>;
