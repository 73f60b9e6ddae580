/**
 * A portfolio of projects as a lead keeps it in a spreadsheet, written at test time (no binary
 * files in the repository): the reference evaluation's 19 projects (the seed's copy of the shared
 * fixture), one per row, funding streams joined in one cell. Dates are real date cells.
 */
import ExcelJS from "exceljs";
import { fixture } from "@/prisma/seed/fixture";

export const PROJECT_LIST_HEADERS = [
  "Acronym",
  "Name",
  "Managing office",
  "Funding streams",
  "Start date",
  "End date",
  "Notes",
];

/** A cell: text, a number, a date (written as a date cell), a formula, or nothing. */
export type ProjectListCell = string | number | Date | { formula: string } | null;

export function referencePortfolio(): ProjectListCell[][] {
  return fixture.projects.map((project) => [
    project.acronym,
    project.name,
    project.office,
    project.funding.join(", "),
    null,
    null,
    null,
  ]);
}

export async function projectListXlsx(rows: ProjectListCell[][], headers = PROJECT_LIST_HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Proyectos");
  sheet.addRow(headers);
  for (const cells of rows) {
    const row = sheet.addRow(
      cells.map((cell) =>
        cell && typeof cell === "object" && "formula" in cell ? { formula: cell.formula, result: "" } : cell,
      ),
    );
    cells.forEach((cell, index) => {
      if (cell instanceof Date) row.getCell(index + 1).numFmt = "dd/mm/yyyy";
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same list as CSV text; dates as the cells hold them (text). */
export function projectListCsv(rows: string[][], headers = PROJECT_LIST_HEADERS, delimiter = ","): string {
  const quote = (value: string) => (/[",;\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${[headers, ...rows].map((cells) => cells.map(quote).join(delimiter)).join("\r\n")}\r\n`;
}
