/**
 * Figures typed in the writer's language, through the story actions as the form sends them: es
 * and en `600,000` (Spanish as Mexico writes it) are both stored as exactly 600000 with their
 * qualifier; an ambiguous
 * or foreign-written entry is refused next to its field and nothing is written; a value with every
 * digit the column holds comes back unchanged; the edit page hands figures back in the editor's
 * way of writing numbers, so saving again changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { emptyStoryValues, valuesWrittenIn } from "@/lib/stories/form-values";
import { createStoryWorld, type StoryWorld } from "@/tests/factories";
import { signInAs } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let world: StoryWorld;
let evaluator: CurrentUser;
let actions: typeof import("@/lib/stories/actions");
let loaders: typeof import("@/lib/stories/loaders");

const figure = (value: string, extra: Record<string, string> = {}) => ({
  key: "k",
  id: "",
  label: "trabajadores",
  labelTranslation: "",
  qualifier: "MORE_THAN",
  value,
  valueMax: "",
  unit: "",
  ...extra,
});
const story = (numberLocale: string, figures: unknown[]) => ({
  ...emptyStoryValues("es"),
  title: "Contratos legitimados",
  whatChanged: "Qué cambió.",
  whySignificant: "Por qué.",
  changeType: "POSITIVE",
  figures,
  numberLocale,
});

async function storedFigures(storyId: string) {
  const rows = await database.prisma.storyFigure.findMany({ where: { storyId }, orderBy: { position: "asc" } });
  return rows.map((row) => ({
    qualifier: row.qualifier,
    value: row.value.toFixed(4),
    valueMax: row.valueMax?.toFixed(4) ?? null,
    unit: row.unit,
  }));
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [actions, loaders] = await Promise.all([import("@/lib/stories/actions"), import("@/lib/stories/loaders")]);
  world = await createStoryWorld(database.prisma);
  evaluator = signInAs(world.team.members.evaluator!);
});

afterAll(async () => {
  await database?.close();
});

describe("figures through the story actions", () => {
  it("stores Spanish and English 600,000 as exactly 600000, qualifier kept", async () => {
    for (const [locale, typed] of [
      ["es", "600,000"],
      ["es", "600 000"],
      ["en", "600,000"],
    ] as const) {
      const created = await actions.createChangeStory({
        evaluationId: world.evaluationId,
        story: story(locale, [figure(typed)]),
      });
      if (!created.ok) throw new Error(JSON.stringify(created));
      expect(await storedFigures(created.data.storyId)).toEqual([
        { qualifier: "MORE_THAN", value: "600000.0000", valueMax: null, unit: null },
      ]);
    }
  });

  it("keeps every digit the column holds, and a range with decimals in the writer's convention", async () => {
    const created = await actions.createChangeStory({
      evaluationId: world.evaluationId,
      story: story("es", [
        figure("9,999,999,999,999,999.9999", { qualifier: "EXACT" }),
        { ...figure("1.5", { qualifier: "RANGE", valueMax: "2,500.25" }), key: "r" },
        { ...figure("81.5 %", { qualifier: "EXACT" }), key: "p" },
        { ...figure("12.3450", { qualifier: "EXACT" }), key: "d" },
      ]),
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await storedFigures(created.data.storyId)).toEqual([
      { qualifier: "EXACT", value: "9999999999999999.9999", valueMax: null, unit: null },
      { qualifier: "RANGE", value: "1.5000", valueMax: "2500.2500", unit: null },
      { qualifier: "EXACT", value: "81.5000", valueMax: null, unit: "%" },
      { qualifier: "EXACT", value: "12.3450", valueMax: null, unit: null },
    ]);
    // The edit page gives the editor the figures as they type numbers; saving them again reads the same values.
    signInAs(world.team.members.evaluator!);
    const edit = await loaders.loadStoryEdit(world.evaluationId, created.data.storyId, evaluator);
    const written = valuesWrittenIn(edit!.form!.stored.values, "es");
    expect(written.figures.map((row) => [row.value, row.valueMax])).toEqual([
      ["9999999999999999.9999", ""],
      ["1.5", "2500.25"],
      ["81.5", ""],
      ["12.3450", ""],
    ]);
    const saved = await actions.updateChangeStory({
      evaluationId: world.evaluationId,
      storyId: created.data.storyId,
      expectedVersion: 1,
      note: "",
      story: { ...written, numberLocale: "es" },
    });
    expect(saved.ok).toBe(true);
    expect((await storedFigures(created.data.storyId)).map((row) => row.value)).toEqual([
      "9999999999999999.9999",
      "1.5000",
      "81.5000",
      "12.3450",
    ]);
  });

  it("refuses ambiguous, foreign-written, oversized and hostile numbers next to the field and writes nothing", async () => {
    const before = await database.prisma.changeStory.count({ where: { evaluationId: world.evaluationId } });
    const cases: Array<[string, string, string]> = [
      ["es", "600.000", "numberAmbiguous"],
      ["en", "1.500", "numberAmbiguous"],
      ["es", "1,5", "numberOtherConvention"],
      ["es", "1.234,5", "numberOtherConvention"],
      ["en", "1,5", "numberOtherConvention"],
      ["es", "99,999,999,999,999,999", "numberTooLarge"],
      ["en", "0.12345", "numberTooPrecise"],
      ["es", '=HYPERLINK("http://x")', "numberInvalid"],
      ["en", "1e6", "numberInvalid"],
      ["en", "'; drop table story_figure; --", "numberInvalid"],
    ];
    for (const [locale, typed, reason] of cases) {
      const result = await actions.createChangeStory({
        evaluationId: world.evaluationId,
        story: story(locale, [figure(typed)]),
      });
      expect(result, `${locale} ${typed}`).toEqual({
        ok: false,
        error: "INVALID",
        fieldErrors: { "story.figures.0.value": [reason] },
      });
    }
    // Without a convention only plain stored values are read: a grouped number is never guessed.
    const plain = await actions.createChangeStory({
      evaluationId: world.evaluationId,
      story: { ...story("es", [figure("600,000")]), numberLocale: undefined },
    });
    expect(plain).toMatchObject({ ok: false, fieldErrors: { "story.figures.0.value": ["numberInvalid"] } });
    expect(await database.prisma.changeStory.count({ where: { evaluationId: world.evaluationId } })).toBe(before);
  });
});
