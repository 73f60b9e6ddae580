/**
 * Storyteller groups on stories with several storytellers: each story counts once per group
 * however many of its storytellers are in it, an excluded storyteller neither counts nor hides
 * another of the same group, and a filter narrows all of it. These are the cases a faster way of
 * counting (one without count(DISTINCT), decision 0047) gets wrong first. Stories are added to the
 * meta world (dashboard-meta-world.ts), on a database of this file's own, and the counts compared
 * before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildChangeStory, buildDomainAssignment, buildStoryFigure, newId } from "@/tests/factories";
import type { DashboardFilters } from "@/lib/dashboard/schema";
import { pointAppAt } from "@/tests/support/app-env";
import { recordTestChange } from "@/tests/support/audited-change";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createDashboardMetaWorld, type DashboardMetaWorld } from "./dashboard-meta-world";

let database: TestDatabase;
let world: DashboardMetaWorld;
let loadDashboardMeta: typeof import("@/lib/dashboard/meta-loaders").loadDashboardMeta;
type Groups = NonNullable<Awaited<ReturnType<typeof loadDashboardMeta>>>["storytellers"];
let before: Groups;
let beforeNegative: Groups;

const groups = async (filters: DashboardFilters = {}) =>
  (await loadDashboardMeta(world.evaluationId, { id: world.users.lead, isAdmin: false }, filters))!.storytellers;
const row = (view: Groups, dimension: keyof Groups, key: string) => {
  const { name: _name, rate: _rate, ...figures } = view[dimension].find((group) => group.key === key)!;
  return figures;
};
/** The figures of a group after, less those before: what the added stories changed. */
const added = (after: Groups, earlier: Groups, dimension: keyof Groups, key: string) => {
  const now = row(after, dimension, key);
  const then = row(earlier, dimension, key);
  return Object.fromEntries(
    Object.entries(now).map(([name, value]) => [
      name,
      typeof value === "number" ? value - (then[name as keyof typeof then] as number) : value,
    ]),
  );
};

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  ({ loadDashboardMeta } = await import("@/lib/dashboard/meta-loaders"));
  world = await createDashboardMetaWorld(database.prisma);
  before = await groups();
  beforeNegative = await groups({ changeType: "NEGATIVE" });

  const { prisma } = database;
  const evaluationId = world.evaluationId;
  const respondents = await prisma.respondent.findMany({
    where: { evaluationId },
    orderBy: { codeNumber: "asc" },
    select: { id: true },
  });
  const r = (n: number) => respondents[n - 1]!.id;
  // T1 (APPROVED, NEGATIVE): r1 and r2, both union members, women, in Oaxaca and at-risk group A.
  // T2 (NOT_SELECTED, POSITIVE): r9 (excluded, Veracruz) and r10 (labour authority, woman, Veracruz).
  const t1 = buildChangeStory({ evaluationId, authorId: world.users.lead, stage: "APPROVED", changeType: "NEGATIVE" });
  const t2 = buildChangeStory({ evaluationId, authorId: world.users.lead, stage: "NOT_SELECTED" });
  await prisma.changeStory.createMany({ data: [t1, t2] });
  await prisma.domainAssignment.create({
    data: buildDomainAssignment({
      evaluationId,
      storyId: t1.id,
      domainId: world.domains.d1,
      assignedById: world.users.lead,
    }),
  });
  const tellers: Array<[string, number]> = [
    [t1.id, 1],
    [t1.id, 2],
    [t2.id, 9],
    [t2.id, 10],
  ];
  await prisma.storyTeller.createMany({
    data: tellers.map(([storyId, who]) => ({ id: newId(), evaluationId, storyId, respondentId: r(who) })),
  });
  await recordTestChange(prisma, evaluationId);
});

afterAll(async () => {
  await database?.close();
});

