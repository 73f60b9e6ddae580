/**
 * The one door for table downloads, `GET /api/evaluations/{id}/exports/{table}.{csv|xlsx}`: the
 * same 404 as the list page for anyone who may not read the list, the list's own filters, search
 * and sort, every row, the columns the level allows, and one audit event when the file is complete
 * (an identified file has one more, written before its first row).
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { isoDay } from "@/lib/core/calendar-day";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { DOWNLOAD_CSP } from "@/lib/security/headers";
import { listReaderRoles } from "@/lib/tables/access";
import type { SearchParams } from "@/lib/tables/url-state";
import { columnIncluded, parseExportFile, parseExportOptions, type ExportRefusal, type LabelMode } from "./levels";
import { kindAtLevel, type ColumnContext } from "./tables/columns";
import { EXPORT_TABLE_DEFINITIONS } from "./tables";
import { leveledParts, readmeRows, readmeSheet } from "./workbook";
import { workbookStream } from "./workbook-writers";
import { contentTypeOf, exportStream, type Cell } from "./writers";
import { runtimeKeys } from "@/lib/i18n/labels";

/** A file asked of a download route: whose, which file, its filters, in which language, from where. */
export type DownloadRequest = {
  evaluationId: string;
  /** "respondents.xlsx", "funnel.svg". */
  file: string;
  params: SearchParams;
  user: CurrentUser | null;
  locale: AppLocale;
  ipAddress?: string | null;
};

export type ExportRequest = DownloadRequest & {
  /** The old audit address gave raw headers; the door gives labels unless asked otherwise. */
  defaultLabels?: LabelMode;
};

const NO_STORE = { "Cache-Control": "private, no-store" } as const;
const STATUS: Record<ExportRefusal, number> = { NOT_FOUND: 404, FORBIDDEN: 403, BAD_REQUEST: 400 };

function refused(reason: ExportRefusal): Response {
  return Response.json({ error: reason }, { status: STATUS[reason], headers: NO_STORE });
}

export async function exportTable(request: ExportRequest): Promise<Response> {
  const { evaluationId, user, params, locale } = request;
  const file = parseExportFile(request.file);
  if (!file) return refused("NOT_FOUND");
  const table = EXPORT_TABLE_DEFINITIONS[file.table];
  if (file.format === "zip" && !table.workbook) return refused("NOT_FOUND");
  const fullRoles = await listReaderRoles(evaluationId, table.permission, user);
  const roles =
    fullRoles ?? (table.scopedPermission ? await listReaderRoles(evaluationId, table.scopedPermission, user) : null);
  // Read through the narrower permission (reviewers, panelists): the event says so, as its rows are fewer than the filters say.
  const scope = fullRoles ? {} : { scopedBy: table.scopedPermission };
  if (!roles || !user) return refused("NOT_FOUND");
  const options = parseExportOptions(params, roles, request.defaultLabels);
  if (!options.ok) return refused(options.reason);
  const state = table.parse(params);
  if (state === null) return refused("BAD_REQUEST");
  const { level, labels } = options.options;

  const translator = translatorFor(locale);
  // Headers and choices repeat on every row: each message is looked up once per export.
  const looked = new Map<string, string>();
  const byKey = runtimeKeys(translator);
  const t = (key: string) => {
    let text = looked.get(key);
    if (text === undefined) looked.set(key, (text = byKey(key)));
    return text;
  };
  const context: ColumnContext = { labelled: labels === "labelled", t, level, locale };
  const described = { table: file.table, format: file.format, level, labels, ...table.described(state), ...scope };
  const record = ({ action, after }: { action: string; after: Record<string, unknown> }) =>
    db().$transaction((tx) =>
      recordAudit(tx, {
        evaluationId,
        actorId: user.id,
        ipAddress: request.ipAddress ?? null,
        action,
        recordType: table.recordType,
        after,
      }),
    );
  const audited = (rowCount: number, sheetRowCounts?: Record<string, number>) =>
    record({ action: table.action, after: { ...described, rowCount, ...(sheetRowCounts ? { sheetRowCounts } : {}) } });
  // Identities leave with the first rows, and a download cut short writes no event at its end: an
  // identified one is recorded before it starts as well, so no identity leaves without a trace.
  if (level === "identified") await record({ action: "export.identities.read", after: described });

  let body: ReadableStream<Uint8Array>;
  if (table.workbook && file.format !== "csv") {
    const { workbook } = table;
    const parts = leveledParts(workbook.sheets, context);
    const sheets = [...parts.map((part) => part.sheet), readmeSheet(context)];
    body = workbookStream(
      file.format,
      sheets,
      async (write) => {
        await workbook.feed(evaluationId, { user, roles }, state, level, (index, rows) =>
          write(
            index,
            rows.map((row) => parts[index]!.columns.map((column): Cell => column.value(row, context))),
          ),
        );
        await write(parts.length, readmeRows(parts, context));
      },
      // The row count is the table's own (stories); each sheet's count is recorded beside it.
      (counts) => audited(counts[0]!, Object.fromEntries(parts.map((part, index) => [part.key, counts[index]!]))),
    );
  } else {
    const columns = table.columns(roles).filter((column) => columnIncluded(column.sensitivity, level));
    const sheetColumns = columns.map((column) => ({
      header: context.labelled ? t(`exports.columns.${column.key}`) : column.key,
      kind: kindAtLevel(column.kind, column.sensitivity, level),
    }));
    body = exportStream(
      file.format === "zip" ? "csv" : file.format,
      t(`exports.sheets.${file.table}`),
      sheetColumns,
      (sink) =>
        table.feed(evaluationId, { user, roles }, state, level, (rows: unknown[]) =>
          sink(rows.map((row) => columns.map((column): Cell => column.value(row, context)))),
        ),
      (rowCount) => audited(rowCount),
    );
  }
  const day = isoDay(new Date());
  return new Response(body, {
    headers: {
      ...NO_STORE,
      "Content-Type": contentTypeOf(file.format),
      "Content-Disposition": `attachment; filename="${file.table}-${day}.${file.format}"`,
      "X-Content-Type-Options": "nosniff",
      // As the evidence downloads: a file opened in the browser by mistake runs nothing.
      "Content-Security-Policy": DOWNLOAD_CSP,
    },
  });
}
