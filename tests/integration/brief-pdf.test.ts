/**
 * The brief as a PDF, opened with poppler: tagged, with its language and title, every font
 * embedded, bookmarks, the outcomes' text, the draft notice on every page of a draft, the same
 * bytes each time. Without poppler-utils these tests fail and say what is missing.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectOnlyEmbeddedNotoSans, poppler } from "@/tests/support/document-tools";
import type { TestDatabase } from "@/tests/support/test-database";
import type { DashboardWorld } from "./dashboard-world";
import { openBriefWorld } from "./brief-world";

let database: TestDatabase;
let world: DashboardWorld;
let downloadBrief: typeof import("@/lib/brief/download").downloadBrief;
const folder = mkdtempSync(path.join(tmpdir(), "brief-pdf-"));

const reader = (member: "lead" | "reviewer" | "panelist") => ({ id: world.team.members[member]!.id, isAdmin: false });
async function pdf(
  member: "lead" | "reviewer" | "panelist",
  lang: "es" | "en",
  include: "approved" | "selected" = "approved",
) {
  const file = await downloadBrief(world.evaluationId, reader(member), { format: "pdf", lang, include });
  if (!file) return null;
  const where = path.join(folder, `${member}-${lang}-${include}.pdf`);
  writeFileSync(where, file.body);
  return { file, where };
}

beforeAll(async () => {
  ({ database, world, downloadBrief } = await openBriefWorld());
});

afterAll(async () => {
  await database?.close();
});

describe("the brief as a PDF", () => {
  it("is tagged, US Letter, titled, in the chosen language, with every font embedded", async () => {
    const { where, file } = (await pdf("reviewer", "es"))!;
    expect(file.contentType).toBe("application/pdf");
    const info = poppler("pdfinfo", [where]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:\s+612 x 792 pts \(letter\)$/m);
    expect(info).toMatch(/^Title:\s+Informe de aprendizaje: /m);
    const catalog = file.body.toString("latin1");
    expect(catalog).toContain("/Lang (es-MX)");
    expect(catalog).toContain("/DisplayDocTitle true");
    expectOnlyEmbeddedNotoSans(where);
  });

  it("has a structure tree with headings, lists and tables, and bookmarks", async () => {
    const { where, file } = (await pdf("lead", "en"))!;
    const tree = poppler("pdfinfo", ["-struct", where]);
    for (const tag of ["Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD"])
      expect(tree, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, "m"));
    expect(file.body.toString("latin1")).toContain("/Outlines");
    const text = poppler("pdftotext", ["-layout", where, "-"]);
    expect(text).toContain("Key results by domain");
    expect(text.replace(/\s+/g, " ")).toContain(
      "Independent unions gained registration, in Oaxaca and Veracruz, in the automotive and mining sectors, since 2023 (workers: over 600,000; cases within 45 days: 81 percent).",
    );
    expect(text).toMatch(/3\.\s+Fund more\./);
    // The outcome carries its note's number; the notes close the brief.
    expect(text.replace(/\s+/g, " ")).toContain("81 percent). [1]");
    expect(text.replace(/\s+/g, " ")).toMatch(
      /Sources of the outcomes 1\. Sources of CS-0003: Encuesta Nacional de Ocupación y Empleo, 2023; Registro del Centro Federal de Conciliación, 2024\./,
    );
  });

  it("writes Spanish letters as they are", async () => {
    const { where } = (await pdf("lead", "es"))!;
    const text = poppler("pdftotext", [where, "-"]).replace(/\s+/g, " ");
    expect(text).toContain("Sin cambio documentado: La conciliación no se acortó, en Veracruz.");
    expect(text).toContain("más de 600,000");
    expect(text).toContain("El método en cifras");
  });

  it("says Draft on every page of a draft copy", async () => {
    const { where } = (await pdf("lead", "es", "selected"))!;
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(poppler("pdfinfo", [where]))![1]);
    for (let page = 1; page <= pages; page += 1) {
      expect(poppler("pdftotext", ["-f", String(page), "-l", String(page), where, "-"]), `page ${page}`).toContain(
        "Borrador: incluye resultados aún no aprobados",
      );
    }
  });

  it("gives the same bytes each time, and a panelist nothing", async () => {
    expect((await pdf("lead", "en"))!.file.body.equals((await pdf("lead", "en"))!.file.body)).toBe(true);
    expect(await pdf("panelist", "en")).toBeNull();
  });
});
