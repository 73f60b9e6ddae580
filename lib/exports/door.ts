/**
 * The one door for table downloads, `GET /api/evaluations/{id}/exports/{table}.{csv|xlsx}`: the
 * same 404 as the list page for anyone who may not read the list, the list's own filters, search
 * and sort, every row, the columns the level allows, and one audit event when the file is complete.
 */
import { createTranslator } from "next-intl";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";
import { DOWNLOAD_CSP } from "@/lib/security/headers";
import { listReaderRoles } from "@/lib/tables/access";
import type { SearchParams } from "@/lib/tables/url-state";
import { columnIncluded, parseExportFile, parseExportOptions, type ExportRefusal, type LabelMode } from "./levels";
import { kindAtLevel, type ColumnContext } from "./tables/columns";
import { EXPORT_TABLE_DEFINITIONS } from "./tables";
import { contentTypeOf, exportStream, type Cell } from "./writers";

export type ExportRequest = {
  evaluationId: string;
  /** "respondents.xlsx". */
  file: string;
  params: SearchParams;
  user: CurrentUser | null;
  locale: AppLocale;
  ipAddress?: string | null;
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
  const roles = await listReaderRoles(evaluationId, table.permission, user);
  if (!roles || !user) return refused("NOT_FOUND");
  const options = parseExportOptions(params, roles, request.defaultLabels);
  if (!options.ok) return refused(options.reason);
  const state = table.parse(params);
  if (state === null) return refused("BAD_REQUEST");
  const { level, labels } = options.options;

  const translator = createTranslator({ locale, messages: messages[locale] });
  const t = (key: string) => translator(key as never);
  const context: ColumnContext = { labelled: labels === "labelled", t, level, locale };
  const columns = table.columns(roles).filter((column) => columnIncluded(column.sensitivity, level));
  const sheetColumns = columns.map((column) => ({
    header: context.labelled ? t(`exports.columns.${column.key}`) : column.key,
    kind: kindAtLevel(column.kind, column.sensitivity, level),
  }));

  const body = exportStream(
    file.format,
    t(`exports.sheets.${file.table}`),
    sheetColumns,
    (sink) => table.feed(evaluationId, { user, roles }, state, level, (rows: unknown[]) => sink(rows.map((row) => columns.map((column): Cell => column.value(row, context))))),
    (rowCount) =>
      db().$transaction((tx) =>
        recordAudit(tx, {
          evaluationId,
          actorId: user.id,
          ipAddress: request.ipAddress ?? null,
          action: table.action,
          recordType: table.recordType,
          after: { table: file.table, format: file.format, level, labels, ...table.described(state), rowCount },
        }),
      ),
  );
  const day = new Date().toISOString().slice(0, 10);
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
