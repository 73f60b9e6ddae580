/**
 * The audit trail export: the audit page's filters, every matching event oldest first, read by
 * keyset on the sequence number (lib/audit-trail/data.ts). Before and after may quote records'
 * text, so they count as free text.
 */
import { streamAuditEvents, type AuditExportRow } from "@/lib/audit-trail/data";
import { parseAuditFilters, type AuditFilters } from "@/lib/audit-trail/schema";
import { EXPORT_BATCH_SIZE } from "../data";
import type { ExportTable } from "./columns";

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export const auditExport: ExportTable<AuditExportRow, AuditFilters> = {
  permission: "audit.export",
  recordType: "AuditEvent",
  action: "audit.export",
  // The page's cursor is a position in its pages, not a filter: the export has every page.
  parse: (params) => {
    const { before: _cursor, ...filters } = parseAuditFilters(params);
    return filters;
  },
  described: (filters) => ({ filters }),
  columns: () => [
    { key: "sequence", kind: "number", value: (row) => Number(row.sequence) },
    { key: "time_utc", kind: "dateTime", value: (row) => row.createdAt },
    { key: "actor_id", kind: "text", value: (row) => row.actorId },
    { key: "actor_name", kind: "text", value: (row) => row.actorName },
    { key: "action", kind: "text", value: (row) => row.action },
    { key: "record_type", kind: "text", value: (row) => row.recordType },
    { key: "record_id", kind: "text", value: (row) => row.recordId },
    { key: "before", kind: "text", sensitivity: "freeText", value: (row) => json(row.before) },
    { key: "after", kind: "text", sensitivity: "freeText", value: (row) => json(row.after) },
    { key: "ip_address", kind: "text", value: (row) => row.ipAddress },
  ],
  feed: async (evaluationId, _reader, filters, _level, sink) => {
    let batch: AuditExportRow[] = [];
    for await (const row of streamAuditEvents(evaluationId, filters, EXPORT_BATCH_SIZE)) {
      batch.push(row);
      if (batch.length === EXPORT_BATCH_SIZE) {
        await sink(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await sink(batch);
  },
};
