import { describe, expect, it } from "vitest";
import { diffList, diffSnapshots, diffWords, tokenize, type DiffSegment } from "@/lib/stories/diff";
import { buildStorySnapshot, plainDecimal } from "@/lib/stories/snapshot";
import { snapshotSource as source } from "@/tests/factories/story-snapshot";

/** Reassembles both sides from the segments: the diff must lose nothing. */
function sides(segments: DiffSegment[]) {
  return {
    before: segments
      .filter((s) => s.type !== "insert")
      .map((s) => s.text)
      .join(""),
    after: segments
      .filter((s) => s.type !== "delete")
      .map((s) => s.text)
      .join(""),
  };
}

describe("word-level differences", () => {
  it("split text into words, spaces and punctuation, keeping accents and inner apostrophes", () => {
    expect(tokenize("Niñas y niños, en l’école  ya.")).toEqual([
      "Niñas",
      " ",
      "y",
      " ",
      "niños",
      ",",
      " ",
      "en",
      " ",
      "l’école",
      "  ",
      "ya",
      ".",
    ]);
  });

  it("are empty for two empty texts and one equal segment for equal texts", () => {
    expect(diffWords("", "")).toEqual([]);
    expect(diffWords("igual", "igual")).toEqual([{ type: "equal", text: "igual" }]);
  });

  it("mark a replaced word as a deletion and an insertion, and keep the rest", () => {
    const segments = diffWords("Se legitimaron 5 contratos en Coahuila.", "Se legitimaron 7 contratos en Coahuila.");
    expect(segments).toEqual([
      { type: "equal", text: "Se legitimaron " },
      { type: "delete", text: "5" },
      { type: "insert", text: "7" },
      { type: "equal", text: " contratos en Coahuila." },
    ]);
  });

  it("handle texts that are all new, all gone, or share nothing", () => {
    expect(diffWords("", "nuevo texto")).toEqual([{ type: "insert", text: "nuevo texto" }]);
    expect(diffWords("viejo texto", "")).toEqual([{ type: "delete", text: "viejo texto" }]);
    const disjoint = diffWords("uno dos", "tres cuatro cinco");
    expect(sides(disjoint)).toEqual({ before: "uno dos", after: "tres cuatro cinco" });
  });

  it("find insertions in the middle of long texts", () => {
    const before = Array.from({ length: 400 }, (_, i) => `palabra${i}`).join(" ");
    const after = before.replace("palabra200", "palabra200 añadida aquí");
    const segments = diffWords(before, after);
    const changed = segments.filter((s) => s.type !== "equal");
    // Either alignment of the space is as short; only the inserted words matter.
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ type: "insert" });
    expect(changed[0]!.text.trim()).toBe("añadida aquí");
  });

  it("always reassemble both texts exactly (random edits)", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = [
      "el",
      "sindicato",
      "votó",
      "en",
      "secreto",
      ",",
      "las",
      "mujeres",
      "ñandú",
      "\u202Eabc",
      "<b>",
      "=SUM(A1)",
    ];
    for (let round = 0; round < 200; round += 1) {
      const make = () =>
        Array.from({ length: Math.floor(random() * 30) }, () => words[Math.floor(random() * words.length)]).join(
          random() > 0.5 ? " " : "  ",
        );
      const before = make();
      const after = make();
      expect(sides(diffWords(before, after))).toEqual({ before, after });
    }
  });

  it("fall back to replace-all when texts are too different to align, still losing nothing", () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(" ");
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(" ");
    const segments = diffWords(before, after);
    expect(sides(segments)).toEqual({ before, after });
  });
});

describe("list differences", () => {
  it("name added, removed and changed items by key", () => {
    const change = diffList(
      [
        { id: "a", v: 1 },
        { id: "b", v: 2 },
      ],
      [
        { id: "b", v: 3 },
        { id: "c", v: 4 },
      ],
      (item) => item.id,
    );
    expect(change).toEqual({
      added: [{ id: "c", v: 4 }],
      removed: [{ id: "a", v: 1 }],
      changed: [{ before: { id: "b", v: 2 }, after: { id: "b", v: 3 } }],
    });
  });
});

describe("snapshots", () => {
  it("are stable: lists sorted, decimals plain, dates as days", () => {
    const snapshot = buildStorySnapshot(
      source({
        storytellers: [
          { respondentId: "r2", code: "R-0002" },
          { respondentId: "r1", code: "R-0001" },
        ],
        figures: [
          {
            id: "f2",
            position: 2,
            label: "b",
            labelTranslation: null,
            qualifier: "EXACT",
            value: "81.5000",
            valueMax: null,
            unit: "%",
          },
          {
            id: "f1",
            position: 1,
            label: "a",
            labelTranslation: null,
            qualifier: "RANGE",
            value: 1,
            valueMax: "9.0000",
            unit: null,
          },
        ],
      }),
    );
    expect(snapshot.schemaVersion).toBe(1);
    expect(snapshot.periodFrom).toBe("2022-01-01");
    expect(snapshot.storytellers.map((s) => s.code)).toEqual(["R-0001", "R-0002"]);
    expect(snapshot.figures.map((f) => [f.id, f.value, f.valueMax])).toEqual([
      ["f1", "1", "9"],
      ["f2", "81.5", null],
    ]);
    expect(plainDecimal("-0.5000")).toBe("-0.5");
    expect(plainDecimal("100")).toBe("100");
  });

  it("differ field by field: texts word by word, values, and lists", () => {
    const before = buildStorySnapshot(source());
    const after = buildStorySnapshot(
      source({
        whatChanged: "Las trabajadoras votaron en secreto.",
        changeType: "NO_CHANGE",
        storytellers: [{ respondentId: "r2", code: "R-0002" }],
      }),
    );
    const changes = diffSnapshots(before, after);
    expect(changes.map((change) => [change.kind, change.field])).toEqual([
      ["text", "whatChanged"],
      ["value", "changeType"],
      ["list", "storytellers"],
    ]);
    const text = changes[0]!;
    expect(text.kind === "text" && text.segments.filter((s) => s.type === "insert")).toEqual([
      { type: "insert", text: " en secreto" },
    ]);
    const list = changes[2]!;
    expect(list.kind === "list" && [list.added.length, list.removed.length]).toEqual([1, 1]);
    expect(diffSnapshots(before, before)).toEqual([]);
  });

  it("treat the period as one value", () => {
    const changes = diffSnapshots(
      buildStorySnapshot(source()),
      buildStorySnapshot(source({ periodTo: new Date("2023-12-31T00:00:00Z") })),
    );
    expect(changes).toEqual([
      {
        kind: "value",
        field: "period",
        before: { periodPrecision: "YEAR", periodFrom: "2022-01-01", periodTo: null },
        after: { periodPrecision: "YEAR", periodFrom: "2022-01-01", periodTo: "2023-12-31" },
      },
    ]);
  });
});
