/** Domain reads: a story's assignments (current and ended) and the evaluation's domains. */
import "server-only";
import { db } from "@/lib/db";

export async function listDomainAssignments(evaluationId: string, storyId: string) {
  return db().domainAssignment.findMany({
    where: { evaluationId, storyId },
    orderBy: [{ assignedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      rationale: true,
      assignedAt: true,
      endedAt: true,
      domain: { select: { id: true, position: true, nameEn: true, nameEs: true } },
      assignedBy: { select: { name: true } },
      endedBy: { select: { name: true } },
    },
  });
}

export type DomainAssignmentRow = Awaited<ReturnType<typeof listDomainAssignments>>[number];

/** The domains to choose from (retired ones only where history is filtered, `withRetired`). */
export async function listDomains(evaluationId: string, options: { withRetired?: boolean } = {}) {
  return db().domain.findMany({
    where: { evaluationId, retiredAt: options.withRetired ? undefined : null },
    orderBy: { position: "asc" },
    select: { id: true, position: true, nameEn: true, nameEs: true, isOther: true },
  });
}

/** Every domain, retired ones included, with what names it: the setup page decides delete or retire by it. */
export async function listDomainsForSetup(evaluationId: string) {
  const rows = await db().domain.findMany({
    where: { evaluationId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      nameEn: true,
      nameEs: true,
      definitionEn: true,
      definitionEs: true,
      isOther: true,
      retiredAt: true,
      version: true,
      _count: { select: { assignments: true, selectionRounds: true, selectionPanels: true, learnings: true } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, inUse: Object.values(_count).some((count) => count > 0) }));
}

export type DomainSetupRow = Awaited<ReturnType<typeof listDomainsForSetup>>[number];
