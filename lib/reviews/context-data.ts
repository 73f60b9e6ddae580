/**
 * What a reviewer needs around a story's revision to read the whole outcome: the domains it stands
 * in now, and how the team answered each dispute raised in validation. The resolutions are the
 * team's own words; the respondents' comments stay out (they may name people or places).
 */
import "server-only";
import type { DomainAssignmentKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { evaluationLanguages } from "@/lib/translations/shown";

export type OutcomeContext = {
  /**
   * The evaluation's report languages: evidence summaries and the panel's reasons are written in
   * the first and translated into the other (decision 0038).
   */
  reportLanguages: { source: "es" | "en"; translation: "es" | "en" };
  domains: Array<{ kind: DomainAssignmentKind; position: number; nameEs: string; nameEn: string }>;
  disputeResolutions: Array<{ resolution: string; resolvedAt: Date }>;
};

export async function getOutcomeContext(evaluationId: string, storyId: string): Promise<OutcomeContext> {
  const [evaluation, assignments, disputes] = await Promise.all([
    db().evaluation.findUnique({ where: { id: evaluationId }, select: { languages: true } }),
    db().domainAssignment.findMany({
      where: { evaluationId, storyId, endedAt: null },
      orderBy: [{ kind: "asc" }, { domain: { position: "asc" } }],
      select: { kind: true, domain: { select: { position: true, nameEs: true, nameEn: true } } },
    }),
    db().validationResponse.findMany({
      where: {
        evaluationId,
        storyId,
        verdict: "DISPUTES",
        resolvedAt: { not: null },
        disputeResolution: { not: null },
      },
      orderBy: { resolvedAt: "asc" },
      take: 100,
      select: { disputeResolution: true, resolvedAt: true },
    }),
  ]);
  return {
    reportLanguages: evaluationLanguages(evaluation?.languages ?? []),
    domains: assignments.map(({ kind, domain }) => ({ kind, ...domain })),
    disputeResolutions: disputes.map((row) => ({ resolution: row.disputeResolution!, resolvedAt: row.resolvedAt! })),
  };
}
