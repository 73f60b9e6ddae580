/**
 * Two people at once never overwrite each other: of two saves over the same version exactly one
 * lands (one revision, one audit event) and the other gets CONFLICT; of two steps from the same
 * stage exactly one is taken; of two primary domains assigned at once exactly one is current.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryFormValues } from "@/lib/stories/form-values";
import type { StoryWorld } from "@/tests/factories";
import type { TestDatabase } from "@/tests/support/test-database";
import { newStory as newStoryIn, openStoryWorld, storyFields } from "./story-world";

let database: TestDatabase;
let world: StoryWorld;
let mutations: typeof import("@/lib/stories/mutations");
let stage: typeof import("@/lib/stories/stage-mutations");
let domains: typeof import("@/lib/domains/mutations");

const fields = (overrides: Partial<StoryFormValues> = {}) => storyFields(world, overrides);
const newStory = () => newStoryIn(world);

/** Settles every promise and sorts the outcomes into successes and error codes. */
async function outcomes<T>(promises: Array<Promise<T>>) {
  const settled = await Promise.allSettled(promises);
  return {
    ok: settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : [])),
    codes: settled.flatMap((s) =>
      s.status === "rejected" ? [(s.reason as { code?: string }).code ?? String(s.reason)] : [],
    ),
  };
}

/** `actorId` makes `domainId` the story's primary domain over the primary they saw. */
const assignPrimary = (
  actorId: string,
  storyId: string,
  domainId: string,
  rationale: string,
  expectedPrimaryId: string | null,
) =>
  domains.assignDomain({
    actorId,
    evaluationId: world.evaluationId,
    storyId,
    domainId,
    kind: "PRIMARY",
    rationale,
    expectedPrimaryId,
  });

const events = (storyId: string, action: string) =>
  database.prisma.auditEvent.count({ where: { evaluationId: world.evaluationId, recordId: storyId, action } });

beforeAll(async () => {
  ({ database, world } = await openStoryWorld());
  [mutations, stage, domains] = await Promise.all([
    import("@/lib/stories/mutations"),
    import("@/lib/stories/stage-mutations"),
    import("@/lib/domains/mutations"),
  ]);
});

afterAll(async () => {
  await database?.close();
});

