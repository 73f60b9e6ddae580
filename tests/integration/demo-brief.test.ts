/**
 * The demo's approved outcomes (prisma/seed/approved-data.ts) on a real database: each retells one
 * of the fixture's sample outcomes of domains 1 and 2, has every record of the path the app would
 * have left (selection, evidence and sign-off, confirmations by respondents who are not its
 * storytellers, the reviewer's approval of the revision they confirmed), and the demo's brief
 * prints them all, in Spanish and in English, with nothing marked untranslated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVED_STORIES } from "@/prisma/seed/approved-data";
import { fixture } from "@/prisma/seed/fixture";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let evaluationId: string;
let leadId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  const { seedDemo } = await import("@/prisma/seed/demo");
  await seedDemo(database.prisma, { withDemoPasswords: false });
  evaluationId = (await database.prisma.evaluation.findFirstOrThrow({ select: { id: true } })).id;
  leadId = (await database.prisma.user.findUniqueOrThrow({ where: { email: "lead@demo.example" } })).id;
});

afterAll(async () => {
  await database?.close();
});

const code = (n: number) => `CS-${String(n).padStart(4, "0")}`;

describe("the demo's approved outcomes", () => {
  it("retell every sample outcome of the fixture, in its domain", async () => {
    const approved = await database.prisma.changeStory.findMany({
      where: { evaluationId, stage: "APPROVED" },
      select: {
        codeNumber: true,
        titleTranslation: true,
        domainAssignments: {
          where: { kind: "PRIMARY", endedAt: null },
          select: { domain: { select: { position: true } } },
        },
      },
      orderBy: { codeNumber: "asc" },
    });
    expect(approved.map((story) => story.titleTranslation)).toEqual(fixture.sample_outcomes.map((o) => o.title));
    expect(approved.map((story) => story.domainAssignments.map((row) => row.domain.position))).toEqual(
      fixture.sample_outcomes.map((outcome) => [outcome.domain]),
    );
    expect(new Set(fixture.sample_outcomes.map((outcome) => outcome.domain))).toEqual(new Set([1, 2]));
  });

  it("hold every record of the path on the revision that was validated and approved", async () => {
    const stories = await database.prisma.changeStory.findMany({
      where: { evaluationId, stage: "APPROVED" },
      include: {
        selections: { include: { decision: { include: { round: true } } } },
        evidenceItems: true,
        triangulationSignOffs: true,
        validationRoundStories: { include: { validationRound: true } },
        validationResponses: true,
        reviews: true,
        storytellers: true,
      },
    });
    expect(stories).toHaveLength(APPROVED_STORIES.length);
    for (const story of stories) {
      expect(story.selections, story.code).toHaveLength(1);
      expect(story.selections[0]!.decision.round.status, story.code).toBe("DECIDED");
      expect(story.selections[0]!.reasonTranslation, story.code).toBeTruthy();
      expect(story.evidenceItems.filter((item) => item.stance === "SUPPORTS").length, story.code).toBeGreaterThan(0);
      expect(
        story.triangulationSignOffs.map((row) => row.storyVersion),
        story.code,
      ).toEqual([story.version]);
      expect(story.contributionRating, story.code).not.toBeNull();
      expect(
        story.validationRoundStories.map((row) => row.validationRound.status),
        story.code,
      ).toEqual(["CLOSED"]);
      const validated = story.validationRoundStories[0]!.storyRevisionId;
      expect(story.validationResponses.length, story.code).toBeGreaterThanOrEqual(2);
      const tellers = new Set(story.storytellers.map((row) => row.respondentId));
      for (const response of story.validationResponses) {
        expect(response.verdict, story.code).toBe("CONFIRMS");
        expect(response.storyRevisionId, story.code).toBe(validated);
        expect(tellers.has(response.respondentId), story.code).toBe(false);
      }
      expect(
        story.reviews.map((review) => [review.decision, review.storyRevisionId]),
        story.code,
      ).toEqual([["APPROVE", validated]]);
    }
  });

  it("have every text translated, each translation recorded as the lead's and current", async () => {
    const { parseStorySnapshot } = await import("@/lib/stories/snapshot");
    const { staleTranslationPaths, translatableTexts } = await import("@/lib/translations/story-sources");
    const revisions = await database.prisma.storyRevision.findMany({
      where: { evaluationId, story: { stage: "APPROVED" } },
      select: { snapshot: true },
    });
    expect(revisions).toHaveLength(APPROVED_STORIES.length);
    for (const revision of revisions) {
      const snapshot = parseStorySnapshot(revision.snapshot)!;
      const texts = translatableTexts(snapshot);
      // Title, what changed, why significant, contribution, sustainability, contributions, figures.
      expect(texts.length, snapshot.code).toBeGreaterThanOrEqual(6);
      for (const text of texts) {
        expect(text.translation?.trim(), `${snapshot.code} ${text.path}`).toBeTruthy();
        expect(snapshot.translationSources[text.path]?.by, `${snapshot.code} ${text.path}`).toBe(leadId);
      }
      expect([...staleTranslationPaths(snapshot)], snapshot.code).toEqual([]);
    }
  });

  it("fill the demo's brief, domain by domain, in both languages and with nothing untranslated", async () => {
    const { loadBrief } = await import("@/lib/brief/loaders");
    const lead = { id: leadId, isAdmin: false };
    const expected = [1, 2].map((domain) =>
      APPROVED_STORIES.filter((spec) => fixture.sample_outcomes[spec.sampleOutcome]!.domain === domain)
        .map((spec) => code(spec.codeNumber))
        .sort(),
    );
    expect(expected.map((codes) => codes.length)).toEqual([6, 3]);
    for (const lang of ["es", "en"] as const) {
      const brief = await loadBrief(evaluationId, lead, { include: "approved", lang });
      expect(brief, lang).not.toBeNull();
      expect(brief!.draft).toBe(false);
      expect(
        brief!.domains.slice(0, 2).map((domain) => domain.outcomes.map((o) => o.code).sort()),
        lang,
      ).toEqual(expected);
      expect(
        brief!.domains.slice(2).flatMap((domain) => domain.outcomes),
        lang,
      ).toEqual([]);
      const outcomes = brief!.domains.flatMap((domain) => domain.outcomes);
      expect(
        outcomes.filter((outcome) => outcome.sentence.untranslated).map((o) => o.code),
        lang,
      ).toEqual([]);
      // Every approved outcome has supporting evidence, so each one cites its sources note.
      expect(
        outcomes.every((outcome) => outcome.note !== null),
        lang,
      ).toBe(true);
    }
    const english = await loadBrief(evaluationId, lead, { include: "approved", lang: "en" });
    const sentence = (n: number) =>
      english!.domains.flatMap((domain) => domain.outcomes).find((outcome) => outcome.code === code(n))!.sentence.text;
    expect(sentence(9)).toContain(fixture.sample_outcomes[0]!.title);
    expect(sentence(9)).toContain("2022-2023 (communities: 24)");
    expect(sentence(14)).toContain("(eligible workers represented: over 10,000; months to outcome: from 1 to 9)");
    expect(sentence(16)).toMatch(/, since 2023\.$/);
    const spanish = await loadBrief(evaluationId, lead, { include: "approved", lang: "es" });
    const frase = spanish!.domains.flatMap((domain) => domain.outcomes).find((o) => o.code === code(14))!.sentence.text;
    expect(frase).toContain("personas trabajadoras elegibles representadas");
  });
});
