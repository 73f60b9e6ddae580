/**
 * The brief's Word file opened by Word-compatible software: LibreOffice converts it to PDF, and the
 * PDF holds the brief's headings in order, the outcomes with their figures, the footnote citing
 * their sources, numbered lists and the method's table, on US Letter pages. mammoth reads what
 * the docx library wrote; this proves another program reads it the same way.
 */
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertWithLibreOffice, poppler } from "@/tests/support/document-tools";
import type { TestDatabase } from "@/tests/support/test-database";
import type { DashboardWorld } from "./dashboard-world";
import { openBriefWorld } from "./brief-world";

let database: TestDatabase;
let world: DashboardWorld;
let downloadBrief: typeof import("@/lib/brief/download").downloadBrief;
const folder = mkdtempSync(path.join(tmpdir(), "brief-libreoffice-"));

async function converted(lang: "es" | "en") {
  const file = await downloadBrief(
    world.evaluationId,
    { id: world.team.members.lead.id, isAdmin: false },
    { format: "docx", lang, include: "approved" },
  );
  const docx = path.join(folder, `brief-${lang}.docx`);
  writeFileSync(docx, file!.body);
  const pdf = convertWithLibreOffice(docx, folder);
  return {
    info: poppler("pdfinfo", [pdf]),
    text: poppler("pdftotext", [pdf, "-"]).replace(/\s+/g, " "),
    layout: poppler("pdftotext", ["-layout", pdf, "-"]),
  };
}

beforeAll(async () => {
  ({ database, world, downloadBrief } = await openBriefWorld());
});

afterAll(async () => {
  await database?.close();
});

describe("the brief's Word file in LibreOffice", () => {
  it(
    "opens in English with every section in order, the outcomes, the footnote and the numbering, on US Letter",
    { timeout: 240_000 },
    async () => {
      const { info, text, layout } = await converted("en");
      expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
      const order = [
        "Key results",
        "Key results by domain",
        "Key learnings",
        "Impact on groups most at risk",
        "Lessons learned",
        "Recommendations",
        "Method in figures",
        "Notes",
      ].map((heading) => text.indexOf(heading));
      expect(order.every((at) => at >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(text).toContain(
        "Independent unions gained registration, in Oaxaca and Veracruz, in the automotive and mining sectors, since 2023 (workers: over 600,000; cases within 45 days: 81 percent).",
      );
      expect(text).toContain(
        "Sources of CS-0003: Encuesta Nacional de Ocupación y Empleo, 2023; Registro del Centro Federal de Conciliación, 2024.",
      );
      expect(text).toMatch(/1\. Partners 1 2\. Partners 2 .*3\. Fund more\./);
      // The method's table keeps its rows: each figure beside its count.
      expect(layout).toMatch(/Interviews\s+3\n/);
      expect(layout).toMatch(/Focus-group respondents\s+7\n/);
    },
  );

  it("opens in Spanish with its accents as they are", { timeout: 240_000 }, async () => {
    const { text } = await converted("es");
    expect(text).toContain("Sin cambio documentado: La conciliación no se acortó, en Veracruz.");
    expect(text).toContain("más de 600,000");
  });
});
