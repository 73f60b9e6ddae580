/**
 * Sectors, priorities and at-risk groups on PostgreSQL: added, renamed and removed with their audit events; a
 * name used twice (accents and case aside) refused at its field; a rename made on names that
 * changed meanwhile refused; an item that records name kept.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildChangeStory,
  buildRespondent,
  createEvaluationWithTeam,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let lists: typeof import("@/lib/setup-lists/mutations");

const freshTeam = () => createEvaluationWithTeam(database.prisma, { domainCount: 0, projectCount: 0, roles: ["LEAD"] });
const by = (t: EvaluationWithTeam) => ({ actorId: t.members.lead.id, evaluationId: t.evaluation.id });

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  lists = await import("@/lib/setup-lists/mutations");
}, 120_000);

afterAll(async () => {
  await database?.close();
});

const NOUNS = { SECTOR: "sector", PRIORITY: "priority", AT_RISK_GROUP: "atRiskGroup" } as const;

describe.each(["SECTOR", "PRIORITY", "AT_RISK_GROUP"] as const)("the %s list", (kind) => {
  it("adds, renames and removes an item, each with its audit event, and refuses a name twice", async () => {
    const t = await freshTeam();
    const added = await lists.addListItem({ ...by(t), kind, nameEs: "Café", nameEn: "Coffee" });
    if (!added.ok) throw new Error(added.reason);
    expect(await lists.addListItem({ ...by(t), kind, nameEs: "  CAFE ", nameEn: "Other" })).toEqual({
      ok: false,
      reason: "DUPLICATE_NAME",
      field: "nameEs",
    });
    expect(await lists.addListItem({ ...by(t), kind, nameEs: "Otro", nameEn: "coffee" })).toEqual({
      ok: false,
      reason: "DUPLICATE_NAME",
      field: "nameEn",
    });
    const seen = { nameEs: "Café", nameEn: "Coffee" };
    expect(
      await lists.renameListItem({
        ...by(t),
        kind,
        itemId: added.itemId,
        seen,
        nameEs: "Café de altura",
        nameEn: "Highland coffee",
      }),
    ).toEqual({ ok: true });
    // A second person, still looking at the old names, is refused.
    expect(
      await lists.renameListItem({
        ...by(t),
        kind,
        itemId: added.itemId,
        seen,
        nameEs: "Cafetales",
        nameEn: "Coffee farms",
      }),
    ).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect(await lists.removeListItem({ ...by(t), kind, itemId: added.itemId })).toEqual({ ok: true });
    const actions = (
      await database.prisma.auditEvent.findMany({
        where: { evaluationId: t.evaluation.id, recordId: added.itemId },
        orderBy: { sequence: "asc" },
      })
    ).map((event) => event.action);
    const noun = NOUNS[kind];
    expect(actions).toEqual([`${noun}.create`, `${noun}.update`, `${noun}.delete`]);
  });

  it("cannot reach another evaluation's item", async () => {
    const mine = await freshTeam();
    const theirs = await freshTeam();
    const added = await lists.addListItem({ ...by(theirs), kind, nameEs: "Suyo", nameEn: "Theirs" });
    if (!added.ok) throw new Error(added.reason);
    await expect(lists.removeListItem({ ...by(mine), kind, itemId: added.itemId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      lists.renameListItem({
        ...by(mine),
        kind,
        itemId: added.itemId,
        seen: { nameEs: "Suyo", nameEn: "Theirs" },
        nameEs: "Mío",
        nameEn: "Mine",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

it("keeps a sector that a respondent names", async () => {
  const t = await freshTeam();
  const added = await lists.addListItem({ ...by(t), kind: "SECTOR", nameEs: "Azúcar", nameEn: "Sugar" });
  if (!added.ok) throw new Error(added.reason);
  await database.prisma.respondent.create({
    data: buildRespondent({ evaluationId: t.evaluation.id, sectorId: added.itemId }),
  });
  expect(await lists.removeListItem({ ...by(t), kind: "SECTOR", itemId: added.itemId })).toEqual({
    ok: false,
    reason: "ITEM_IN_USE",
  });
  expect(await database.prisma.sector.count({ where: { id: added.itemId } })).toBe(1);
});

describe("at-risk groups", () => {
  it("adds a group at the end of the list, refuses a standard group's name in other capitals or without accents, and renames one keeping its choice code", async () => {
    const t = await freshTeam();
    const added = await lists.addListItem({
      ...by(t),
      kind: "AT_RISK_GROUP",
      nameEs: "Jornaleras agrícolas",
      nameEn: "Women farmworkers",
    });
    if (!added.ok) throw new Error(added.reason);
    expect(await database.prisma.atRiskGroup.findUniqueOrThrow({ where: { id: added.itemId } })).toMatchObject({
      position: 6,
      code: null,
    });
    expect(
      await lists.addListItem({
        ...by(t),
        kind: "AT_RISK_GROUP",
        nameEs: "familias de ninas y ninos TRABAJADORES",
        nameEn: "Other",
      }),
    ).toEqual({ ok: false, reason: "DUPLICATE_NAME", field: "nameEs" });
    expect(
      await lists.addListItem({ ...by(t), kind: "AT_RISK_GROUP", nameEs: "Otro", nameEn: " women  WORKERS " }),
    ).toEqual({ ok: false, reason: "DUPLICATE_NAME", field: "nameEn" });
    const women = t.atRiskGroups[0]!;
    const renamed = await lists.renameListItem({
      ...by(t),
      kind: "AT_RISK_GROUP",
      itemId: women.id,
      seen: { nameEs: women.nameEs, nameEn: women.nameEn },
      nameEs: "Trabajadoras",
      nameEn: "Working women",
    });
    expect(renamed).toEqual({ ok: true });
    expect(await database.prisma.atRiskGroup.findUniqueOrThrow({ where: { id: women.id } })).toMatchObject({
      nameEs: "Trabajadoras",
      code: "women_workers",
    });
    const [event] = await database.prisma.auditEvent.findMany({
      where: { recordId: women.id, action: "atRiskGroup.update" },
    });
    expect(event).toMatchObject({
      recordType: "AtRiskGroup",
      before: { nameEs: "Mujeres trabajadoras", nameEn: "Women workers" },
      after: { nameEs: "Trabajadoras", nameEn: "Working women" },
    });
  });

  it("keeps a group that a respondent or a story names", async () => {
    const t = await freshTeam();
    const [forRespondent, forStory] = [t.atRiskGroups[0]!, t.atRiskGroups[1]!];
    const respondent = buildRespondent({ evaluationId: t.evaluation.id });
    const story = buildChangeStory({ evaluationId: t.evaluation.id, authorId: t.members.lead.id });
    await database.prisma.$transaction([
      database.prisma.respondent.create({ data: respondent }),
      database.prisma.respondentAtRiskGroup.create({
        data: { evaluationId: t.evaluation.id, respondentId: respondent.id, groupId: forRespondent.id },
      }),
      database.prisma.changeStory.create({ data: story }),
      database.prisma.storyAtRiskGroup.create({
        data: { evaluationId: t.evaluation.id, storyId: story.id, groupId: forStory.id },
      }),
    ]);
    for (const group of [forRespondent, forStory]) {
      expect(await lists.removeListItem({ ...by(t), kind: "AT_RISK_GROUP", itemId: group.id })).toEqual({
        ok: false,
        reason: "ITEM_IN_USE",
      });
    }
    expect(await database.prisma.atRiskGroup.count({ where: { evaluationId: t.evaluation.id } })).toBe(5);
    expect(await lists.removeListItem({ ...by(t), kind: "AT_RISK_GROUP", itemId: t.atRiskGroups[4]!.id })).toEqual({
      ok: true,
    });
    const listed = await (await import("@/lib/setup-lists/data")).listSetupLists(t.evaluation.id);
    expect(listed.AT_RISK_GROUP.map((item) => item.inUse)).toEqual([true, true, false, false]);
  });
});
