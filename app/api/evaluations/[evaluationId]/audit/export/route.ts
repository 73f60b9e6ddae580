/** The audit trail as CSV, with the page's filters. Only leads and admins; the export is itself audited. */
import { recordAudit } from "@/lib/audit";
import { auditReader } from "@/lib/audit-trail/access";
import { streamAuditEvents, type AuditExportRow } from "@/lib/audit-trail/data";
import { parseAuditFilters } from "@/lib/audit-trail/schema";
import { db } from "@/lib/db";
import { csvStream, type CsvColumn } from "@/lib/exports/csv";

export const dynamic = "force-dynamic";

const columns: CsvColumn<AuditExportRow>[] = [
  { header: "sequence", value: (row) => row.sequence.toString() },
  { header: "time_utc", value: (row) => row.createdAt },
  { header: "actor_id", value: (row) => row.actorId },
  { header: "actor_name", value: (row) => row.actorName },
  { header: "action", value: (row) => row.action },
  { header: "record_type", value: (row) => row.recordType },
  { header: "record_id", value: (row) => row.recordId },
  { header: "before", value: (row) => row.before },
  { header: "after", value: (row) => row.after },
  { header: "ip_address", value: (row) => row.ipAddress },
];

export async function GET(request: Request, { params }: { params: Promise<{ evaluationId: string }> }) {
  const { evaluationId } = await params;
  const actor = await auditReader(evaluationId, "audit.export");
  const noStore = { "Cache-Control": "private, no-store" };
  if (!actor) return Response.json({ error: "NOT_FOUND" }, { status: 404, headers: noStore });

  const { before: _cursor, ...filters } = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  const body = csvStream(columns, streamAuditEvents(evaluationId, filters), async (rowCount) => {
    await db().$transaction((tx) =>
      recordAudit(tx, {
        evaluationId,
        actorId: actor.id,
        action: "audit.export",
        recordType: "AuditEvent",
        after: { filters, rowCount },
      }),
    );
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      ...noStore,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${evaluationId}-${day}.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
