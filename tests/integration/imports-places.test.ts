/**
 * How an import names the evaluation's places, against a real PostgreSQL: a story's list of places
 * matches states and regions by name (accents and case aside), by alias ("CDMX") and by INEGI or
 * ISO code, is split on ";", "," or new lines and never on spaces ("San Luis Potosí" is one
 * place); a respondent's state may be one of another country's regions. A name the evaluation
 * does not have, even a real Mexican state, is a row error and never a new place.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitImport } from "@/lib/imports/mutations";
import { splitPlaceList } from "@/lib/imports/place-matching";
import { buildPlace } from "@/tests/factories";
import { csvFile, dryRunSuggested, openImportWorld, rowErrorsOf, type ImportWorld } from "@/tests/support/import-world";
import type { TestDatabase } from "@/tests/support/test-database";

let world: ImportWorld;
let database: TestDatabase;
let evaluationId: string;
let actor: ImportWorld["actor"];
const ids: Record<string, string> = {};

const STORY_HEADERS = ["title", "what_changed", "why_significant", "language", "change_type", "lugares", "_uuid"];
const RESPONDENT_HEADERS = ["tipo", "sexo", "estado", "idioma", "_uuid"];

const story = (key: string, places: string) => [
  `Historia ${key}`,
  "Cambió la forma de negociar.",
  "Porque la asamblea decidió.",
  "es",
  "positivo",
  places,
  key,
];

const csv = (headers: string[], rows: string[][], name: string) => csvFile([headers, ...rows], name);
const dryRun = (kind: "STORIES" | "RESPONDENTS", file: File, idempotencyKey: string) =>
  dryRunSuggested(world, kind, file, idempotencyKey);
/** The errors of a batch as [column, code], whatever the row numbering. */
const errorsOf = async (batchId: string) =>
  (await rowErrorsOf(world, batchId)).map(([, column, code]) => [column, code]);

beforeAll(async () => {
  world = await openImportWorld();
  ({ database, evaluationId, actor } = world);
  const rows = {
    slp: buildPlace({ evaluationId, state: "San Luis Potosí" }),
    nuevoLeon: buildPlace({ evaluationId, state: "Nuevo León" }),
    monterrey: buildPlace({ evaluationId, state: "Nuevo León", municipality: "Monterrey" }),
    cdmx: buildPlace({ evaluationId, state: "Ciudad de México" }),
    puebla: buildPlace({ evaluationId, state: "Puebla" }),
    pueblaCity: buildPlace({ evaluationId, state: "Puebla", municipality: "Puebla" }),
    edomex: buildPlace({ evaluationId, state: "Estado de México" }),
  };
  for (const [name, row] of Object.entries(rows)) ids[name] = row.id;
  await database.prisma.place.createMany({ data: Object.values(rows) });
  await database.prisma.placeCountry.createMany({
    data: ["GT", "HN", "SV"].map((code) => ({ evaluationId, code, nameEs: code, nameEn: code })),
  });
  const abroad = {
    quetzaltenango: buildPlace({ evaluationId, countryCode: "GT", state: "Quetzaltenango", regionCode: "GT-QZ" }),
    laPazHn: buildPlace({ evaluationId, countryCode: "HN", state: "La Paz" }),
    laPazSv: buildPlace({ evaluationId, countryCode: "SV", state: "La Paz" }),
  };
  for (const [name, row] of Object.entries(abroad)) ids[name] = row.id;
  await database.prisma.place.createMany({ data: Object.values(abroad) });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("a story's list of places", () => {
  it("matches the evaluation's states and regions by name, alias and code, split on ; , and new lines only", async () => {
    const rows = [
      story("slp", "San Luis Potosí"),
      story("accents", "SAN LUIS POTOSI"),
      story("semicolon", "Nuevo León; Monterrey"),
      story("comma", "CDMX, MX-SLP"),
      story("lines", "24\nQuetzaltenango"),
      story("codes", "GT-QZ; Edo. de México"),
      story("whole", "Monterrey, Nuevo León"),
      story("same-name", "Puebla"),
      story("municipality-of", "Puebla, Puebla"),
      story("kobo", "san_luis_potosi nuevo_leon"),
    ];
    const file = csv(STORY_HEADERS, rows, "historias.csv");
    const dry = await dryRun("STORIES", file, "places-good");
    expect(await errorsOf(dry.batchId)).toEqual([]);
    expect(dry).toMatchObject({ newCount: rows.length, errorCount: 0 });
    expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file })).toMatchObject({
      created: rows.length,
    });

    const stories = await database.prisma.changeStory.findMany({
      where: { evaluationId },
      select: { title: true, places: { select: { placeId: true } } },
    });
    const placesOf = (key: string) =>
      stories
        .find((row) => row.title === `Historia ${key}`)!
        .places.map((link) => link.placeId)
        .sort();
    const expected = (...names: string[]) => names.map((name) => ids[name]!).sort();
    expect(placesOf("slp")).toEqual(expected("slp"));
    expect(placesOf("accents")).toEqual(expected("slp"));
    expect(placesOf("semicolon")).toEqual(expected("nuevoLeon", "monterrey"));
    expect(placesOf("comma")).toEqual(expected("cdmx", "slp"));
    expect(placesOf("lines")).toEqual(expected("slp", "quetzaltenango"));
    expect(placesOf("codes")).toEqual(expected("quetzaltenango", "edomex"));
    expect(placesOf("whole")).toEqual(expected("monterrey"));
    expect(placesOf("same-name")).toEqual(expected("puebla"));
    expect(placesOf("municipality-of")).toEqual(expected("pueblaCity"));
    expect(placesOf("kobo")).toEqual(expected("slp", "nuevoLeon"));
    expect(await database.prisma.place.count({ where: { evaluationId } })).toBe(10);
  });

  it("refuses a name the evaluation does not have, even a real state, and never adds a place", async () => {
    for (const [key, places] of [
      ["jalisco", "Jalisco"],
      ["half", "San Luis"],
      ["words", "Luis Potosí"],
      ["hostile", "<script>alert(1)</script>; San Luis Potosí"],
      ["two-la-paz", "La Paz"],
    ]) {
      const dry = await dryRun(
        "STORIES",
        csv(STORY_HEADERS, [story(key!, places!)], `${key}.csv`),
        `places-bad-${key}`,
      );
      expect([key, await errorsOf(dry.batchId)]).toEqual([key, [["lugares", "imports.rowErrors.placeUnknown"]]]);
    }
    expect(await database.prisma.place.count({ where: { evaluationId } })).toBe(10);
  });

  it("never splits on spaces (the pure splitter)", () => {
    expect(splitPlaceList("San Luis Potosí")).toEqual(["San Luis Potosí"]);
    expect(splitPlaceList(" Oaxaca ;; Baja California Sur,\r\nCiudad de México ")).toEqual([
      "Oaxaca",
      "Baja California Sur",
      "Ciudad de México",
    ]);
    expect(splitPlaceList("")).toEqual([]);
  });
});

