import { describe, expect, it } from "vitest";
import { buildStorySnapshot, type SnapshotSource } from "@/lib/stories/snapshot";
import { sourceDigest } from "@/lib/translations/digest";
import { evaluationLanguages, shownText } from "@/lib/translations/shown";
import { nextTranslationSources, staleTranslationPaths } from "@/lib/translations/story-sources";
import { snapshotSource } from "@/tests/factories/story-snapshot";

/** A story translated into English, with a figure and a contribution. */
const story = (changes: Partial<SnapshotSource> = {}): SnapshotSource =>
  snapshotSource({
    title: "Subieron los salarios",
    titleTranslation: "Wages rose",
    whatChanged: "w",
    whySignificant: "y",
    translationLanguage: "en",
    translatedBy: { id: "u1", name: "Una" },
    periodFrom: null,
    sustainabilityAssessment: "Probable.",
    sustainabilityAssessmentTranslation: "Likely.",
    figures: [
      {
        id: "f1",
        position: 1,
        label: "personas",
        labelTranslation: "people",
        qualifier: "EXACT",
        value: "3",
        valueMax: null,
        unit: "%",
      },
    ],
    contributions: [
      { projectId: "p1", acronym: "P", name: "Proyecto", howContributed: "Capacitó.", howContributedTranslation: null },
    ],
    storytellers: [],
    ...changes,
  });

describe("which text a reader sees", () => {
  const base = { sourceLanguage: "es", translationLanguage: "en", source: "Probable.", translation: "Likely." };
  it("is the original in its own language, the translation in the other, the marker otherwise", () => {
    expect(shownText({ ...base, lang: "es" })).toEqual({ state: "original", text: "Probable." });
    expect(shownText({ ...base, lang: "en" })).toEqual({ state: "translated", text: "Likely." });
    expect(shownText({ ...base, lang: "en", translation: "  " })).toEqual({
      state: "untranslated",
      original: "Probable.",
    });
    expect(shownText({ ...base, lang: "en", translationLanguage: "nah" })).toEqual({
      state: "untranslated",
      original: "Probable.",
    });
    expect(shownText({ ...base, lang: "en", stale: true })).toEqual({ state: "stale", original: "Probable." });
    expect(shownText({ ...base, lang: "en", sourceLanguage: "en-US" })).toEqual({
      state: "original",
      text: "Probable.",
    });
  });

  it("takes evidence and reasons to be in the evaluation's first language", () => {
    expect(evaluationLanguages(["ES", "EN"])).toEqual({ source: "es", translation: "en" });
    expect(evaluationLanguages(["EN"])).toEqual({ source: "en", translation: "es" });
  });
});

describe("where each translation came from", () => {
  const now = new Date("2026-01-02T03:04:05.000Z");
  const later = new Date("2026-02-01T00:00:00.000Z");

  it("records a new translation against its source, by the story's translator, now", () => {
    const sources = nextTranslationSources(null, buildStorySnapshot(story()), now);
    expect(sources).toEqual({
      "figures.f1.label": { from: sourceDigest("personas"), by: "u1", at: now.toISOString() },
      sustainabilityAssessment: { from: sourceDigest("Probable."), by: "u1", at: now.toISOString() },
      title: { from: sourceDigest("Subieron los salarios"), by: "u1", at: now.toISOString() },
    });
  });

  it("keeps the entry of a translation left alone, so a changed source shows it stale", () => {
    const first = buildStorySnapshot(story());
    const stored = { ...first, translationSources: nextTranslationSources(null, first, now) };
    const edited = buildStorySnapshot(
      story({ sustainabilityAssessment: "Probable si sigue.", translationSources: stored.translationSources }),
    );
    const sources = nextTranslationSources(stored, edited, later);
    expect(sources.sustainabilityAssessment).toEqual(stored.translationSources.sustainabilityAssessment);
    expect([...staleTranslationPaths({ ...edited, translationSources: sources })]).toEqual([
      "sustainabilityAssessment",
    ]);
  });

  it("makes a retranslated text current again, and drops a removed translation", () => {
    const first = buildStorySnapshot(story());
    const stored = { ...first, translationSources: nextTranslationSources(null, first, now) };
    const edited = buildStorySnapshot(
      story({
        sustainabilityAssessment: "Probable si sigue.",
        sustainabilityAssessmentTranslation: "Likely if it lasts.",
        titleTranslation: null,
      }),
    );
    const sources = nextTranslationSources(stored, edited, later);
    expect(sources.sustainabilityAssessment).toEqual({
      from: sourceDigest("Probable si sigue."),
      by: "u1",
      at: later.toISOString(),
    });
    expect(sources.title).toBeUndefined();
    expect(staleTranslationPaths({ ...edited, translationSources: sources }).size).toBe(0);
  });

  it("takes a translation made before fingerprints as made from the text as it stood", () => {
    const legacy = buildStorySnapshot(story());
    const edited = buildStorySnapshot(story({ title: "Subieron mucho los salarios" }));
    const sources = nextTranslationSources(legacy, edited, later);
    expect(sources.title).toEqual({ from: sourceDigest("Subieron los salarios"), by: "u1", at: null });
    expect(staleTranslationPaths({ ...edited, translationSources: sources }).has("title")).toBe(true);
    // With nothing recorded, nothing is called stale.
    expect(staleTranslationPaths(edited).size).toBe(0);
  });
});
