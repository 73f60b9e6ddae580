/** The audit event of a dashboard download, written once the file is complete (as table exports). */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { DashboardFilters } from "./schema";

export type DashboardDownload = {
  figure: string;
  format: string;
  filters: DashboardFilters;
  rowCount: number;
  exactCounts: boolean;
};

export async function recordDashboardDownload(
  evaluationId: string,
  actorId: string,
  ipAddress: string | null,
  download: DashboardDownload,
): Promise<void> {
  await db().$transaction((tx) =>
    recordAudit(tx, {
      evaluationId,
      actorId,
      ipAddress,
      action: "dashboard.export",
      recordType: "Dashboard",
      after: { ...download },
    }),
  );
}
