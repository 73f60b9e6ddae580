/**
 * CSV files for spreadsheets. Text that a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) gets a leading apostrophe, so a story that begins
 * "=HYPERLINK(...)" is shown as text, never evaluated. Numbers are not text: -5 stays -5, so a
 * spreadsheet still sums it. Files start with a byte-order mark so Excel reads Spanish accents
 * correctly.
 */
import { stringify } from "csv-stringify";

const FORMULA_START = /^[=+\-@\t\r]/;

/** A database decimal (Prisma's Decimal): a number written exactly, not text. */
function isDecimal(value: object): value is { toFixed(): string } {
  return "toFixed" in value && "isNegative" in value && typeof value.toFixed === "function";
}

export function csvSafeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint") return String(value);
  if (typeof value === "object" && !(value instanceof Date) && isDecimal(value)) return value.toFixed();
  const text = value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CsvColumn<T> = { header: string; value: (row: T) => unknown };

/** A web stream of CSV text for rows produced one by one (nothing is held in memory). */
export function csvStream<T>(columns: CsvColumn<T>[], rows: AsyncIterable<T>, onDone?: (count: number) => Promise<void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const stringifier = stringify({ header: true, columns: columns.map((column) => csvSafeCell(column.header)), bom: true });
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      stringifier.on("data", (chunk: Buffer | string) => controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : new Uint8Array(chunk)));
      let count = 0;
      try {
        for await (const row of rows) {
          const ok = stringifier.write(columns.map((column) => csvSafeCell(column.value(row))));
          count += 1;
          if (!ok) await new Promise((resolve) => stringifier.once("drain", resolve));
        }
        await new Promise<void>((resolve, reject) => {
          stringifier.once("end", resolve);
          stringifier.once("error", reject);
          stringifier.end();
        });
        await onDone?.(count);
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