describe("storyteller groups with several storytellers per story", () => {
  it("count a story once in a group however many of its storytellers are in it", async () => {
    const after = await groups();
    const nothing = { storytellers: 0, told: 0, selected: 0, notSelected: 0, approved: 0 };
    // T1 has two union members: one story, the storytellers already counted.
    expect(added(after, before, "type", "UNION_MEMBER")).toEqual({
      key: "UNION_MEMBER",
      ...nothing,
      told: 1,
      selected: 1,
      approved: 1,
    });
    expect(added(after, before, "gender", "WOMAN")).toEqual({
      key: "WOMAN",
      ...nothing,
      told: 2,
      selected: 1,
      notSelected: 1,
      approved: 1,
    });
    expect(added(after, before, "state", "Oaxaca")).toEqual({
      key: "Oaxaca",
      ...nothing,
      told: 1,
      selected: 1,
      approved: 1,
    });
    expect(added(after, before, "atRisk", world.atRisk.A)).toEqual({
      key: world.atRisk.A,
      ...nothing,
      told: 1,
      selected: 1,
      approved: 1,
    });
  });

  it("leave the excluded storyteller out without hiding another of the same group", async () => {
    const after = await groups();
    const nothing = { storytellers: 0, told: 0, selected: 0, notSelected: 0, approved: 0 };
    expect(added(after, before, "state", "Veracruz")).toEqual({ key: "Veracruz", ...nothing, told: 1, notSelected: 1 });
    expect(added(after, before, "type", "LABOUR_AUTHORITY")).toEqual({
      key: "LABOUR_AUTHORITY",
      ...nothing,
      told: 1,
      notSelected: 1,
    });
    expect(row(after, "type", "COMPANY")).toMatchObject({ storytellers: 0, told: 0 });
  });

  it("correct under a filter only for the stories that match it", async () => {
    const after = await groups({ changeType: "NEGATIVE" });
    // Only T1 is negative: it adds one union member's story, never two, and nothing in Veracruz.
    expect(added(after, beforeNegative, "type", "UNION_MEMBER")).toMatchObject({ told: 1, approved: 1 });
    expect(after.type.find((group) => group.key === "UNION_MEMBER")!.storytellers).toBe(
      (row(beforeNegative, "type", "UNION_MEMBER").storytellers as number) + 2,
    );
    expect(after.state.map((group) => group.key)).toEqual(
      beforeNegative.state
        .map((group) => group.key)
        .concat("Oaxaca")
        .filter((key, i, all) => all.indexOf(key) === i)
        .sort(),
    );
  });
});

describe("a story dropped after validation", () => {
  it("still counts as the panel's selection for its storytellers, but adds no figures", async () => {
    const { prisma } = database;
    const evaluationId = world.evaluationId;
    const lead = { id: world.users.lead, isAdmin: false };
    const earlier = (await loadDashboardMeta(evaluationId, lead, {}))!;
    const r1 = (await prisma.respondent.findFirst({ where: { evaluationId }, orderBy: { codeNumber: "asc" } }))!;
    // T3: selected by a panel, disputed by its respondents and dropped by the lead (decision 0042).
    const t3 = buildChangeStory({ evaluationId, authorId: world.users.lead, stage: "NOT_VALIDATED" });
    await prisma.changeStory.create({ data: t3 });
    await prisma.storyTeller.create({ data: { id: newId(), evaluationId, storyId: t3.id, respondentId: r1.id } });
    await prisma.storyFigure.create({
      data: buildStoryFigure({ evaluationId, storyId: t3.id, position: 0, label: "Comunidades", value: "500" }),
    });
    await recordTestChange(prisma, evaluationId);

    const after = (await loadDashboardMeta(evaluationId, lead, {}))!;
    expect(added(after.storytellers, earlier.storytellers, "type", "UNION_MEMBER")).toEqual({
      key: "UNION_MEMBER",
      storytellers: 0,
      told: 1,
      selected: 1,
      notSelected: 0,
      approved: 0,
    });
    expect(after.magnitudes).toEqual(earlier.magnitudes);
  });
});
