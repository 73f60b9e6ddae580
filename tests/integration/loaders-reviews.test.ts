/**
 * The review loaders on a real database, called as each kind of caller: only reviewers and leads
 * (review.view) read the queue and the stories in it, de-identified; the decision goes only to
 * reviewers, and only while the story waits in review. Around a story, its current domains and the
 * team's written resolutions of disputes; beside the queue, the outcomes already decided.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointAppAt } from "@/tests/support/app-env";
import { buildDomainAssignment } from "@/tests/factories";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { readerOf } from "@/tests/support/reader";
import { createStoryAt, createVerificationWorld, IDENTITY_NAMES, type VerificationWorld } from "./validation-world";

let database: TestDatabase;
let world: VerificationWorld;
let other: VerificationWorld;
let loaders: typeof import("@/lib/reviews/loaders");
let rounds: typeof import("@/lib/validation/mutations");
let sample: typeof import("@/lib/validation/sample-mutations");
let responses: typeof import("@/lib/validation/response-mutations");
let disputes: typeof import("@/lib/validation/dispute-mutations");
let waiting: { id: string; code: string };
let approved: { id: string; code: string; revisionId: string };

type Member = "lead" | "evaluator" | "panelist" | "analyst" | "reviewer";
const member = (role: Member, w: VerificationWorld = world) => readerOf(w.team.members[role]!);
/** Everyone who must get null: members without review.view, outsiders, administrators, another evaluation's reviewer, nobody. */
const refused = () => [
  member("evaluator"),
  member("panelist"),
  member("analyst"),
  readerOf(world.team.outsider),
  readerOf(world.team.outsider, true),
  member("reviewer", other),
  null,
];

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  loaders = await import("@/lib/reviews/loaders");
  rounds = await import("@/lib/validation/mutations");
  sample = await import("@/lib/validation/sample-mutations");
  responses = await import("@/lib/validation/response-mutations");
  disputes = await import("@/lib/validation/dispute-mutations");
  world = await createVerificationWorld(database.prisma);
  other = await createVerificationWorld(database.prisma);
  waiting = await createStoryAt(database.prisma, world, "IN_REVIEW", [world.pool[0]!.id]);
  approved = await createStoryAt(database.prisma, world, "APPROVED", [world.pool[1]!.id]);
});

afterAll(async () => {
  await database?.close();
});

describe("the review queue", () => {
  it("gives reviewers and leads the stories waiting in review, and nothing that identifies a storyteller", async () => {
    for (const role of ["reviewer", "lead"] as const) {
      const queue = await loaders.loadReviewQueue(world.evaluationId, member(role), 1);
      expect(
        queue?.rows.map((row) => row.code),
        role,
      ).toEqual([waiting.code]);
      const json = JSON.stringify(queue);
      for (const secret of [...IDENTITY_NAMES, world.pool[0]!.id]) expect(json).not.toContain(secret);
    }
  });

  it("is null for everyone else", async () => {
    for (const caller of refused()) expect(await loaders.loadReviewQueue(world.evaluationId, caller, 1)).toBeNull();
  });
});

describe("a story under review", () => {
  it("lets the reviewer decide while the story waits in review", async () => {
    const view = await loaders.loadReviewStory(world.evaluationId, waiting.id, member("reviewer"));
    expect(view).toMatchObject({
      id: waiting.id,
      inReview: true,
      canDecide: true,
      story: { code: waiting.code, storytellers: [world.pool[0]!.code] },
    });
    expect(JSON.stringify(view)).not.toContain(world.pool[0]!.id);
  });

  it("shows leads the story without the decision", async () => {
    expect(await loaders.loadReviewStory(world.evaluationId, waiting.id, member("lead"))).toMatchObject({
      inReview: true,
      canDecide: false,
    });
  });

  it("offers no decision once the story has left review", async () => {
    expect(await loaders.loadReviewStory(world.evaluationId, approved.id, member("reviewer"))).toMatchObject({
      id: approved.id,
      inReview: false,
      canDecide: false,
    });
  });

  it("is null for everyone else, for a story never sent to review, and through another evaluation", async () => {
    for (const caller of refused())
      expect(await loaders.loadReviewStory(world.evaluationId, waiting.id, caller)).toBeNull();
    const draft = await createStoryAt(database.prisma, world, "DRAFT");
    expect(await loaders.loadReviewStory(world.evaluationId, draft.id, member("reviewer"))).toBeNull();
    expect(await loaders.loadReviewStory(other.evaluationId, waiting.id, member("reviewer", other))).toBeNull();
  });
});

