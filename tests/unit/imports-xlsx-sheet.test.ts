/**
 * The XLSX reader sees the workbook's parts (relationships, 1904 date system, shared strings,
 * styles) before any row, whatever order the zip stores them in, and reads the first tab.
 * Workbooks are written by exceljs, then repacked with their entries in a chosen order.
 * Before the reader chose the order itself, exceljs's one-pass reader crashed on the first case
 * below every time and refused a plain exceljs workbook about once in 150 reads.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { openTable } from "@/lib/imports/reader";

async function workbook(options: { date1904?: boolean; tabs?: string[] } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  if (options.date1904) book.properties.date1904 = true;
  for (const name of options.tabs ?? ["export"]) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(["tab", "fecha", "texto"]);
    const row = sheet.addRow([name, 43_952, "cara a cara"]);
    row.getCell(2).numFmt = "yyyy-mm-dd";
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The same workbook with its entries stored in the given order (the rest after them). */
async function repack(bytes: Buffer, first: string[]): Promise<File> {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files).filter((name) => !source.files[name]!.dir);
  const ordered = [...first.filter((name) => names.includes(name)), ...names.filter((name) => !first.includes(name))];
  const target = new JSZip();
  for (const name of ordered) target.file(name, await source.files[name]!.async("uint8array"));
  return new File(
    [new Uint8Array(await target.generateAsync({ type: "uint8array", compression: "DEFLATE" }))],
    "export.xlsx",
  );
}

async function firstRows(file: File): Promise<string[][]> {
  const table = await openTable(file);
  const rows = [table.headers];
  for await (const row of table.rows) rows.push(row.cells);
  return rows;
}

describe("an XLSX workbook's parts in any order", () => {
  it("reads a 1904 workbook's dates when its sheet comes before workbook.xml and after the shared strings", async () => {
    const file = await repack(await workbook({ date1904: true }), [
      "[Content_Types].xml",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
      "xl/worksheets/sheet1.xml",
      "xl/styles.xml",
    ]);
    const names = Object.keys((await JSZip.loadAsync(await file.arrayBuffer())).files);
    expect(names.indexOf("xl/worksheets/sheet1.xml")).toBeLessThan(names.indexOf("xl/workbook.xml"));
    expect(await firstRows(file)).toEqual([
      ["tab", "fecha", "texto"],
      ["export", "2024-05-02", "cara a cara"],
    ]);
  });

  it("reads the same rows when the sheet is stored first of all", async () => {
    const file = await repack(await workbook(), ["xl/worksheets/sheet1.xml"]);
    expect(await firstRows(file)).toEqual([
      ["tab", "fecha", "texto"],
      ["export", "2020-05-01", "cara a cara"],
    ]);
  });

  it("reads the first tab even when its file is not sheet1.xml", async () => {
    const bytes = await workbook({ tabs: ["primera", "segunda"] });
    const zip = await JSZip.loadAsync(bytes);
    // Swap the two sheet files and their relationship targets: the first tab now lives in sheet2.xml.
    const [one, two] = await Promise.all(
      ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"].map((name) => zip.file(name)!.async("uint8array")),
    );
    zip.file("xl/worksheets/sheet1.xml", two!);
    zip.file("xl/worksheets/sheet2.xml", one!);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels
        .replace("worksheets/sheet1.xml", "worksheets/#")
        .replace("worksheets/sheet2.xml", "worksheets/sheet1.xml")
        .replace("worksheets/#", "worksheets/sheet2.xml"),
    );
    const file = new File([new Uint8Array(await zip.generateAsync({ type: "uint8array" }))], "tabs.xlsx");
    expect((await firstRows(file))[1]?.[0]).toBe("primera");
  });

  // 300 reads take about 2 s on a quiet machine and over 5 s (the default limit) on a busy one:
  // the limit here only guards against a hang, it does not time the reader.
  it("reads a workbook as exceljs stores it, time after time", { timeout: 120_000 }, async () => {
    const file = new File([new Uint8Array(await workbook({ date1904: true }))], "export.xlsx");
    for (let read = 0; read < 300; read += 1) {
      expect((await firstRows(file))[1]).toEqual(["export", "2024-05-02", "cara a cara"]);
    }
  });

  it("refuses a zip that holds no worksheet as empty, and bytes that are no zip as not tabular", async () => {
    const noSheet = new JSZip();
    noSheet.file(
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    );
    noSheet.file(
      "xl/workbook.xml",
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
    );
    const empty = new File([new Uint8Array(await noSheet.generateAsync({ type: "uint8array" }))], "empty.xlsx");
    await expect(openTable(empty)).rejects.toMatchObject({ problem: { code: "EMPTY" } });
    const truncated = (await workbook()).subarray(0, 900);
    await expect(openTable(new File([new Uint8Array(truncated)], "cut.xlsx"))).rejects.toMatchObject({
      problem: { code: "NOT_TABULAR" },
    });
  });
});
