/**
 * The brief's loader on a real database: every count against the rows of brief-world.ts, who may
 * have which copy, the draft marking, untranslated texts marked in place of the other language,
 * and that nothing names a respondent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import type { DashboardWorld } from "./dashboard-world";
import { createBriefWorld } from "./brief-world";

let database: TestDatabase;
let world: DashboardWorld;
let loaders: typeof import("@/lib/brief/loaders");

type Member = "lead" | "evaluator" | "panelist" | "analyst" | "reviewer";
const reader = (member: Member) => ({ id: world.team.members[member]!.id, isAdmin: false });
const brief = (member: Member, lang: "es" | "en" = "en", include: "approved" | "validated" | "selected" = "approved") =>
  loaders.loadBrief(world.evaluationId, reader(member), { include, lang });

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  loaders = await import("@/lib/brief/loaders");
  world = await createBriefWorld(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

describe("the brief's read policy", () => {
  it("gives leads, evaluators, analysts and reviewers the approved copy; panelists, outsiders and admins nothing", async () => {
    for (const member of ["lead", "evaluator", "analyst", "reviewer"] as const)
      expect((await brief(member))?.draft, member).toBe(false);
    expect(await brief("panelist")).toBeNull();
    expect(
      await loaders.loadBrief(
        world.evaluationId,
        { id: world.team.outsider.id, isAdmin: false },
        { include: "approved", lang: "en" },
      ),
    ).toBeNull();
    expect(
      await loaders.loadBrief(
        world.evaluationId,
        { id: world.team.outsider.id, isAdmin: true },
        { include: "approved", lang: "en" },
      ),
    ).toBeNull();
    expect(
      await loaders.loadBrief(world.other.evaluation.id, reader("lead"), { include: "approved", lang: "en" }),
    ).toBeNull();
  });

  it("gives draft copies to leads only, marked as drafts", async () => {
    for (const member of ["evaluator", "analyst", "reviewer"] as const) {
      expect(await brief(member, "en", "validated"), member).toBeNull();
      expect(await brief(member, "en", "selected"), member).toBeNull();
    }
    const draft = await brief("lead", "en", "validated");
    expect(draft?.draft).toBe(true);
    expect(draft?.words.draft).toBe("Draft: includes outcomes not yet approved");
    expect((await brief("lead", "es", "selected"))?.words.draft).toBe("Borrador: incluye resultados aún no aprobados");
  });
});

describe("the brief's outcomes", () => {
  const codes = (content: Awaited<ReturnType<typeof brief>>) =>
    content!.domains.map((domain) => [domain.heading, domain.outcomes.map((outcome) => outcome.code)]);

  it("holds the approved outcomes by domain, each in one sentence, in English and in Spanish", async () => {
    const english = await brief("reviewer", "en");
    expect(codes(english)).toEqual([
      ["Domain 1: " + (await domainName(world.domains.d1, "nameEn")), ["CS-0003"]],
      ["Domain 2: " + (await domainName(world.domains.d2, "nameEn")), ["CS-0004"]],
    ]);
    expect(english!.domains[0]!.outcomes[0]!.sentence.text).toBe(
      "Independent unions gained registration, in Oaxaca and Veracruz, in the automotive and mining sectors, since 2023 (workers: over 600,000; cases within 45 days: 81 percent).",
    );
    expect(english!.domains[1]!.outcomes[0]!.sentence.text).toBe("No change documented: [untranslated], in Veracruz.");
    expect(english!.noChangeNote).toBe(
      `A documented lack of change is reported under: ${await domainName(world.domains.d2, "nameEn")}.`,
    );

    const spanish = await brief("reviewer", "es");
    expect(spanish!.domains[0]!.outcomes[0]!.sentence.text).toBe(
      "Los sindicatos independientes ganaron su registro, en Oaxaca y Veracruz, en los sectores de automotriz y minería, desde 2023 (trabajadores: más de 600,000; casos en 45 días: 81 por ciento).",
    );
    expect(spanish!.domains[1]!.outcomes[0]!.sentence.text).toBe(
      "Sin cambio documentado: La conciliación no se acortó, en Veracruz.",
    );
  });

  it("cites each outcome's supporting evidence as a numbered note, once per source, and nothing for an outcome without any", async () => {
    const english = await brief("reviewer", "en");
    expect(english!.domains.map((domain) => domain.outcomes.map((outcome) => outcome.note))).toEqual([[1], [null]]);
    expect(english!.sources).toEqual([
      {
        number: 1,
        text: "Sources of CS-0003: Encuesta Nacional de Ocupación y Empleo, 2023; Registro del Centro Federal de Conciliación, 2024.",
      },
    ]);
    expect(JSON.stringify(english)).not.toContain("Nota de prensa que lo niega");
    expect((await brief("reviewer", "es"))!.sources[0]!.text).toMatch(/^Fuentes de CS-0003: Encuesta Nacional/);
  });

  it("ends a sources note with one full stop when the citation already has its own", async () => {
    const where = { evaluationId: world.evaluationId, citation: "Registro del Centro Federal de Conciliación, 2024" };
    await database.prisma.evidenceItem.updateMany({ where, data: { citation: `${where.citation}.` } });
    try {
      const english = await brief("reviewer", "en");
      expect(english!.sources[0]!.text).toBe(
        "Sources of CS-0003: Encuesta Nacional de Ocupación y Empleo, 2023; Registro del Centro Federal de Conciliación, 2024.",
      );
      expect((await brief("reviewer", "es"))!.sources[0]!.text).toMatch(/Conciliación, 2024\.$/);
    } finally {
      await database.prisma.evidenceItem.updateMany({
        where: { ...where, citation: `${where.citation}.` },
        data: { citation: where.citation },
      });
    }
  });

  it("adds validated, then selected outcomes to the lead's draft copies", async () => {
    expect(codes(await brief("lead", "en", "validated")).map(([, list]) => list)).toEqual([
      ["CS-0003"],
      ["CS-0004", "CS-0007"],
    ]);
    expect(codes(await brief("lead", "en", "selected")).map(([, list]) => list)).toEqual([
      ["CS-0002", "CS-0003"],
      ["CS-0004", "CS-0006", "CS-0007"],
    ]);
  });

  it("never names a respondent or storyteller", async () => {
    const text = JSON.stringify(await brief("lead", "es", "selected"));
    expect(text).not.toMatch(/R-\d{4}/);
  });
});

describe("the method in figures", () => {
  it("counts every figure from the rows, the significant changes by copy", async () => {
    const figures = (content: Awaited<ReturnType<typeof brief>>) =>
      Object.fromEntries(content!.method.map((row) => [row.key, row.value]));
    expect(figures(await brief("analyst"))).toEqual({
      interviews: 3,
      focusGroupRespondents: 7,
      statesCovered: 2,
      significantChanges: 2,
      validationRespondents: 2,
      projects: 2,
      domains: 2,
    });
    expect(figures(await brief("lead", "en", "selected")).significantChanges).toBe(5);
    expect((await brief("analyst", "es"))!.method.map((row) => row.label)).toContain("Entrevistas");
  });
});

describe("what the team learned, in the brief", () => {
  it("marks a text missing in the chosen language instead of showing the other", async () => {
    const english = await brief("evaluator", "en");
    expect(english!.introduction).toEqual({ text: "[Not yet translated into English]", untranslated: true });
    expect((await brief("evaluator", "es"))!.introduction).toEqual({
      text: "Los resultados clave, por dominio.",
      untranslated: false,
    });
    expect(english!.overview).toBeNull();
  });

  it("prints key learnings with sustainability, at-risk impact, numbered lessons and recommendations numbered straight through by audience", async () => {
    const english = (await brief("reviewer", "en"))!;
    expect(english.keyLearnings).toEqual([
      {
        theme: { text: "Freedom of association", untranslated: false },
        narrative: { text: "Unions gained trust.", untranslated: false },
        sustainability: { text: "It will last if funded.", untranslated: false },
      },
    ]);
    expect(english.atRisk).toEqual([
      { group: "Women workers", text: { text: "Women spoke up.", untranslated: false } },
    ]);
    expect(english.lessons.map((lesson) => [lesson.number, lesson.text.text])).toEqual([
      [1, "Lesson 1"],
      [2, "Lesson 2"],
    ]);
    expect(
      english.recommendations.map((group) => [
        group.audience,
        group.items.map((item) => [item.number, item.text.text]),
      ]),
    ).toEqual([
      [
        "For implementing partners",
        [
          [1, "Partners 1"],
          [2, "Partners 2"],
        ],
      ],
      ["For the funder", [[3, "Fund more."]]],
    ]);
  });

  it("lists the portfolio's projects by managing office", async () => {
    const notes = (await brief("lead", "es"))!.notes;
    expect(notes.map((note) => note.office)).toEqual(["OCFT", "OTLA"]);
    expect(notes.flatMap((note) => note.projects)).toHaveLength(2);
  });

  it("says the same, word for word, each time", async () => {
    expect(JSON.stringify(await brief("lead", "es"))).toBe(JSON.stringify(await brief("lead", "es")));
  });
});

async function domainName(id: string, field: "nameEn" | "nameEs") {
  return (await database.prisma.domain.findUniqueOrThrow({ where: { id } }))[field];
}