describe("the whole outcome around a reviewed story", () => {
  it("names the story's current domains, and the team's written resolution of each dispute but not the respondent's words", async () => {
    const [primary, secondary, ended] = world.team.domains;
    const assignedById = world.team.members.lead.id;
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED", [world.pool[2]!.id]);
    await database.prisma.domainAssignment.createMany({
      data: [
        buildDomainAssignment({
          evaluationId: world.evaluationId,
          storyId: story.id,
          domainId: secondary!.id,
          assignedById,
          kind: "SECONDARY",
        }),
        buildDomainAssignment({
          evaluationId: world.evaluationId,
          storyId: story.id,
          domainId: primary!.id,
          assignedById,
        }),
        buildDomainAssignment({
          evaluationId: world.evaluationId,
          storyId: story.id,
          domainId: ended!.id,
          assignedById,
          kind: "SECONDARY",
          endedAt: new Date(),
          endedById: assignedById,
        }),
      ],
    });
    const lead = { actorId: assignedById };
    const created = await rounds.createRound(lead, {
      evaluationId: world.evaluationId,
      round: {
        name: "Ronda de revisión",
        startsOn: "2025-04-01",
        endsOn: "2025-04-30",
        method: "PHONE",
        targetSize: 2,
        notes: null,
        storyIds: [story.id],
      },
    });
    if (!created.ok) throw new Error(created.reason);
    for (const index of [3, 4]) {
      const added = await sample.addSampleMember(lead, {
        evaluationId: world.evaluationId,
        roundId: created.roundId,
        respondentCode: world.pool[index]!.code,
      });
      if (!added.ok) throw new Error(added.reason);
    }
    const { version } = await database.prisma.validationRound.findUniqueOrThrow({ where: { id: created.roundId } });
    expect(
      await rounds.stepRound(lead, {
        evaluationId: world.evaluationId,
        roundId: created.roundId,
        step: "open",
        expectedVersion: version,
      }),
    ).toMatchObject({ ok: true });
    const disputed: string[] = [];
    for (const index of [3, 4]) {
      const recorded = await responses.recordResponse(
        { actorId: world.team.members.evaluator!.id },
        {
          evaluationId: world.evaluationId,
          roundId: created.roundId,
          respondentId: world.pool[index]!.id,
          storyId: story.id,
          storyRevisionId: story.revisionId,
          verdict: "DISPUTES",
          comments: `Palabras privadas de la persona ${index}`,
          proposedChanges: null,
        },
      );
      if (!recorded.ok) throw new Error(recorded.reason);
      disputed.push(recorded.responseId);
    }
    expect(
      await disputes.resolveDispute(lead, {
        outcome: "CORRECT",
        evaluationId: world.evaluationId,
        responseId: disputed[0]!,
        resolution: "La cifra se corrigió con el registro del tribunal.",
      }),
    ).toMatchObject({ ok: true, stage: "RETURNED", openLeft: 1 });
    await database.prisma.changeStory.update({ where: { id: story.id }, data: { stage: "IN_REVIEW" } });

    const view = await loaders.loadReviewStory(world.evaluationId, story.id, member("reviewer"));
    expect(view?.domains.map((domain) => [domain.kind, domain.nameEs])).toEqual([
      ["PRIMARY", primary!.nameEs],
      ["SECONDARY", secondary!.nameEs],
    ]);
    expect(view?.disputeResolutions.map((row) => row.resolution)).toEqual([
      "La cifra se corrigió con el registro del tribunal.",
    ]);
    expect(JSON.stringify(view)).not.toContain("Palabras privadas");
  });
});

describe("the outcomes already decided", () => {
  it("lists each decided story once, with its latest decision, newest first, and what became of it", async () => {
    const returned = await createStoryAt(database.prisma, world, "IN_REVIEW", [world.pool[5]!.id]);
    const reviewerId = world.team.members.reviewer!.id;
    const review = (storyId: string, storyRevisionId: string, decision: "APPROVE" | "RETURN", at: string) =>
      database.prisma.review.create({
        data: {
          evaluationId: world.evaluationId,
          storyId,
          storyRevisionId,
          reviewerId,
          decision,
          comment: decision === "RETURN" ? "Falta la fuente." : "",
          createdAt: new Date(at),
        },
      });
    await review(approved.id, approved.revisionId, "APPROVE", "2025-05-02T10:00:00Z");
    await review(returned.id, returned.revisionId, "RETURN", "2025-05-01T10:00:00Z");
    await review(returned.id, returned.revisionId, "RETURN", "2025-05-03T10:00:00Z");
    // Another evaluation's decisions stay there.
    const elsewhere = await createStoryAt(database.prisma, other, "APPROVED", [other.pool[0]!.id]);
    await database.prisma.review.create({
      data: {
        evaluationId: other.evaluationId,
        storyId: elsewhere.id,
        storyRevisionId: elsewhere.revisionId,
        reviewerId: other.team.members.reviewer!.id,
        decision: "APPROVE",
        comment: "",
      },
    });

    for (const role of ["reviewer", "lead"] as const) {
      const decided = await loaders.loadDecidedOutcomes(world.evaluationId, member(role), 1);
      expect(decided?.total, role).toBe(2);
      expect(
        decided?.rows.map((row) => [row.code, row.decision, row.decisions, row.stage, row.revisionVersion]),
      ).toEqual([
        [returned.code, "RETURN", 2, "IN_REVIEW", 1],
        [approved.code, "APPROVE", 1, "APPROVED", 1],
      ]);
      const json = JSON.stringify(decided);
      for (const secret of [...IDENTITY_NAMES, world.pool[5]!.id, world.pool[1]!.id])
        expect(json).not.toContain(secret);
    }
    expect((await loaders.loadDecidedOutcomes(world.evaluationId, member("reviewer"), 2))?.rows).toEqual([]);
  });

  it("is null for everyone else", async () => {
    for (const caller of refused()) expect(await loaders.loadDecidedOutcomes(world.evaluationId, caller, 1)).toBeNull();
  });
});
