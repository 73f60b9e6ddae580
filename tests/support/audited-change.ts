/**
 * For tests that write rows straight to the tables: the event every change made through the app
 * appends to the evaluation's audit chain in its transaction. Counts kept until the evaluation
 * changes (lib/dashboard/kept.ts) read the rows again once it is there.
 */
import { recordAudit } from "@/lib/audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function recordTestChange(
  prisma: PrismaClient,
  evaluationId: string | null,
  action = "test.rows.written",
): Promise<void> {
  await prisma.$transaction((tx) => recordAudit(tx, { evaluationId, actorId: null, action, recordType: "Test" }));
}
