import { describe, expect, it } from "vitest";
import { emptyStoryValues, type StoryFormValues } from "@/lib/stories/form-values";
import { periodBounds, storedPeriod, writtenPeriodValue } from "@/lib/stories/period";
import { LIMITS, moveStoryInput, storyFieldsSchema, updateStoryInput } from "@/lib/stories/schema";
import { figureValues } from "@/tests/factories/story-form";

const ID = "ckxyz0000000000000000000a";
const ID2 = "ckxyz0000000000000000000b";

function story(overrides: Partial<StoryFormValues & { numberLocale: "es" | "en" }> = {}): StoryFormValues {
  return {
    ...emptyStoryValues("es"),
    title: "Contratos legitimados",
    whatChanged: "Qué cambió.",
    whySignificant: "Por qué importa.",
    changeType: "POSITIVE",
    ...overrides,
  };
}

function issues(values: unknown): Record<string, string[]> {
  const parsed = storyFieldsSchema.safeParse(values);
  if (parsed.success) return {};
  const result: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (result[issue.path.join(".")] ??= []).push(issue.message);
  return result;
}

describe("the story form schema", () => {
  it("accepts a minimal story and turns empty optional texts into null", () => {
    const parsed = storyFieldsSchema.parse(story({ titleTranslation: "   " }));
    expect(parsed.title).toBe("Contratos legitimados");
    expect(parsed.titleTranslation).toBeNull();
    expect(parsed.translationLanguage).toBeNull();
    expect(parsed.translatedById).toBeNull();
  });

  it("requires title, both texts and the change type, with message keys", () => {
    expect(issues(story({ title: " ", whatChanged: "", whySignificant: "", changeType: "" }))).toEqual({
      title: ["required"],
      whatChanged: ["required"],
      whySignificant: ["required"],
      changeType: ["required"],
    });
  });

  it("refuses oversized texts and lists", () => {
    const result = issues(
      story({
        title: "x".repeat(LIMITS.title + 1),
        whatChanged: "x".repeat(LIMITS.longText + 1),
        placeIds: Array.from({ length: LIMITS.places + 1 }, (_, i) => `place${i}`),
      }),
    );
    expect(result.title).toEqual(["tooLong"]);
    expect(result.whatChanged).toEqual(["tooLong"]);
    expect(result.placeIds).toEqual(["tooMany"]);
  });

  it("keeps hostile text literally (markup, SQL, formulas, right-to-left marks) but refuses NUL", () => {
    const hostile =
      '<script>alert(1)</script> \'; DROP TABLE change_story; -- =HYPERLINK("http://evil.example") \u202Egnp.exe';
    const parsed = storyFieldsSchema.parse(story({ title: hostile.slice(0, 200), whatChanged: hostile }));
    expect(parsed.whatChanged).toBe(hostile);
    expect(issues(story({ title: "a\u0000b" })).title).toEqual(["invalidCharacters"]);
  });

  it("refuses ids that are not plain ids (operators, objects, very long strings)", () => {
    const result = issues(
      story({ placeIds: ['{"contains":""}', "x".repeat(65)], storytellerIds: [{ not: null } as unknown as string] }),
    );
    expect(result["placeIds.0"]).toEqual(["invalid"]);
    expect(result["placeIds.1"]).toEqual(["invalid"]);
    expect(result["storytellerIds.0"]).toEqual(["invalid"]);
  });

  it("flags duplicates where each one is listed", () => {
    const result = issues(
      story({
        storytellerIds: [ID, ID],
        sources: [
          { kind: "INTERVIEW", id: ID },
          { kind: "INTERVIEW", id: ID },
          { kind: "EXCERPT", id: ID },
        ],
        contributions: [
          { projectId: ID, howContributed: "a" },
          { projectId: ID, howContributed: "b" },
        ],
        atRiskGroups: [
          { groupId: ID, note: "" },
          { groupId: ID, note: "" },
        ],
      }),
    );
    expect(result).toEqual({
      "storytellerIds.1": ["duplicate"],
      "sources.1.id": ["duplicate"],
      "contributions.1.projectId": ["duplicate"],
      "atRiskGroups.1.groupId": ["duplicate"],
    });
  });

  it("needs the translation language and the translator when any translation is given", () => {
    expect(issues(story({ titleTranslation: "Contracts legitimized" }))).toEqual({
      translationLanguage: ["required"],
      translatedById: ["translatorRequired"],
    });
    expect(issues(story({ titleTranslation: "Contracts", translationLanguage: "EN", translatedById: ID }))).toEqual({});
    expect(
      storyFieldsSchema.parse(story({ titleTranslation: "C", translationLanguage: "EN", translatedById: ID }))
        .translationLanguage,
    ).toBe("en");
  });

  it("checks language codes", () => {
    expect(issues(story({ originalLanguage: "spanish" })).originalLanguage).toEqual(["languageInvalid"]);
    expect(issues(story({ originalLanguage: "mix" }))).toEqual({});
  });

  describe("figures", () => {
    const figure = figureValues("comunidades", { key: "k", value: "24" });

    it("read decimals in the writer's convention and drop a stray upper bound", () => {
      const spanish = storyFieldsSchema.parse(
        story({ numberLocale: "es", figures: [{ ...figure, value: "81.5", valueMax: "90" }] }),
      );
      expect(spanish.figures[0]).toMatchObject({ id: null, value: "81.5", valueMax: null, unit: null });
      expect(spanish).not.toHaveProperty("numberLocale");
      const english = storyFieldsSchema.parse(story({ numberLocale: "en", figures: [{ ...figure, value: "81.5" }] }));
      expect(english.figures[0]?.value).toBe("81.5");
      // Without a convention only the plain stored form is read: "81,5" is not guessed.
      expect(issues(story({ figures: [{ ...figure, value: "81,5" }] }))).toEqual({
        "figures.0.value": ["numberInvalid"],
      });
    });

    it("read thousands in the writer's convention and never truncate them", () => {
      const values = (numberLocale: "es" | "en", value: string, valueMax = "") =>
        storyFieldsSchema.parse(
          story({
            numberLocale,
            figures: [{ ...figure, qualifier: valueMax ? "RANGE" : "MORE_THAN", value, valueMax }],
          }),
        ).figures[0];
      expect(values("es", "600,000")).toMatchObject({ qualifier: "MORE_THAN", value: "600000" });
      expect(values("en", "600,000")).toMatchObject({ value: "600000" });
      expect(values("es", "1,500", "2,000.25")).toMatchObject({ value: "1500", valueMax: "2000.25" });
      expect(issues(story({ numberLocale: "es", figures: [{ ...figure, value: "600.000" }] }))).toEqual({
        "figures.0.value": ["numberAmbiguous"],
      });
      expect(issues(story({ numberLocale: "es", figures: [{ ...figure, value: "1,5" }] }))).toEqual({
        "figures.0.value": ["numberOtherConvention"],
      });
      expect(issues(story({ numberLocale: "en", figures: [{ ...figure, value: "600.000" }] }))).toEqual({
        "figures.0.value": ["numberAmbiguous"],
      });
      expect(issues(story({ numberLocale: "en", figures: [{ ...figure, value: "1,5" }] }))).toEqual({
        "figures.0.value": ["numberOtherConvention"],
      });
      expect(issues(story({ numberLocale: "en", figures: [{ ...figure, value: "1.23456" }] }))).toEqual({
        "figures.0.value": ["numberTooPrecise"],
      });
      expect(issues(story({ numberLocale: "fr" as never, figures: [] }))).toEqual({ numberLocale: ["invalid"] });
    });

    it("take a percent sign as the unit, and refuse it next to another unit", () => {
      expect(
        storyFieldsSchema.parse(story({ numberLocale: "es", figures: [{ ...figure, value: "81.5 %" }] })).figures[0],
      ).toMatchObject({ value: "81.5", unit: "%" });
      expect(
        issues(story({ numberLocale: "es", figures: [{ ...figure, value: "81 %", unit: "trabajadores" }] })),
      ).toEqual({ "figures.0.value": ["numberPercentUnit"] });
    });

    it("report a figure's number together with every other error of the story", () => {
      const found = issues(
        story({
          title: "",
          changeType: "lack of change" as never,
          periodFrom: "2022-2024",
          numberLocale: "es",
          figures: [{ ...figure, label: "", value: "1.500" }],
        }),
      );
      expect(found).toEqual({
        title: ["required"],
        changeType: ["required"],
        periodFrom: ["periodFormat"],
        "figures.0.label": ["required"],
        "figures.0.value": ["numberAmbiguous"],
      });
    });

    it("refuse what is not a number, and ranges without or below their lower bound", () => {
      expect(issues(story({ figures: [{ ...figure, value: "24 communities" }] }))).toEqual({
        "figures.0.value": ["numberInvalid"],
      });
      expect(issues(story({ figures: [{ ...figure, value: "=1+1" }] }))).toEqual({
        "figures.0.value": ["numberInvalid"],
      });
      expect(issues(story({ figures: [{ ...figure, qualifier: "RANGE" }] }))).toEqual({
        "figures.0.valueMax": ["required"],
      });
      expect(issues(story({ figures: [{ ...figure, qualifier: "RANGE", value: "9", valueMax: "1" }] }))).toEqual({
        "figures.0.valueMax": ["rangeOrder"],
      });
      expect(
        storyFieldsSchema.parse(story({ figures: [{ ...figure, qualifier: "RANGE", value: "1", valueMax: "9" }] }))
          .figures[0]?.valueMax,
      ).toBe("9");
    });

    it("refuse the same stored figure twice", () => {
      expect(
        issues(
          story({
            figures: [
              { ...figure, id: ID },
              { ...figure, key: "k2", id: ID },
            ],
          }),
        ),
      ).toEqual({ "figures.1.id": ["duplicate"] });
      expect(
        issues(
          story({
            figures: [
              { ...figure, id: ID },
              { ...figure, key: "k2", id: ID2 },
            ],
          }),
        ),
      ).toEqual({});
    });
  });

  it("checks the period at its precision", () => {
    expect(issues(story({ periodFrom: "2023", periodTo: "2022" }))).toEqual({ periodTo: ["periodOrder"] });
    expect(issues(story({ periodTo: "2022" }))).toEqual({ periodFrom: ["periodFromRequired"] });
    expect(issues(story({ periodPrecision: "MONTH", periodFrom: "2023" }))).toEqual({ periodFrom: ["periodFormat"] });
    expect(issues(story({ periodPrecision: "DAY", periodFrom: "2023-02-29" }))).toEqual({
      periodFrom: ["periodFormat"],
    });
    expect(issues(story({ periodPrecision: "DAY", periodFrom: "2024-02-29" }))).toEqual({});
  });
});

