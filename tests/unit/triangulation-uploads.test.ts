/** Upload checks by content: allowed types, renamed programs and pages, markup, empty and oversized files. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkUpload, MAX_UPLOAD_BYTES, safeFileName } from "@/lib/uploads/file-check";

const text = (value: string) => new TextEncoder().encode(value) as Uint8Array<ArrayBuffer>;
const PDF = text("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6,
  0, 0, 0,
]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const WEBP = text("RIFF\u0024\u0000\u0000\u0000WEBPVP8 ");
const EXE = (() => {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a]);
  return bytes;
})();

describe("checkUpload", () => {
  it("accepts PDF, PNG, JPEG and WebP by their signature, with the detected type and a SHA-256", async () => {
    const pdf = await checkUpload(PDF, "informe.pdf");
    expect(pdf).toMatchObject({
      ok: true,
      mimeType: "application/pdf",
      fileName: "informe.pdf",
      sizeBytes: PDF.byteLength,
    });
    expect(pdf.ok && pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await checkUpload(PNG, "foto.png")).toMatchObject({ ok: true, mimeType: "image/png" });
    expect(await checkUpload(JPEG, "foto.jpeg")).toMatchObject({
      ok: true,
      mimeType: "image/jpeg",
      fileName: "foto.jpg",
    });
    expect(await checkUpload(WEBP, "foto.webp")).toMatchObject({ ok: true, mimeType: "image/webp" });
  });

  it("accepts an XLSX workbook and a UTF-8 CSV", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Datos").addRow(["estado", "casos"]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>;
    expect(await checkUpload(xlsx, "datos.xlsx")).toMatchObject({
      ok: true,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(await checkUpload(text("estado,casos\nOaxaca,24\nCoahuila,5\n"), "casos.csv")).toMatchObject({
      ok: true,
      mimeType: "text/csv",
    });
  });

  it("keeps the content's type when the name says otherwise (a PNG named .pdf is stored as .png)", async () => {
    expect(await checkUpload(PNG, "foto.pdf")).toMatchObject({ ok: true, mimeType: "image/png", fileName: "foto.png" });
  });

  it("refuses a program or a web page renamed to .pdf", async () => {
    expect(await checkUpload(EXE, "informe.pdf")).toEqual({ ok: false, reason: "FILE_TYPE_NOT_ALLOWED" });
    expect(await checkUpload(text("<!DOCTYPE html><html><script>alert(1)</script></html>"), "informe.pdf")).toEqual({
      ok: false,
      reason: "FILE_HOSTILE",
    });
  });

  it("refuses SVG and HTML, even named .csv", async () => {
    expect(
      await checkUpload(text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "grafica.svg"),
    ).toEqual({ ok: false, reason: "FILE_HOSTILE" });
    expect(
      await checkUpload(text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'), "grafica.csv"),
    ).toEqual({ ok: false, reason: "FILE_HOSTILE" });
    expect(await checkUpload(text("a,b\n<script>alert(1)</script>"), "datos.csv")).toEqual({
      ok: false,
      reason: "FILE_HOSTILE",
    });
  });

  it("refuses text that is not a CSV by name, and a .csv that is not UTF-8", async () => {
    expect(await checkUpload(text("just words"), "notas.txt")).toEqual({ ok: false, reason: "FILE_TYPE_NOT_ALLOWED" });
    expect(await checkUpload(new Uint8Array([0x61, 0x2c, 0xff, 0xfe, 0x0a]), "datos.csv")).toEqual({
      ok: false,
      reason: "FILE_TYPE_NOT_ALLOWED",
    });
    expect(await checkUpload(text("a,b\u0000"), "datos.csv")).toEqual({ ok: false, reason: "FILE_TYPE_NOT_ALLOWED" });
  });

  it("refuses an empty and an oversized file", async () => {
    expect(await checkUpload(new Uint8Array(0), "vacio.pdf")).toEqual({ ok: false, reason: "FILE_EMPTY" });
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(PDF);
    expect(await checkUpload(big, "grande.pdf")).toEqual({ ok: false, reason: "FILE_TOO_LARGE" });
  });
});

describe("safeFileName", () => {
  it("drops folders, control and reserved characters, and sets the extension", () => {
    expect(safeFileName("../../etc/passwd.pdf", "pdf")).toBe("passwd.pdf");
    expect(safeFileName('C:\\temp\\in"forme\u0000<1>.PDF', "pdf")).toBe("informe1.pdf");
    expect(safeFileName("evil\u202Efdp.exe", "pdf")).toBe("evilfdp.pdf");
    expect(safeFileName(".pdf", "pdf")).toBeNull();
    expect(safeFileName(`${"a".repeat(500)}.pdf`, "pdf")!.length).toBeLessThanOrEqual(200);
  });
});
