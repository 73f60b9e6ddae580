/**
 * The brief as a Word file, opened again: headings, outcomes per domain, numbering, figures, page
 * size, language and repeating table heads, read back with mammoth and from the document's XML;
 * every download audited, and the same text each time.
 */
import JSZip from "jszip";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/tests/support/test-database";
import type { DashboardWorld } from "./dashboard-world";
import { openBriefWorld } from "./brief-world";

let database: TestDatabase;
let world: DashboardWorld;
let downloadBrief: typeof import("@/lib/brief/download").downloadBrief;

type Member = "lead" | "evaluator" | "panelist" | "analyst" | "reviewer";
const reader = (member: Member) => ({ id: world.team.members[member]!.id, isAdmin: false });
const docx = async (member: Member, lang: "es" | "en", include: "approved" | "validated" | "selected" = "approved") =>
  downloadBrief(world.evaluationId, reader(member), { format: "docx", lang, include });

async function open(body: Buffer) {
  const [{ value: html }, zip] = await Promise.all([mammoth.convertToHtml({ buffer: body }), JSZip.loadAsync(body)]);
  const xml = (name: string) => zip.file(name)!.async("string");
  return { html, document: await xml("word/document.xml"), styles: await xml("word/styles.xml") };
}

const texts = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, "g"))].map((match) => match[1]!.replace(/<[^>]+>/g, ""));

beforeAll(async () => {
  ({ database, world, downloadBrief } = await openBriefWorld());
});

afterAll(async () => {
  await database?.close();
});

