/** The guard of IN_TRIANGULATION → TRIANGULATED and the sign-off's own rules, case by case. */
import { describe, expect, it } from "vitest";
import {
  evidenceBlockers,
  isTriangulationStage,
  triangulationBlockers,
  type TriangulationFacts,
} from "@/lib/triangulation/policy";

const T0 = new Date("2025-01-10T10:00:00Z");
const LATER = new Date("2025-01-11T10:00:00Z");

type Item = TriangulationFacts["evidence"][number];
const item = (overrides: Partial<Item>): Item => ({
  id: "e",
  sourceType: "DOCUMENT",
  stance: "SUPPORTS",
  hasResponse: false,
  hasSupportNote: false,
  updatedAt: T0,
  ...overrides,
});

function facts(
  evidence: Item[],
  signOff: TriangulationFacts["signOff"] = { storyVersion: 3, signedAt: LATER },
  storyVersion = 3,
): TriangulationFacts {
  return { storyVersion, evidence, signOff };
}

const twoTypes = [item({ sourceType: "DOCUMENT" }), item({ sourceType: "QUANTITATIVE_DATASET" })];

describe("triangulationBlockers", () => {
  it("is empty with two supporting source types and a current sign-off", () => {
    expect(triangulationBlockers(facts(twoTypes))).toEqual([]);
  });

  it("counts source types, not items: two documents are one type", () => {
    const blockers = triangulationBlockers(facts([item({ sourceType: "DOCUMENT" }), item({ sourceType: "DOCUMENT" })]));
    expect(blockers).toEqual([{ code: "TOO_FEW_SOURCE_TYPES", found: 1, needed: 2 }]);
  });

  it("does not count contradicting evidence as support, nor mixed evidence without the analyst's note", () => {
    const contradicting = facts([
      item({ sourceType: "DOCUMENT" }),
      item({ sourceType: "MEDIA", stance: "CONTRADICTS", hasResponse: true }),
    ]);
    expect(triangulationBlockers(contradicting)).toEqual([{ code: "TOO_FEW_SOURCE_TYPES", found: 1, needed: 2 }]);
    const mixed = facts([
      item({ sourceType: "DOCUMENT" }),
      item({ sourceType: "MEDIA", stance: "MIXED", hasResponse: true }),
    ]);
    expect(triangulationBlockers(mixed)).toEqual([{ code: "TOO_FEW_SOURCE_TYPES", found: 1, needed: 2 }]);
  });

  it("counts mixed evidence once the analyst wrote why it still supports the story", () => {
    const noted = facts([
      item({ sourceType: "DOCUMENT" }),
      item({ sourceType: "MEDIA", stance: "MIXED", hasResponse: true, hasSupportNote: true }),
    ]);
    expect(triangulationBlockers(noted)).toEqual([]);
    // A note never turns contradicting evidence into support.
    const contradicting = facts([
      item({ sourceType: "DOCUMENT" }),
      item({ sourceType: "MEDIA", stance: "CONTRADICTS", hasResponse: true, hasSupportNote: true }),
    ]);
    expect(triangulationBlockers(contradicting)).toEqual([{ code: "TOO_FEW_SOURCE_TYPES", found: 1, needed: 2 }]);
  });

  it("asks for a written response to contradicting and mixed evidence", () => {
    const blockers = triangulationBlockers(
      facts([...twoTypes, item({ stance: "CONTRADICTS" }), item({ stance: "MIXED", sourceType: "SITE_OBSERVATION" })]),
    );
    expect(blockers).toEqual([{ code: "CONTRADICTION_UNANSWERED", count: 2 }]);
  });

  it("has no evidence and no sign-off: every blocker at once", () => {
    expect(triangulationBlockers(facts([], null))).toEqual([
      { code: "TOO_FEW_SOURCE_TYPES", found: 0, needed: 2 },
      { code: "NO_SIGN_OFF" },
    ]);
  });

  it("finds the sign-off stale after an edit of the story", () => {
    expect(triangulationBlockers(facts(twoTypes, { storyVersion: 2, signedAt: LATER }, 3))).toEqual([
      { code: "SIGN_OFF_STALE", signedVersion: 2, currentVersion: 3 },
    ]);
  });

  it("finds the sign-off stale after an evidence item changed", () => {
    const changed = [twoTypes[0]!, item({ sourceType: "QUANTITATIVE_DATASET", updatedAt: LATER })];
    expect(triangulationBlockers(facts(changed))).toEqual([
      { code: "SIGN_OFF_STALE", signedVersion: 3, currentVersion: 3 },
    ]);
  });
});

describe("evidenceBlockers (what a sign-off needs)", () => {
  it("never asks for the sign-off itself", () => {
    expect(evidenceBlockers(facts(twoTypes, null))).toEqual([]);
  });
});

describe("stages open to triangulation", () => {
  it("are selected, in triangulation and returned", () => {
    expect(["SELECTED", "IN_TRIANGULATION", "RETURNED"].every((stage) => isTriangulationStage(stage as never))).toBe(
      true,
    );
    expect(
      ["DRAFT", "SCREENED", "TRIANGULATED", "IN_VALIDATION", "APPROVED"].some((stage) =>
        isTriangulationStage(stage as never),
      ),
    ).toBe(false);
  });
});
