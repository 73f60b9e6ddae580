/** Pure rules for domain assignment. */
import type { DomainAssignmentKind, StoryStage } from "@/lib/generated/prisma/enums";

/**
 * Stages in which domains may be (re)assigned here: the author proposes while drafting, screening
 * confirms. Panels reassign during selection through their own steps (later work).
 */
export const DOMAIN_ASSIGNMENT_STAGES: readonly StoryStage[] = ["DRAFT", "SUBMITTED", "SCREENED", "RETURNED"];

export function canAssignDomainAt(stage: StoryStage): boolean {
  return DOMAIN_ASSIGNMENT_STAGES.includes(stage);
}

type Current = { id: string; domainId: string; kind: DomainAssignmentKind };

export type AssignmentPlan =
  { ok: true; end: string[] } | { ok: false; reason: "ALREADY_ASSIGNED" | "ALREADY_PRIMARY" };

/**
 * What assigning `domainId` as `kind` ends among the current rows: a new primary ends the current
 * primary (and the domain's secondary row, if it was secondary); the same assignment twice is
 * refused; a domain cannot be secondary while it is the primary.
 */
export function planAssignment(
  current: readonly Current[],
  domainId: string,
  kind: DomainAssignmentKind,
): AssignmentPlan {
  const same = current.find((row) => row.domainId === domainId);
  if (same?.kind === kind) return { ok: false, reason: "ALREADY_ASSIGNED" };
  if (kind === "SECONDARY") return same ? { ok: false, reason: "ALREADY_PRIMARY" } : { ok: true, end: [] };
  const primary = current.find((row) => row.kind === "PRIMARY");
  return { ok: true, end: [primary?.id, same?.id].filter((id): id is string => Boolean(id)) };
}
