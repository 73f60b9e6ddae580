/**
 * Translations of the whole outcome against PostgreSQL (decision 0038): the story form's
 * translations (contribution, contributions' "how", sustainability, figure labels and units) land
 * beside their texts with who translated them and when, in the revision and the audit event; a
 * changed source makes its translation stale until it is translated again; evidence summaries
 * keep their translator and go stale the same way; the reviewer's English page shows each text
 * translated, or the original with the "not yet translated" marker; the English brief prints the
 * marker, never the Spanish text.
 */
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyStoryValues, type StoryFormValues } from "@/lib/stories/form-values";
import { storyFieldsSchema, type StoryFields } from "@/lib/stories/schema";
import { shownText } from "@/lib/translations/shown";
import { contributionPath, figurePath, staleTranslationPaths } from "@/lib/translations/story-sources";
import { createStoryWorld, type StoryWorld } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { storyFields } from "./story-world";

let database: TestDatabase;
let world: StoryWorld;
let stories: typeof import("@/lib/stories/mutations");
let storyData: typeof import("@/lib/stories/data");
let evidence: typeof import("@/lib/triangulation/mutations");
let reviews: typeof import("@/lib/reviews/loaders");
let downloadBrief: typeof import("@/lib/brief/download").downloadBrief;

const lead = () => world.team.members.lead.id;
const evaluator = () => world.team.members.evaluator!.id;
const analyst = () => world.team.members.analyst!.id;
const project = () => world.team.projects[0]!.id;

function fields(overrides: Partial<StoryFormValues> = {}): StoryFields {
  return storyFields(world, {
    title: "Las trabajadoras votaron en secreto",
    whatChanged: "En 2022 la plantilla votó su contrato colectivo.",
    whySignificant: "«Por primera vez decidimos nosotras.»",
    figures: [
      {
        key: "a",
        id: "",
        label: "trabajadoras",
        labelTranslation: "",
        qualifier: "EXACT",
        value: "240",
        valueMax: "",
        unit: "personas",
        unitTranslation: "",
      },
    ],
    contributionNarrative: "El proyecto capacitó a la plantilla.",
    contributions: [
      { projectId: project(), howContributed: "Capacitación sobre el voto.", howContributedTranslation: "" },
    ],
    sustainabilityAssessment: "Probable.",
    ...overrides,
  });
}

const translated = (): Partial<StoryFormValues> => ({
  titleTranslation: "Women workers voted in secret",
  translationLanguage: "en",
  translatedById: lead(),
});

function translatedFields(): StoryFields {
  return fields({
    titleTranslation: "Women workers voted in secret",
    translationLanguage: "en",
    translatedById: lead(),
    contributionNarrativeTranslation: "The project trained the workforce.",
    sustainabilityAssessmentTranslation: "Likely.",
    figures: [
      {
        key: "a",
        id: "",
        label: "trabajadoras",
        labelTranslation: "women workers",
        qualifier: "EXACT",
        value: "240",
        valueMax: "",
        unit: "personas",
        unitTranslation: "people",
      },
    ],
    contributions: [
      {
        projectId: project(),
        howContributed: "Capacitación sobre el voto.",
        howContributedTranslation: "Training on the vote.",
      },
    ],
  });
}

async function create(story: StoryFields) {
  const result = await stories.createStory({ actorId: evaluator(), evaluationId: world.evaluationId, story });
  if (!result.ok) throw new Error(`not created: ${JSON.stringify(result)}`);
  return result;
}

