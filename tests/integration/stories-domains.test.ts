/**
 * Domain assignment with history: reassigning ends the current row (endedAt, endedById) and
 * inserts a new one, rows are never deleted, the database itself refuses a second current primary.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDomain, buildDomainAssignment, createStoryWorld, type StoryWorld } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { newStory as newStoryIn } from "./story-world";

let database: TestDatabase;
let world: StoryWorld;
let other: StoryWorld;
let domains: typeof import("@/lib/domains/mutations");
let domainData: typeof import("@/lib/domains/data");

/** A negative story with no storyteller or source: domains do not depend on either. */
const newStory = (w: StoryWorld = world) =>
  newStoryIn(w, { whatChanged: "Qué.", changeType: "NEGATIVE", storytellerIds: [], sources: [] });

/** The story's current primary assignment, as the page shows it to the person assigning. */
async function shownPrimary(storyId: string): Promise<string | null> {
  const row = await database.prisma.domainAssignment.findFirst({
    where: { storyId, kind: "PRIMARY", endedAt: null },
    select: { id: true },
  });
  return row?.id ?? null;
}

const assign = async (
  storyId: string,
  domainId: string,
  kind: "PRIMARY" | "SECONDARY",
  actorId = world.team.members.lead.id,
  rationale = "Porque la historia trata de eso.",
) =>
  domains.assignDomain({
    actorId,
    evaluationId: world.evaluationId,
    storyId,
    domainId,
    kind,
    rationale,
    expectedPrimaryId: await shownPrimary(storyId),
  });

/** The lead ends an assignment as the story page's "end" button does. */
const endSecondary = (storyId: string, assignmentId: string) =>
  domains.endSecondaryAssignment({
    actorId: world.team.members.lead.id,
    evaluationId: world.evaluationId,
    storyId,
    assignmentId,
  });

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [domains, domainData] = await Promise.all([import("@/lib/domains/mutations"), import("@/lib/domains/data")]);
  world = await createStoryWorld(database.prisma);
  other = await createStoryWorld(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

describe("assigning domains", () => {
  it("reassigning the primary ends the current row and inserts a new one; history keeps both", async () => {
    const storyId = await newStory();
    const [d0, d1] = world.team.domains;
    const lead = world.team.members.lead.id;
    const evaluator = world.team.members.evaluator!.id;
    const first = await assign(storyId, d0!.id, "PRIMARY", evaluator, "Propuesta del autor.");
    const second = await assign(storyId, d1!.id, "PRIMARY", lead, "Al revisar: es defensa de derechos.");
    expect(first.ok && second.ok).toBe(true);

    const rows = await database.prisma.domainAssignment.findMany({
      where: { storyId },
      orderBy: { assignedAt: "asc" },
    });
    expect(rows.map((row) => [row.domainId, row.kind, row.assignedById, row.endedById, row.endedAt !== null])).toEqual([
      [d0!.id, "PRIMARY", evaluator, lead, true],
      [d1!.id, "PRIMARY", lead, null, false],
    ]);
    const history = await domainData.listDomainAssignments(world.evaluationId, storyId);
    expect(history.map((row) => [row.domain.id, row.endedBy?.name ?? null])).toEqual([
      [d1!.id, null],
      [d0!.id, world.team.members.lead.name],
    ]);
    const events = await database.prisma.auditEvent.findMany({
      where: { recordId: storyId, action: "story.domain.assign" },
      orderBy: { sequence: "asc" },
    });
    expect(events.map((event) => [event.before, (event.after as { domainId: string }).domainId])).toEqual([
      [null, d0!.id],
      [{ current: [{ domainId: d0!.id, kind: "PRIMARY" }] }, d1!.id],
    ]);
  });

  it("adds and ends secondary domains, refuses repeats, and promotes a secondary to primary", async () => {
    const storyId = await newStory();
    const [d0, d1, d2] = world.team.domains;
    await assign(storyId, d0!.id, "PRIMARY");
    expect(await assign(storyId, d1!.id, "SECONDARY")).toMatchObject({ ok: true });
    expect(await assign(storyId, d1!.id, "SECONDARY")).toEqual({
      ok: false,
      reason: "ALREADY_ASSIGNED",
      field: "domainId",
    });
    expect(await assign(storyId, d0!.id, "SECONDARY")).toEqual({
      ok: false,
      reason: "ALREADY_PRIMARY",
      field: "domainId",
    });
    const secondary = await assign(storyId, d2!.id, "SECONDARY");
    if (!secondary.ok) throw new Error(secondary.reason);
    expect(await endSecondary(storyId, secondary.assignmentId)).toEqual({ ok: true });
    await expect(endSecondary(storyId, secondary.assignmentId)).rejects.toMatchObject({ code: "CONFLICT" });

    // d1 becomes primary: the old primary and d1's secondary row both end.
    expect(await assign(storyId, d1!.id, "PRIMARY")).toMatchObject({ ok: true });
    const current = await database.prisma.domainAssignment.findMany({ where: { storyId, endedAt: null } });
    expect(current.map((row) => [row.domainId, row.kind])).toEqual([[d1!.id, "PRIMARY"]]);
    expect(await database.prisma.domainAssignment.count({ where: { storyId } })).toBe(4);
  });

  it("never ends a primary on its own", async () => {
    const storyId = await newStory();
    const primary = await assign(storyId, world.team.domains[0]!.id, "PRIMARY");
    if (!primary.ok) throw new Error(primary.reason);
    expect(await endSecondary(storyId, primary.assignmentId)).toEqual({
      ok: false,
      reason: "PRIMARY_CANNOT_END",
    });
  });

  it("refuses a domain or a story of another evaluation, writing nothing", async () => {
    const storyId = await newStory();
    const before = await database.prisma.domainAssignment.count();
    expect(await assign(storyId, other.team.domains[0]!.id, "PRIMARY")).toEqual({
      ok: false,
      reason: "NOT_IN_EVALUATION",
      field: "domainId",
    });
    const theirStory = await newStory(other);
    await expect(assign(theirStory, world.team.domains[0]!.id, "PRIMARY")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await database.prisma.domainAssignment.count()).toBe(before);
  });

  it("refuses a retired domain: it is kept for history, not for new assignments", async () => {
    const storyId = await newStory();
    const retired = buildDomain({ evaluationId: world.evaluationId, position: 900, retiredAt: new Date() });
    await database.prisma.domain.create({ data: retired });
    expect(await assign(storyId, retired.id, "PRIMARY")).toEqual({
      ok: false,
      reason: "DOMAIN_RETIRED",
      field: "domainId",
    });
    expect(await database.prisma.domainAssignment.count({ where: { storyId } })).toBe(0);
  });

  it("is closed once the story has gone on to selection", async () => {
    const storyId = await newStory();
    await database.prisma.changeStory.update({ where: { id: storyId }, data: { stage: "SELECTED" } });
    expect(await assign(storyId, world.team.domains[0]!.id, "PRIMARY")).toEqual({ ok: false, reason: "STAGE_LOCKED" });
  });

  it("the database refuses a second current primary even behind the app's back", async () => {
    const storyId = await newStory();
    const row = (domainId: string) =>
      buildDomainAssignment({
        evaluationId: world.evaluationId,
        storyId,
        domainId,
        assignedById: world.team.members.lead.id,
      });
    await database.prisma.domainAssignment.create({ data: row(world.team.domains[0]!.id) });
    await expect(
      database.prisma.domainAssignment.create({ data: row(world.team.domains[1]!.id) }),
    ).rejects.toMatchObject({ code: "P2002" });
  });
});