describe("periods", () => {
  it("cover whole years, months and days", () => {
    expect(periodBounds("YEAR", "2022")).toEqual({ first: "2022-01-01", last: "2022-12-31" });
    expect(periodBounds("MONTH", "2024-02")).toEqual({ first: "2024-02-01", last: "2024-02-29" });
    expect(periodBounds("DAY", "2023-12-31")).toEqual({ first: "2023-12-31", last: "2023-12-31" });
    expect(periodBounds("YEAR", "1850")).toBeNull();
    expect(periodBounds("MONTH", "2023-13")).toBeNull();
  });

  it("store the first day of the start and the last day of the end, or an open end", () => {
    expect(storedPeriod("YEAR", "2022", "2023")).toEqual({ ok: true, from: "2022-01-01", to: "2023-12-31" });
    expect(storedPeriod("YEAR", "2023", "")).toEqual({ ok: true, from: "2023-01-01", to: null });
    expect(storedPeriod("YEAR", "", "")).toEqual({ ok: true, from: null, to: null });
    expect(storedPeriod("YEAR", "2023", "2023")).toEqual({ ok: true, from: "2023-01-01", to: "2023-12-31" });
  });

  it("are written back at their precision", () => {
    expect(writtenPeriodValue("YEAR", "2023-12-31")).toBe("2023");
    expect(writtenPeriodValue("MONTH", "2023-03-01")).toBe("2023-03");
    expect(writtenPeriodValue("DAY", null)).toBe("");
  });
});