async function moveTo(storyId: string, stage: "IN_TRIANGULATION" | "IN_REVIEW" | "APPROVED") {
  await database.prisma.changeStory.update({ where: { id: storyId }, data: { stage } });
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [stories, storyData, evidence, reviews, { downloadBrief }] = await Promise.all([
    import("@/lib/stories/mutations"),
    import("@/lib/stories/data"),
    import("@/lib/triangulation/mutations"),
    import("@/lib/reviews/loaders"),
    import("@/lib/brief/download"),
  ]);
  world = await createStoryWorld(database.prisma);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe("the story form's translations", () => {
  it("are stored beside their texts with the translator and the time, in the revision and the audit event", async () => {
    const before = new Date();
    const saved = await create(translatedFields());
    const row = await database.prisma.changeStory.findUniqueOrThrow({
      where: { id: saved.storyId },
      include: { contributions: true, figures: true },
    });
    expect(row).toMatchObject({
      contributionNarrativeTranslation: "The project trained the workforce.",
      sustainabilityAssessmentTranslation: "Likely.",
      translatedById: lead(),
    });
    expect(row.contributions[0]).toMatchObject({ howContributedTranslation: "Training on the vote." });
    expect(row.figures[0]).toMatchObject({ labelTranslation: "women workers", unitTranslation: "people" });
    const sources = row.translationSources as Record<string, { from: string; by: string; at: string }>;
    const figureId = row.figures[0]!.id;
    expect(Object.keys(sources).sort()).toEqual(
      [
        "contributionNarrative",
        contributionPath(project()),
        figurePath(figureId, "label"),
        figurePath(figureId, "unit"),
        "sustainabilityAssessment",
        "title",
      ].sort(),
    );
    for (const entry of Object.values(sources)) {
      expect(entry.by).toBe(lead());
      expect(new Date(entry.at).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    }
    const revision = await database.prisma.storyRevision.findFirstOrThrow({
      where: { storyId: saved.storyId, version: 1 },
    });
    expect(revision.snapshot).toMatchObject({
      contributionNarrativeTranslation: "The project trained the workforce.",
      contributions: [{ howContributedTranslation: "Training on the vote." }],
      translationSources: sources,
    });
    const audit = await database.prisma.auditEvent.findFirstOrThrow({
      where: { evaluationId: world.evaluationId, action: "story.create", recordId: saved.storyId },
    });
    expect(audit.after).toMatchObject({
      sustainabilityAssessmentTranslation: "Likely.",
      figures: [{ unitTranslation: "people" }],
    });
  });

  it("are refused without a translator, next to the translator field", () => {
    const parsed = storyFieldsSchema.safeParse({
      ...emptyStoryValues("es"),
      title: "t",
      whatChanged: "w",
      whySignificant: "y",
      changeType: "POSITIVE",
      translationLanguage: "en",
      sustainabilityRisksTranslation: "Reprisals.",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.find((issue) => issue.path.join(".") === "translatedById")?.message).toBe(
      "translatorRequired",
    );
  });

  it("go stale when their source changes, audited, and current again once translated anew", async () => {
    const saved = await create(translatedFields());
    const stored = (await storyData.loadStorySnapshot(database.prisma, world.evaluationId, saved.storyId))!;
    expect(staleTranslationPaths(stored).size).toBe(0);

    // The author rewrites how the project contributed and the sustainability; the translations stay as they were.
    const edited = translatedFields();
    edited.contributions[0]!.howContributed = "Capacitación sobre el voto y acompañamiento legal.";
    edited.sustainabilityAssessment = "Probable si el sindicato sigue.";
    const second = await stories.updateStory({
      actorId: evaluator(),
      evaluationId: world.evaluationId,
      storyId: saved.storyId,
      expectedVersion: 1,
      story: edited,
    });
    expect(second).toMatchObject({ ok: true, version: 2 });
    const afterEdit = (await storyData.loadStorySnapshot(database.prisma, world.evaluationId, saved.storyId))!;
    expect([...staleTranslationPaths(afterEdit)].sort()).toEqual(
      [contributionPath(project()), "sustainabilityAssessment"].sort(),
    );
    const audit = await database.prisma.auditEvent.findFirstOrThrow({
      where: { evaluationId: world.evaluationId, action: "story.update", recordId: saved.storyId },
    });
    expect(audit.before).toMatchObject({ sustainabilityAssessment: "Probable.", version: 1 });
    expect(audit.after).toMatchObject({ sustainabilityAssessment: "Probable si el sindicato sigue.", version: 2 });

    // Another member translates the new text: current again, with the new translator and time.
    const retranslated = {
      ...edited,
      translatedById: world.team.members.analyst!.id,
      sustainabilityAssessmentTranslation: "Likely if the union carries on.",
    };
    const third = await stories.updateStory({
      actorId: evaluator(),
      evaluationId: world.evaluationId,
      storyId: saved.storyId,
      expectedVersion: 2,
      story: retranslated,
    });
    expect(third).toMatchObject({ ok: true, version: 3 });
    const afterFix = (await storyData.loadStorySnapshot(database.prisma, world.evaluationId, saved.storyId))!;
    expect([...staleTranslationPaths(afterFix)]).toEqual([contributionPath(project())]);
    expect(afterFix.translationSources.sustainabilityAssessment!.by).toBe(world.team.members.analyst!.id);
    const fixAudit = await database.prisma.auditEvent.findMany({
      where: { evaluationId: world.evaluationId, action: "story.update", recordId: saved.storyId },
      orderBy: { sequence: "asc" },
    });
    expect(fixAudit[1]!.after).toMatchObject({
      sustainabilityAssessmentTranslation: "Likely if the union carries on.",
      version: 3,
    });
  });

  it("are kept by the analysts' contribution form, which has no translation fields", async () => {
    const saved = await create(translatedFields());
    await moveTo(saved.storyId, "IN_TRIANGULATION");
    const verification = await import("@/lib/triangulation/verification-mutations");
    const result = await verification.updateStoryVerification({
      actorId: analyst(),
      evaluationId: world.evaluationId,
      storyId: saved.storyId,
      expectedVersion: 1,
      fields: {
        contributionNarrative: "El proyecto capacitó a la plantilla.",
        contributions: [{ projectId: project(), howContributed: "Capacitación sobre el voto." }],
        contributionRating: null,
        contributionRatingReason: null,
        sustainabilityAssessment: "Probable.",
        sustainabilityConditions: null,
        sustainabilityRisks: null,
      },
    });
    expect(result).toMatchObject({ ok: true, version: 2 });
    const row = await database.prisma.storyContribution.findFirstOrThrow({ where: { storyId: saved.storyId } });
    expect(row.howContributedTranslation).toBe("Training on the vote.");
  });
});

describe("evidence summaries", () => {
  it("record whoever saved the translation, and go stale when the summary changes", async () => {
    const saved = await create(fields());
    await moveTo(saved.storyId, "IN_TRIANGULATION");
    const item = {
      sourceType: "DOCUMENT" as const,
      citation: "Acta de votación, 2022",
      whatItShows: "La votación fue secreta.",
      whatItShowsTranslation: "The vote was secret.",
      stance: "SUPPORTS" as const,
      strength: "STRONG" as const,
      figureId: null,
      response: null,
      supportNote: null,
    };
    const created = await evidence.createEvidence({
      actorId: analyst(),
      evaluationId: world.evaluationId,
      storyId: saved.storyId,
      evidence: item,
      file: null,
    });
    if (!created.ok) throw new Error("evidence not created");
    const row = await database.prisma.evidenceItem.findUniqueOrThrow({ where: { id: created.evidenceId } });
    expect(row).toMatchObject({ whatItShowsTranslation: "The vote was secret.", translatedById: analyst() });
    expect(row.translatedAt).not.toBeNull();

    // The lead corrects the summary only: the translation is kept, its translator too, and the change is audited.
    const updated = await evidence.updateEvidence({
      actorId: lead(),
      evaluationId: world.evaluationId,
      evidenceId: created.evidenceId,
      expectedVersion: 1,
      evidence: {
        ...item,
        whatItShows: "La votación fue secreta y con observadores.",
        whatItShowsTranslation: undefined,
      },
      file: null,
      removeFile: false,
    });
    expect(updated).toMatchObject({ ok: true, version: 2 });
    const after = await database.prisma.evidenceItem.findUniqueOrThrow({ where: { id: created.evidenceId } });
    expect(after).toMatchObject({
      whatItShowsTranslation: "The vote was secret.",
      translatedById: analyst(),
      translatedFrom: row.translatedFrom,
    });
    const audit = await database.prisma.auditEvent.findFirstOrThrow({
      where: { evaluationId: world.evaluationId, action: "evidence.update", recordId: created.evidenceId },
    });
    expect(audit.after).toEqual({ whatItShows: "La votación fue secreta y con observadores.", version: 2 });

    await moveTo(saved.storyId, "IN_REVIEW");
    const view = await reviews.loadReviewStory(world.evaluationId, saved.storyId, { id: lead(), isAdmin: false });
    expect(view!.evidence[0]!.summary).toEqual({
      source: "La votación fue secreta y con observadores.",
      translation: "The vote was secret.",
      stale: true,
    });
    expect(
      shownText({
        lang: "en",
        sourceLanguage: view!.reportLanguages.source,
        translationLanguage: view!.reportLanguages.translation,
        ...view!.evidence[0]!.summary,
      }),
    ).toEqual({ state: "stale", original: "La votación fue secreta y con observadores." });
  });
});

describe("the reviewer's page in English", () => {
  const english = (
    text: { source: string; translation: string | null; stale: boolean } | null,
    languages: { source: string; translation: string | null },
  ) =>
    text &&
    shownText({ lang: "en", sourceLanguage: languages.source, translationLanguage: languages.translation, ...text });

  it("shows each text's translation where there is one", async () => {
    const saved = await create(translatedFields());
    await moveTo(saved.storyId, "IN_REVIEW");
    const view = (await reviews.loadReviewStory(world.evaluationId, saved.storyId, { id: lead(), isAdmin: false }))!;
    const { texts, languages, contributionTexts, outcome } = view.story;
    expect(english(texts.contributionNarrative, languages)).toEqual({
      state: "translated",
      text: "The project trained the workforce.",
    });
    expect(english(texts.sustainabilityAssessment, languages)).toEqual({ state: "translated", text: "Likely." });
    expect(english(contributionTexts[0]!.how, languages)).toEqual({
      state: "translated",
      text: "Training on the vote.",
    });
    expect(outcome.figures[0]).toMatchObject({ labelTranslation: "women workers", unitTranslation: "people" });
  });

  it("shows the original with the marker where a text has no translation", async () => {
    const saved = await create(fields(translated()));
    await moveTo(saved.storyId, "IN_REVIEW");
    const view = (await reviews.loadReviewStory(world.evaluationId, saved.storyId, { id: lead(), isAdmin: false }))!;
    const { texts, languages, contributionTexts } = view.story;
    expect(english(texts.contributionNarrative, languages)).toEqual({
      state: "untranslated",
      original: "El proyecto capacitó a la plantilla.",
    });
    expect(english(contributionTexts[0]!.how, languages)).toEqual({
      state: "untranslated",
      original: "Capacitación sobre el voto.",
    });
    // In Spanish the same texts are the originals.
    expect(
      shownText({
        lang: "es",
        sourceLanguage: languages.source,
        translationLanguage: languages.translation,
        ...texts.sustainabilityAssessment!,
      }),
    ).toEqual({ state: "original", text: "Probable." });
  });
});

describe("the English brief", () => {
  it("prints the marker where a label is untranslated or its translation is stale, never the Spanish text", async () => {
    const saved = await create(translatedFields());
    // The label changes after it was translated: its translation no longer counts.
    const edited = translatedFields();
    edited.figures[0]!.id = (
      await database.prisma.storyFigure.findFirstOrThrow({ where: { storyId: saved.storyId } })
    ).id;
    edited.figures[0]!.label = "trabajadoras sindicalizadas";
    const result = await stories.updateStory({
      actorId: evaluator(),
      evaluationId: world.evaluationId,
      storyId: saved.storyId,
      expectedVersion: 1,
      story: edited,
    });
    expect(result).toMatchObject({ ok: true });
    await moveTo(saved.storyId, "APPROVED");

    const file = await downloadBrief(
      world.evaluationId,
      { id: lead(), isAdmin: false },
      { format: "docx", lang: "en", include: "approved" },
    );
    const { value: text } = await mammoth.extractRawText({ buffer: file!.body });
    expect(text).toContain("Women workers voted in secret ([untranslated]: 240 people).");
    expect(text).not.toContain("trabajadoras sindicalizadas");
  });
});
