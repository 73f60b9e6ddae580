/**
 * Downloads through the export door (app/api/evaluations/[evaluationId]/exports/[file]) as a
 * browser asks for them, and the file read back: CSV with csv-parse, XLSX with exceljs. Reading
 * a file first checks that the answer was 200.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { expect } from "vitest";

/** GET `file` of the evaluation; `locale` goes in the language cookie, when given. */
export async function getExport(evaluationId: string, file: string, search = "", locale?: string): Promise<Response> {
  // Imported when called: the route reads the environment the test file points at its database.
  const route = await import("@/app/api/evaluations/[evaluationId]/exports/[file]/route");
  const headers = locale ? { cookie: `NEXT_LOCALE=${locale}` } : undefined;
  return route.GET(
    new Request(`http://localhost:3000/api/evaluations/${evaluationId}/exports/${file}${search}`, { headers }),
    { params: Promise.resolve({ evaluationId, file }) },
  );
}

/** A CSV download's rows as objects by header. */
export async function csvOf(response: Response): Promise<Record<string, string>[]> {
  expect(response.status).toBe(200);
  return parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
}

export async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

/** An XLSX download's first sheet. */
export async function sheetOf(response: Response): Promise<ExcelJS.Worksheet> {
  return (await workbookOf(response)).worksheets[0]!;
}
