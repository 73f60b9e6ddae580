/** Project reads for the setup page: every project, retired ones included, with what names it. */
import "server-only";
import { isoDay } from "@/lib/core/calendar-day";
import { db } from "@/lib/db";

export async function listProjectsForSetup(evaluationId: string) {
  const rows = await db().project.findMany({
    where: { evaluationId },
    orderBy: [{ managingOffice: "asc" }, { acronym: "asc" }],
    select: {
      id: true,
      acronym: true,
      name: true,
      managingOffice: true,
      fundingStreams: true,
      startDate: true,
      endDate: true,
      notes: true,
      retiredAt: true,
      version: true,
      _count: { select: { interviews: true, focusGroups: true, contributions: true } },
    },
  });
  return rows.map(({ _count, startDate, endDate, ...row }) => ({
    ...row,
    startDate: isoDay(startDate),
    endDate: isoDay(endDate),
    inUse: _count.interviews + _count.focusGroups + _count.contributions > 0,
  }));
}

export type ProjectSetupRow = Awaited<ReturnType<typeof listProjectsForSetup>>[number];
