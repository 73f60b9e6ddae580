import { describe, expect, it } from "vitest";
import {
  emptyStoryValues,
  mergeRows,
  mergeValues,
  toFormValues,
  type StoryFormValues,
} from "@/lib/stories/form-values";
import { buildStorySnapshot } from "@/lib/stories/snapshot";
import { figureValues } from "@/tests/factories/story-form";

function values(overrides: Partial<StoryFormValues> = {}): StoryFormValues {
  return {
    ...emptyStoryValues("es"),
    title: "Base",
    whatChanged: "Qué",
    whySignificant: "Por qué",
    changeType: "POSITIVE",
    ...overrides,
  };
}

const figure = (id: string, label: string) => figureValues(label, { key: id || label, id });

describe("merging two editors' versions", () => {
  it("lists only fields that differ, with who changed them and a suggestion", () => {
    const base = values();
    const theirs = values({ title: "Theirs", whatChanged: "Qué (ellos)" });
    const yours = values({ title: "Yours", whySignificant: "Por qué (yo)" });
    expect(mergeRows(base, theirs, yours)).toEqual([
      { field: "title", theirsChanged: true, yoursChanged: true, suggested: "yours" },
      { field: "whatChanged", theirsChanged: true, yoursChanged: false, suggested: "theirs" },
      { field: "whySignificant", theirsChanged: false, yoursChanged: true, suggested: "yours" },
    ]);
  });

  it("treats the period as one field and ignores figure row keys", () => {
    const base = values({ periodFrom: "2022" });
    const theirs = values({ periodFrom: "2022", figures: [figure("f1", "a")] });
    const yours = values({ periodFrom: "2021", figures: [{ ...figure("f1", "a"), key: "another-key" }] });
    expect(mergeRows(base, theirs, yours).map((row) => row.field)).toEqual(["period"]);
  });

  it("takes each chosen field from yours and the rest from theirs", () => {
    const theirs = values({
      title: "Theirs",
      whatChanged: "Qué (ellos)",
      periodPrecision: "MONTH",
      periodFrom: "2022-01",
    });
    const yours = values({ title: "Yours", whatChanged: "Qué (yo)", periodFrom: "2021" });
    const merged = mergeValues(theirs, yours, { title: "yours", whatChanged: "theirs", period: "yours" });
    expect(merged).toMatchObject({
      title: "Yours",
      whatChanged: "Qué (ellos)",
      periodPrecision: "YEAR",
      periodFrom: "2021",
    });
    expect(theirs.title).toBe("Theirs");
  });

  it("saves your copy of a figure they removed as a new figure", () => {
    const theirs = values({ figures: [figure("f2", "kept")] });
    const yours = values({ figures: [figure("f1", "edited by you"), figure("f2", "kept, edited")] });
    const merged = mergeValues(theirs, yours, { figures: "yours" });
    expect(merged.figures.map((f) => [f.id, f.label])).toEqual([
      ["", "edited by you"],
      ["f2", "kept, edited"],
    ]);
  });
});

describe("form values of a stored story", () => {
  it("round-trip through the snapshot", () => {
    const snapshot = buildStorySnapshot({
      code: "CS-0003",
      title: "T",
      titleTranslation: "T en",
      whatChanged: "W",
      whatChangedTranslation: null,
      whySignificant: "Y",
      whySignificantTranslation: null,
      originalLanguage: "es",
      translationLanguage: "en",
      translatedBy: { id: "u1", name: "Ana" },
      collectedBy: null,
      changeType: "NEGATIVE",
      periodPrecision: "MONTH",
      periodFrom: new Date("2023-03-01T00:00:00Z"),
      periodTo: new Date("2023-05-31T00:00:00Z"),
      contributionNarrative: null,
      sustainabilityAssessment: "S",
      sustainabilityConditions: null,
      sustainabilityRisks: null,
      places: [{ id: "p1", state: "Oaxaca", municipality: null, community: null }],
      sectors: [],
      priorityTags: [],
      atRiskGroups: [{ id: "g1", position: 1, nameEn: "Women workers", nameEs: "Mujeres trabajadoras", note: null }],
      figures: [
        {
          id: "f1",
          position: 1,
          label: "días",
          labelTranslation: null,
          qualifier: "RANGE",
          value: "1.0000",
          valueMax: "9.0000",
          unit: "meses",
        },
      ],
      contributions: [{ projectId: "pr1", acronym: "FH", name: "Fields of Hope", howContributed: "H" }],
      storytellers: [{ respondentId: "r1", code: "R-0001" }],
      sources: [{ kind: "INTERVIEW", id: "i1", date: new Date("2024-06-15T00:00:00Z") }],
    });
    expect(toFormValues(snapshot)).toMatchObject({
      titleTranslation: "T en",
      whatChangedTranslation: "",
      translatedById: "u1",
      periodFrom: "2023-03",
      periodTo: "2023-05",
      placeIds: ["p1"],
      atRiskGroups: [{ groupId: "g1", note: "" }],
      figures: [{ key: "f1", id: "f1", value: "1", valueMax: "9", unit: "meses", labelTranslation: "" }],
      contributions: [{ projectId: "pr1", howContributed: "H" }],
      storytellerIds: ["r1"],
      sources: [{ kind: "INTERVIEW", id: "i1" }],
    });
  });
});
