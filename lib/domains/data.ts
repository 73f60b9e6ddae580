/** Domain reads: a story's assignments (current and ended) and the evaluation's domains. */
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

export async function listDomains(evaluationId: string) {
  return db().domain.findMany({
    where: { evaluationId },
    orderBy: { position: "asc" },
    select: { id: true, position: true, nameEn: true, nameEs: true, isOther: true },
  });
}