describe("a respondent's state", () => {
  it("is a Mexican state by any of its names or codes, or a region abroad by name or code; two regions of one name are ambiguous", async () => {
    const rows = [
      ["union_member", "Mujer", "Edo. de México", "es", "r-edomex"],
      ["union_member", "Mujer", "24", "es", "r-inegi"],
      ["union_member", "Hombre", "quetzaltenango", "es", "r-gt"],
      ["union_member", "Hombre", "GT-QZ", "es", "r-gt-code"],
    ];
    const file = csv(RESPONDENT_HEADERS, rows, "personas.csv");
    const dry = await dryRun("RESPONDENTS", file, "respondent-states");
    expect(await errorsOf(dry.batchId)).toEqual([]);
    expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file })).toMatchObject({ created: 4 });
    const stored = await database.prisma.respondent.findMany({
      where: { evaluationId },
      orderBy: { codeNumber: "asc" },
      select: { countryCode: true, state: true },
    });
    expect(stored).toEqual([
      { countryCode: null, state: "Estado de México" },
      { countryCode: null, state: "San Luis Potosí" },
      { countryCode: "GT", state: "Quetzaltenango" },
      { countryCode: "GT", state: "Quetzaltenango" },
    ]);

    const ambiguous = await dryRun(
      "RESPONDENTS",
      csv(RESPONDENT_HEADERS, [["union_member", "Mujer", "La Paz", "es", "r-lapaz"]], "lapaz.csv"),
      "respondent-la-paz",
    );
    expect(await errorsOf(ambiguous.batchId)).toEqual([["estado", "imports.rowErrors.placeAmbiguous"]]);
    const unknown = await dryRun(
      "RESPONDENTS",
      csv(RESPONDENT_HEADERS, [["union_member", "Mujer", "Texas", "es", "r-texas"]], "texas.csv"),
      "respondent-texas",
    );
    expect(await errorsOf(unknown.batchId)).toEqual([["estado", "respondents.errors.state"]]);
  });
});
