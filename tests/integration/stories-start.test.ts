/**
 * "Write a story from this passage" against PostgreSQL: the new-story loader, given an excerpt,
 * fills in the excerpt and its interview or focus group as sources and the interview's respondent
 * as storyteller; a focus group names nobody but offers its participants (never one who asked to
 * be excluded). Callers who may not write stories get nothing, and an excerpt of another
 * evaluation, or an id that is no id, leaves the form empty.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildExcerpt, buildRespondent, createStoryWorld, type StoryWorld } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { readerOf } from "@/tests/support/reader";

let database: TestDatabase;
let world: StoryWorld;
let other: StoryWorld;
let loaders: typeof import("@/lib/stories/loaders");
let groupExcerptId: string;
let excluded: { id: string; code: string };

type Member = "lead" | "evaluator" | "panelist" | "analyst" | "reviewer";
const member = (role: Member, w: StoryWorld = world) => readerOf(w.team.members[role]!);

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  loaders = await import("@/lib/stories/loaders");
  [world, other] = [await createStoryWorld(database.prisma), await createStoryWorld(database.prisma)];
  const { evaluationId, respondents } = world;
  await database.prisma.interviewRespondent.create({
    data: { evaluationId, interviewId: world.interview.id, respondentId: respondents.consenting.id },
  });
  const gone = buildRespondent({ evaluationId, codeNumber: 90, excludedAt: new Date("2024-10-01T00:00:00Z") });
  await database.prisma.respondent.create({ data: gone });
  excluded = { id: gone.id, code: gone.code };
  await database.prisma.focusGroupParticipant.createMany({
    data: [respondents.consenting.id, respondents.alsoConsenting.id, gone.id].map((respondentId) => ({
      evaluationId,
      focusGroupId: world.focusGroup.id,
      respondentId,
    })),
  });
  const transcript = "Facilitadora: ¿Qué cambió? Participante: Ya no nos despiden por afiliarnos.";
  await database.prisma.focusGroup.update({
    where: { id: world.focusGroup.id },
    data: { transcriptOriginal: transcript },
  });
  const excerpt = buildExcerpt({
    evaluationId,
    createdById: world.team.members.evaluator!.id,
    focusGroupId: world.focusGroup.id,
    transcript,
    quote: "Ya no nos despiden por afiliarnos.",
  });
  await database.prisma.transcriptExcerpt.create({ data: excerpt });
  groupExcerptId = excerpt.id;
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe("a story started from an excerpt", () => {
  it("starts with the excerpt and its interview as sources and the interview's respondent as storyteller", async () => {
    for (const role of ["evaluator", "lead"] as const) {
      const view = await loaders.loadNewStory(world.evaluationId, member(role), world.excerpt.id);
      expect(view?.start).toEqual({
        excerptId: world.excerpt.id,
        quotedText: "Votamos en secreto por primera vez.",
        parent: "INTERVIEW",
        values: {
          sources: [
            { kind: "INTERVIEW", id: world.interview.id },
            { kind: "EXCERPT", id: world.excerpt.id },
          ],
          storytellerIds: [world.respondents.consenting.id],
        },
        offered: [],
      });
    }
  });

  it("from a focus group names no storyteller and offers its participants, not one who was excluded", async () => {
    const view = await loaders.loadNewStory(world.evaluationId, member("evaluator"), groupExcerptId);
    expect(view?.start?.values).toEqual({
      sources: [
        { kind: "FOCUS_GROUP", id: world.focusGroup.id },
        { kind: "EXCERPT", id: groupExcerptId },
      ],
      storytellerIds: [],
    });
    expect(view?.start?.offered.map((person) => person.code)).toEqual(
      [world.respondents.consenting.code, world.respondents.alsoConsenting.code].sort(),
    );
    expect(view?.start?.offered.map((person) => person.code)).not.toContain(excluded.code);
  });

  it("gives nothing to those who may not write stories, and nothing filled from another evaluation's excerpt", async () => {
    for (const caller of [
      member("panelist"),
      member("analyst"),
      member("reviewer"),
      member("lead", other),
      readerOf(world.team.outsider),
      null,
    ])
      expect(await loaders.loadNewStory(world.evaluationId, caller, world.excerpt.id)).toBeNull();
    for (const excerptId of [other.excerpt.id, "'; drop table transcript_excerpt; --", "x".repeat(2000)]) {
      const view = await loaders.loadNewStory(world.evaluationId, member("evaluator"), excerptId);
      expect(view?.options).toBeDefined();
      expect(view?.start).toBeNull();
    }
    // The other evaluation's own writer does get their excerpt.
    expect(
      (await loaders.loadNewStory(other.evaluationId, member("evaluator", other), other.excerpt.id))?.start,
    ).toMatchObject({ excerptId: other.excerpt.id, parent: "INTERVIEW" });
  });
});