describe("action inputs", () => {
  it("never read stage, version, author or another evaluation from inside the story", () => {
    const parsed = updateStoryInput.parse({
      evaluationId: ID,
      storyId: ID2,
      expectedVersion: 3,
      stage: "APPROVED",
      authorId: ID,
      story: { ...story(), stage: "APPROVED", version: 99, authorId: ID, evaluationId: ID2, code: "CS-9999" },
    });
    expect(parsed).not.toHaveProperty("stage");
    expect(parsed).not.toHaveProperty("authorId");
    for (const key of ["stage", "version", "authorId", "evaluationId", "code"])
      expect(parsed.story).not.toHaveProperty(key);
  });

  it("want a whole positive expected version", () => {
    expect(
      updateStoryInput.safeParse({ evaluationId: ID, storyId: ID2, expectedVersion: 0, story: story() }).success,
    ).toBe(false);
    expect(
      updateStoryInput.safeParse({ evaluationId: ID, storyId: ID2, expectedVersion: "1", story: story() }).success,
    ).toBe(false);
    expect(
      updateStoryInput.safeParse({ evaluationId: ID, storyId: ID2, expectedVersion: 1.5, story: story() }).success,
    ).toBe(false);
  });

  it("know only real stages for a step", () => {
    expect(moveStoryInput.safeParse({ evaluationId: ID, storyId: ID2, from: "DRAFT", to: "SUBMITTED" }).success).toBe(
      true,
    );
    expect(moveStoryInput.safeParse({ evaluationId: ID, storyId: ID2, from: "DRAFT", to: "PUBLISHED" }).success).toBe(
      false,
    );
  });
});