describe("the brief in Word", () => {
  it("has the brief's headings as real headings, with outline levels", async () => {
    const { html, styles } = await open((await docx("reviewer", "en"))!.body);
    expect(texts(html, "h1")).toEqual([
      "Key results",
      "Key learnings",
      "Impact on groups most at risk",
      "Lessons learned",
      "Recommendations",
      "Method in figures",
      "Notes",
    ]);
    expect(texts(html, "h2")).toEqual([
      "Key results by domain",
      "Freedom of association",
      "Women workers",
      "For implementing partners",
      "For the funder",
      "The portfolio's projects by managing office",
    ]);
    expect(texts(html, "h3")).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Domain 1: /),
        expect.stringMatching(/^Domain 2: /),
        "OCFT",
        "OTLA",
      ]),
    );
    for (const level of [0, 1, 2])
      expect(styles).toMatch(
        new RegExp(`w:name w:val="heading ${level + 1}"[\\s\\S]*?<w:outlineLvl w:val="${level}"/>`),
      );
  });

  it("states each approved outcome under its domain, with its figures, in Spanish and in English", async () => {
    const english = (await open((await docx("lead", "en"))!.body)).html;
    const domain1 = english.slice(english.indexOf("Domain 1:"), english.indexOf("Domain 2:"));
    expect(domain1).toContain(
      "Independent unions gained registration, in Oaxaca and Veracruz, in the automotive and mining sectors, since 2023 (workers: over 600,000; cases within 45 days: 81 percent).",
    );
    expect(english.slice(english.indexOf("Domain 2:"))).toContain(
      "No change documented: <em>[untranslated]</em>, in Veracruz.",
    );
    const spanish = (await open((await docx("lead", "es"))!.body)).html;
    expect(spanish).toContain("<h1>Resultados clave</h1>");
    expect(spanish).toContain(
      "Los sindicatos independientes ganaron su registro, en Oaxaca y Veracruz, en los sectores de automotriz y minería, desde 2023 (trabajadores: más de 600,000; casos en 45 días: 81 por ciento).",
    );
    expect(spanish).toContain("Sin cambio documentado: La conciliación no se acortó, en Veracruz.");
    expect(spanish).toContain("<p>Los resultados clave, por dominio.</p>");
    expect(english).toContain("<em>[Not yet translated into English]</em>");
  });

  it("numbers lessons as one list and recommendations as one list straight through the audiences", async () => {
    const { html, document } = await open((await docx("lead", "en"))!.body);
    expect(html).toContain("<ol><li>Lesson 1</li><li>Lesson 2</li></ol>");
    expect(html).toContain("<ol><li>Partners 1</li><li>Partners 2</li></ol>");
    expect(html).toContain("<ol><li>Fund more.</li></ol>");
    const paragraphs = document.split(/<w:p[ >]/);
    const numId = (text: string) =>
      /<w:numId w:val="(\d+)"\/>/.exec(paragraphs.find((xml) => xml.includes(`>${text}</w:t>`)) ?? "")?.[1];
    expect(numId("Partners 1")).toBeDefined();
    expect(numId("Fund more.")).toBe(numId("Partners 1"));
    expect(numId("Lesson 1")).not.toBe(numId("Partners 1"));
  });

  it("gives the method in figures and the portfolio as tables whose header row repeats", async () => {
    const { html, document } = await open((await docx("analyst", "en"))!.body);
    for (const [label, value] of [
      ["Interviews", 3],
      ["Focus-group respondents", 7],
      ["States covered", 2],
      ["Significant changes documented", 2],
      ["Validation respondents", 2],
      ["Projects", 2],
      ["Domains of change", 2],
    ]) {
      expect(html).toContain(`<td><p>${label}</p></td><td><p>${value}</p></td>`);
    }
    expect(html).toContain("<th><p><strong>Figure</strong></p></th><th><p><strong>Count</strong></p></th>");
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(3);
  });

  it("cites an outcome's supporting sources in a real footnote", async () => {
    const zip = await JSZip.loadAsync((await docx("lead", "en"))!.body);
    const document = await zip.file("word/document.xml")!.async("string");
    const footnotes = await zip.file("word/footnotes.xml")!.async("string");
    const outcome = document.split(/<w:p[ >]/).find((xml) => xml.includes("Independent unions gained registration"));
    expect(outcome).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(footnotes).toMatch(
      /<w:footnote w:id="1">[\s\S]*Sources of CS-0003: Encuesta Nacional de Ocupación y Empleo, 2023; Registro del Centro Federal de Conciliación, 2024\./,
    );
    expect(footnotes).not.toContain("Nota de prensa");
    expect(document.match(/<w:footnoteReference /g)).toHaveLength(1);
  });

  it("is US Letter in the chosen language", async () => {
    const english = await open((await docx("lead", "en"))!.body);
    expect(english.document).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(english.styles).toContain('<w:lang w:val="en-US"/>');
    expect((await open((await docx("lead", "es"))!.body)).styles).toContain('<w:lang w:val="es-MX"/>');
  });

  it("marks a draft copy on every page and holds its further outcomes", async () => {
    const file = (await docx("lead", "es", "selected"))!;
    expect(file.filename).toBe("learning-brief-es-draft-selected.docx");
    const zip = await JSZip.loadAsync(file.body);
    const header = await zip.file(/word\/header\d*\.xml/)[0]!.async("string");
    expect(header).toContain("Borrador: incluye resultados aún no aprobados");
    const { html } = await open(file.body);
    expect(html).toContain("Borrador: incluye resultados aún no aprobados");
    expect(html).toContain("Historia de prueba 2");
    const approved = await JSZip.loadAsync((await docx("lead", "en"))!.body);
    expect(approved.file(/word\/header\d*\.xml/)).toHaveLength(0);
  });

  it("gives the same text each time", async () => {
    const first = (await open((await docx("lead", "es"))!.body)).html;
    const second = (await open((await docx("lead", "es"))!.body)).html;
    expect(second).toBe(first);
  });
});

describe("who downloads the brief, audited", () => {
  it("audits every download with its format, language and copy", async () => {
    const before = await database.prisma.auditEvent.count({
      where: { evaluationId: world.evaluationId, action: "brief.download" },
    });
    await docx("reviewer", "es");
    await docx("lead", "en", "validated");
    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId: world.evaluationId, action: "brief.download" },
      orderBy: { sequence: "asc" },
    });
    expect(events).toHaveLength(before + 2);
    expect(events.slice(-2).map((event) => [event.actorId, event.recordId, event.after])).toEqual([
      [world.team.members.reviewer!.id, world.evaluationId, { format: "docx", lang: "es", include: "approved" }],
      [world.team.members.lead.id, world.evaluationId, { format: "docx", lang: "en", include: "validated" }],
    ]);
  });

  it("gives a panelist, or a reviewer asking for a draft, nothing and audits nothing", async () => {
    const before = await database.prisma.auditEvent.count({
      where: { evaluationId: world.evaluationId, action: "brief.download" },
    });
    expect(await docx("panelist", "en")).toBeNull();
    expect(await docx("reviewer", "en", "validated")).toBeNull();
    expect(
      await database.prisma.auditEvent.count({ where: { evaluationId: world.evaluationId, action: "brief.download" } }),
    ).toBe(before);
  });
});
