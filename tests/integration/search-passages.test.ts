/**
 * Where a long transcript's highlighted passage is cut from: the first word, in any case and with
 * any accents, that begins with one of the query's lexemes (lib/search/sql.ts, queryPattern).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInterview, createEvaluationWithTeam, type EvaluationWithTeam } from "@/tests/factories";
import { day } from "@/tests/factories/ids";
import { splitHighlight } from "@/lib/search/highlight";
import { Prisma } from "@/lib/generated/prisma/client";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let mine: EvaluationWithTeam;
let queryPattern: typeof import("@/lib/search/sql").queryPattern;

/** The 1-based position where the passage would centre, 0 when no word matches, null without lexemes. */
async function firstMatch(text: string, q: string): Promise<number | null> {
  const [row] = await database.prisma.$queryRaw<Array<{ at: number | null }>>(
    Prisma.sql`SELECT regexp_instr(${text}, ${queryPattern(q)}, 1, 1, 0, 'i') AS at`,
  );
  return row!.at === null ? null : Number(row!.at);
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  ({ queryPattern } = await import("@/lib/search/sql"));
  mine = await createEvaluationWithTeam(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

/** The 1-based position of `word` in `text`, as regexp_instr counts. */
const at = (text: string, word: string) => text.indexOf(word) + 1;

describe("locating the passage", () => {
  it("finds a word whatever its case and accents", async () => {
    const text = "Hablaron las NIÑAS de la zafra";
    expect(await firstMatch(text, "niña")).toBe(at(text, "NIÑAS"));
    expect(await firstMatch("Éxito rotundo", "exito")).toBe(1);
    expect(await firstMatch("sin éxito", "ÉXITOS")).toBe(at("sin éxito", "éxito"));
    expect(await firstMatch("The Inspectors came", "inspector")).toBe(at("The Inspectors came", "Inspectors"));
  });

  it("matches the start of a word, not its middle", async () => {
    const text = "la femenina y los niños";
    expect(await firstMatch(text, "niños")).toBe(at(text, "niños"));
    expect(await firstMatch("camino largo", "mino")).toBe(0);
  });

  it("takes the first place where any of the query's words appears", async () => {
    const text = "primero la escuela, después los niños";
    expect(await firstMatch(text, "niños escuela")).toBe(at(text, "escuela"));
  });

  it("treats regular-expression characters in the query as text, and a query of stop words as no passage", async () => {
    for (const q of ["a.b (c|d)* [x]", "\\m(", "^$ \\", "user@example.org", "(?i).*", "[[:alpha:]]+", "a{99999}"]) {
      await expect(firstMatch("texto sobre la zafra", q), q).resolves.toSatisfy(
        (position) => position === null || position === 0,
      );
    }
    expect(await firstMatch("texto cualquiera", "a no me he")).toBeNull();
  });
});

describe("the passage shown on the search page", () => {
  it("highlights a capitalised, accented word at the end of a 30,000-character transcript", async () => {
    const filler = "Entrevistadora: ¿Y después? R-0002: Seguimos trabajando igual, sin cambios. ".repeat(400);
    await database.prisma.interview.create({
      data: buildInterview({
        evaluationId: mine.evaluation.id,
        date: day("2024-06-01"),
        transcriptOriginal: `${filler}Al final: ÉXITO para las Niñas.`,
      }),
    });
    const { searchEvaluation } = await import("@/lib/search/data");
    const results = await searchEvaluation(
      mine.evaluation.id,
      { id: mine.members.lead.id, isAdmin: false },
      { q: "exito niña", kind: "interviews", page: 1 },
    );
    const [row] = results!.interviews!.rows;
    const parts = splitHighlight(row!.headline);
    expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual(["ÉXITO", "Niñas"]);
    expect(row!.headline.length).toBeLessThan(1500);
  });
});
