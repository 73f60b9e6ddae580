/**
 * Time to read a 10,000-row interviews XLSX through the import reader (lib/imports/reader.ts),
 * every cell turned into text, no database. The file is written here with exceljs' streaming
 * writer: a date-formatted interview date, a date-time column, a number and text columns, as
 * Kobo exports them. Prints each run and the median. `tsx scripts/bench-xlsx-read.ts [rows] [runs]`.
 */
import { openAsBlob } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openTable } from "../lib/imports/reader";
import { writeKoboXlsx, type KoboCell } from "../tests/support/kobo-workbook";

const HEADERS = [
  "start",
  "grp/fecha_entrevista",
  "grp/modalidad",
  "grp/municipio",
  "grp/idioma",
  "grp/duracion",
  "grp/entrevistador",
  "grp/codigo_respondente",
  "grp/notas",
  "_uuid",
];

function* interviewRows(rows: number): Generator<KoboCell[]> {
  for (let i = 1; i <= rows; i += 1) {
    const day = Date.UTC(2024, 0, 1) + (i % 365) * 86_400_000;
    yield [
      { value: new Date(day + 9 * 3_600_000), numFmt: "yyyy-mm-dd hh:mm:ss" },
      { value: new Date(day), numFmt: "dd/mm/yyyy" },
      i % 2 === 0 ? "cara_a_cara" : "telefono",
      i % 3 === 0 ? "Saltillo" : "Monterrey",
      "es",
      30 + (i % 60),
      "evaluadora@example.org",
      `R-${String(i).padStart(4, "0")}`,
      `Notas de la entrevista ${i}: la persona describe cambios en su centro de trabajo.`,
      `bench-${i.toString(36)}`,
    ];
  }
}

async function readAll(file: string): Promise<{ rows: number; ms: number; sample: string[] }> {
  const started = performance.now();
  const table = await openTable(await openAsBlob(file));
  let rows = 0;
  let sample: string[] = [];
  for await (const row of table.rows) {
    rows += 1;
    if (rows === 1) sample = row.cells.slice(0, 2);
  }
  return { rows, ms: performance.now() - started, sample };
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 7);
  const file = path.join(tmpdir(), `bench-xlsx-read-${process.pid}.xlsx`);
  await writeKoboXlsx(file, [{ name: "interviews", headers: HEADERS, rows: interviewRows(rows) }], {
    sharedStrings: true,
    styles: true,
  });
  try {
    await readAll(file); // warm-up: module loading and JIT
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const result = await readAll(file);
      times.push(result.ms);
      console.log(
        `run ${run + 1}: ${result.rows} rows in ${result.ms.toFixed(0)} ms; first row starts ${JSON.stringify(result.sample)}`,
      );
    }
    times.sort((a, b) => a - b);
    console.log(
      `median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, fastest ${times[0]!.toFixed(0)} ms, slowest ${times[times.length - 1]!.toFixed(0)} ms`,
    );
  } finally {
    await rm(file, { force: true });
  }
}

void main();