describe("two editors save the same version at once", () => {
  it.each([1, 2, 3])("exactly one save lands, one revision and one audit event are added (run %i)", async () => {
    const storyId = await newStory();
    const lead = world.team.members.lead.id;
    const evaluator = world.team.members.evaluator!.id;
    const result = await outcomes([
      mutations.updateStory({
        actorId: lead,
        evaluationId: world.evaluationId,
        storyId,
        expectedVersion: 1,
        story: fields({ title: "Lead's title", whatChanged: "Lead" }),
      }),
      mutations.updateStory({
        actorId: evaluator,
        evaluationId: world.evaluationId,
        storyId,
        expectedVersion: 1,
        story: fields({ title: "Evaluator's title", whatChanged: "Evaluator" }),
      }),
    ]);
    expect(result.ok).toHaveLength(1);
    expect(result.codes).toEqual(["CONFLICT"]);
    const row = await database.prisma.changeStory.findUniqueOrThrow({
      where: { id: storyId },
      include: { revisions: { orderBy: { version: "asc" } } },
    });
    expect(row.version).toBe(2);
    expect(row.revisions.map((revision) => revision.version)).toEqual([1, 2]);
    // The stored story is entirely the winner's: no field of the loser slipped in.
    const winner = row.revisions[1]!.snapshot as { title: string; whatChanged: string };
    expect([row.title, row.whatChanged]).toEqual([winner.title, winner.whatChanged]);
    expect(winner.title.startsWith(winner.whatChanged)).toBe(true);
    expect(await events(storyId, "story.update")).toBe(1);
  });

  it("refuses when the version moves between the save's check and its update: the where holds the version", async () => {
    const storyId = await newStory();
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("UPDATE change_story SET version = version + 1 WHERE id = $1", [storyId]);
      const pending = mutations.updateStory({
        actorId: world.team.members.lead.id,
        evaluationId: world.evaluationId,
        storyId,
        expectedVersion: 1,
        story: fields({ title: "Too late" }),
      });
      const settled = pending.then(
        () => "saved",
        (error: { code?: string }) => error.code,
      );
      // Let the save read version 1 and wait on the row lock the other transaction holds.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await other.query("COMMIT");
      expect(await settled).toBe("CONFLICT");
    } finally {
      await other.end();
    }
    const row = await database.prisma.changeStory.findUniqueOrThrow({
      where: { id: storyId },
      include: { revisions: true },
    });
    expect([row.title, row.version, row.revisions.length]).toEqual(["Historia", 2, 1]);
    expect(await events(storyId, "story.update")).toBe(0);
  });

  it("the loser saves again over the new version (after merging) and lands", async () => {
    const storyId = await newStory();
    const actor = world.team.members.lead.id;
    await mutations.updateStory({
      actorId: actor,
      evaluationId: world.evaluationId,
      storyId,
      expectedVersion: 1,
      story: fields({ title: "First" }),
    });
    await expect(
      mutations.updateStory({
        actorId: actor,
        evaluationId: world.evaluationId,
        storyId,
        expectedVersion: 1,
        story: fields({ title: "Second" }),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const merged = await mutations.updateStory({
      actorId: actor,
      evaluationId: world.evaluationId,
      storyId,
      expectedVersion: 2,
      story: fields({ title: "Second, merged" }),
    });
    expect(merged).toMatchObject({ ok: true, version: 3 });
  });
});

describe("two people move the same story at once", () => {
  it("exactly one step is taken; the other gets CONFLICT; one audit event", async () => {
    const storyId = await newStory();
    const roles = ["EVALUATOR"] as const;
    const move = (actorId: string) =>
      stage.moveStory({
        actorId,
        roles: [...roles],
        evaluationId: world.evaluationId,
        storyId,
        from: "DRAFT",
        to: "SUBMITTED",
      });
    const result = await outcomes([move(world.team.members.evaluator!.id), move(world.team.members.lead.id)]);
    expect(result.ok).toEqual([{ ok: true, stage: "SUBMITTED" }]);
    expect(result.codes).toEqual(["CONFLICT"]);
    expect((await database.prisma.changeStory.findUniqueOrThrow({ where: { id: storyId } })).stage).toBe("SUBMITTED");
    expect(await events(storyId, "story.stage")).toBe(1);
  });

  it("a send-back and a screening racing from SUBMITTED end with one of them", async () => {
    const storyId = await newStory();
    await assignPrimary(world.team.members.lead.id, storyId, world.team.domains[0]!.id, "Porque.", null);
    await stage.moveStory({
      actorId: world.team.members.lead.id,
      roles: ["LEAD"],
      evaluationId: world.evaluationId,
      storyId,
      from: "DRAFT",
      to: "SUBMITTED",
    });
    const result = await outcomes([
      stage.moveStory({
        actorId: world.team.members.lead.id,
        roles: ["LEAD"],
        evaluationId: world.evaluationId,
        storyId,
        from: "SUBMITTED",
        to: "SCREENED",
      }),
      stage.moveStory({
        actorId: world.team.members.evaluator!.id,
        roles: ["EVALUATOR"],
        evaluationId: world.evaluationId,
        storyId,
        from: "SUBMITTED",
        to: "DRAFT",
        comment: "Falta una fuente.",
      }),
    ]);
    expect(result.ok).toHaveLength(1);
    expect(result.codes).toEqual(["CONFLICT"]);
    const row = await database.prisma.changeStory.findUniqueOrThrow({ where: { id: storyId } });
    expect(row.stage).toBe((result.ok[0] as { stage: string }).stage);
    expect(await events(storyId, "story.stage")).toBe(2);
  });
});

describe("two people assign a primary domain at once", () => {
  it("leaves exactly one current primary; the other gets CONFLICT", async () => {
    const storyId = await newStory();
    const [d0, d1, d2] = world.team.domains;
    const first = await assignPrimary(world.team.members.lead.id, storyId, d0!.id, "Primera.", null);
    if (!first.ok) throw new Error(first.reason);
    // Both saw d0 as the primary. Whether the two overlap or one commits first (a busy machine
    // decides), the second is refused: a primary is replaced only by someone who saw it.
    const result = await outcomes([
      assignPrimary(world.team.members.lead.id, storyId, d1!.id, "A.", first.assignmentId),
      assignPrimary(world.team.members.evaluator!.id, storyId, d2!.id, "B.", first.assignmentId),
    ]);
    expect(result.ok).toHaveLength(1);
    expect(result.codes).toEqual(["CONFLICT"]);
    const current = await database.prisma.domainAssignment.findMany({
      where: { storyId, kind: "PRIMARY", endedAt: null },
    });
    expect(current).toHaveLength(1);
    expect(await database.prisma.domainAssignment.count({ where: { storyId } })).toBe(2);
    expect(await events(storyId, "story.domain.assign")).toBe(2);
  });

  it("refuses a primary chosen from an older view even when the other change committed first", async () => {
    const storyId = await newStory();
    const [d0, d1, d2] = world.team.domains;
    const first = await assignPrimary(world.team.members.lead.id, storyId, d0!.id, "Primera.", null);
    if (!first.ok) throw new Error(first.reason);
    const lead = await assignPrimary(world.team.members.lead.id, storyId, d1!.id, "A.", first.assignmentId);
    expect(lead).toMatchObject({ ok: true });
    // The evaluator's page still shows d0: their choice would silently replace the lead's.
    await expect(
      assignPrimary(world.team.members.evaluator!.id, storyId, d2!.id, "B.", first.assignmentId),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const current = await database.prisma.domainAssignment.findMany({
      where: { storyId, kind: "PRIMARY", endedAt: null },
      select: { domainId: true },
    });
    expect(current).toEqual([{ domainId: d1!.id }]);
    expect(await events(storyId, "story.domain.assign")).toBe(2);
  });
});
