/** The trace a REFI-QDA download leaves: who took the project, what it held and what it left out. */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { ProjectCounts } from "./model";

export async function recordProjectExport(input: {
  evaluationId: string;
  actorId: string;
  ipAddress: string | null;
  locale: string;
  sha256: string;
  counts: ProjectCounts;
}): Promise<void> {
  await db().$transaction((tx) =>
    recordAudit(tx, {
      evaluationId: input.evaluationId,
      actorId: input.actorId,
      ipAddress: input.ipAddress,
      action: "qda_project.export",
      recordType: "Evaluation",
      recordId: input.evaluationId,
      after: { format: "qdpx", locale: input.locale, sha256: input.sha256, ...input.counts },
    }),
  );
}
