/**
 * Goes through a file once, in chunks of rows: converts and validates each row, checks its key
 * (present, not repeated in the file) and sets aside rows whose key an earlier import already
 * turned into a record (a re-import changes nothing). Valid new rows are handed to `onValid` a
 * chunk at a time — nothing for a dry run, the writers for a commit — so memory holds one chunk,
 * plus the set of keys seen (at most 50,000 short strings).
 */
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import { MAX_STORED_ERRORS } from "./limits";
import type { NumberLocale } from "@/lib/written-number";
import type { Delimiter } from "./reader";
import { openRepeatTables, openTable } from "./reader";
import { loadReferences } from "./references";
import { RepeatGroups } from "./repeat-groups";
import { codesNamed, convertRow, sourcesNamed, type ConvertedRow, type Layout, type RowError } from "./rows";
import type { ColumnMapping } from "./mapping";

type Client = Prisma.TransactionClient | PrismaClient;

export const RECORD_TYPE: Record<ImportKind, string> = {
  RESPONDENTS: "Respondent",
  INTERVIEWS: "Interview",
  STORIES: "ChangeStory",
  PROJECTS: "Project",
};
const CHUNK = 1000;
const MAX_KEY_LENGTH = 200;

export type ValidRow = { rowNumber: number; key: string; converted: ConvertedRow };
export type ScanSummary = {
  rowCount: number;
  newCount: number;
  skippedCount: number;
  errorCount: number;
  errors: RowError[];
  delimiter: string | null;
  /** Sheets or files that came with the file but are no repeat group a story carries. */
  ignoredSheets: string[];
};
/** A CSV file of a repeat group, sent with the main one and named by its file name. */
export type RelatedFile = { name: string; file: Blob };

export async function fileSha256(file: Blob): Promise<string> {
  const hash = createHash("sha256");
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
  }
  return hash.digest("hex");
}

export async function scanFile(args: {
  client: Client;
  evaluationId: string;
  kind: ImportKind;
  file: Blob;
  mapping: ColumnMapping;
  keyColumn: string;
  delimiter: Delimiter;
  /** Stories only: repeat groups as CSV files of their own (an XLSX brings them as its later sheets). */
  related?: RelatedFile[];
  /** Stories only: the language the figures are read in. */
  numberLocale?: NumberLocale;
  onValid?: (rows: ValidRow[]) => Promise<void>;
}): Promise<ScanSummary> {
  const { client, evaluationId, kind } = args;
  const table = await openTable(args.file, { delimiter: args.delimiter });
  const keyIndex = table.headers.indexOf(args.keyColumn);
  const layout: Layout = {
    kind,
    headers: table.headers,
    mapping: args.mapping,
    keyIndex,
    keyColumn: args.keyColumn,
    numberLocale: args.numberLocale,
  };
  const refs = await loadReferences(client, evaluationId);
  // Only stories carry repeat groups; another kind's workbook is read from its first sheet, as before.
  const repeats =
    kind === "STORIES"
      ? await RepeatGroups.load(
          await openRepeatTables(args.file, args.related ?? [], { delimiter: args.delimiter }),
          table.headers,
          args.keyColumn,
        )
      : RepeatGroups.none;
  const summary: ScanSummary = {
    rowCount: 0,
    newCount: 0,
    skippedCount: 0,
    errorCount: 0,
    errors: [],
    delimiter: table.delimiter,
    ignoredSheets: repeats.ignored,
  };
  const seenKeys = new Set<string>();
  const rowsWithErrors = new Set<string>();

  const addError = (error: RowError) => {
    const row = `${error.sheet ?? ""}\u0000${error.rowNumber}`;
    if (!rowsWithErrors.has(row)) {
      rowsWithErrors.add(row);
      summary.errorCount += 1;
    }
    if (summary.errors.length < MAX_STORED_ERRORS) summary.errors.push(error);
  };
  repeats.errors.forEach(addError);

  const flush = async (chunk: Array<{ rowNumber: number; cells: string[] }>) => {
    await refs.loadRespondents(chunk.flatMap((row) => codesNamed(layout, row.cells)));
    await refs.loadSources(chunk.flatMap((row) => sourcesNamed(layout, row.cells)));
    const keys = chunk.map((row) => (row.cells[keyIndex] ?? "").trim());
    const imported = await client.importedRow.findMany({
      where: { evaluationId, recordType: RECORD_TYPE[kind], externalKey: { in: keys.filter(Boolean) } },
      select: { externalKey: true },
    });
    const importedKeys = new Set(imported.map((row) => row.externalKey));
    const valid: ValidRow[] = [];
    chunk.forEach((row, index) => {
      const key = keys[index]!;
      if (!key)
        return addError({ rowNumber: row.rowNumber, column: args.keyColumn, code: "imports.rowErrors.keyMissing" });
      if (key.length > MAX_KEY_LENGTH)
        return addError({ rowNumber: row.rowNumber, column: args.keyColumn, code: "imports.rowErrors.keyTooLong" });
      // The row's repetitions are claimed even when the row is refused or was imported before.
      const children = repeats.take(row.cells);
      if (seenKeys.has(key))
        return addError({ rowNumber: row.rowNumber, column: args.keyColumn, code: "imports.rowErrors.keyRepeated" });
      seenKeys.add(key);
      if (importedKeys.has(key)) {
        summary.skippedCount += 1;
        return;
      }
      const { converted, errors } = convertRow(layout, evaluationId, row.rowNumber, row.cells, refs, children);
      errors.forEach(addError);
      if (converted) valid.push({ rowNumber: row.rowNumber, key, converted });
    });
    summary.newCount += valid.length;
    if (valid.length > 0 && args.onValid && summary.errorCount === 0) await args.onValid(valid);
  };

  let chunk: Array<{ rowNumber: number; cells: string[] }> = [];
  for await (const row of table.rows) {
    summary.rowCount += 1;
    chunk.push(row);
    if (chunk.length >= CHUNK) {
      await flush(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) await flush(chunk);
  repeats.orphans().forEach(addError);
  return summary;
}
