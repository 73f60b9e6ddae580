/**
 * Sectors and priorities on PostgreSQL: added, renamed and removed with their audit events; a
 * name used twice (accents and case aside) refused at its field; a rename made on names that
 * changed meanwhile refused; an item that records name kept.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRespondent, createEvaluationWithTeam, type EvaluationWithTeam } from "@/tests/factories";
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

describe.each(["SECTOR", "PRIORITY"] as const)("the %s list", (kind) => {
  it("adds, renames and removes an item, each with its audit event, and refuses a name twice", async () => {
    const t = await freshTeam();
    const added = await lists.addListItem({ ...by(t), kind, nameEs: "Café", nameEn: "Coffee" });
    if (!added.ok) throw new Error(added.reason);
    expect(await lists.addListItem({ ...by(t), kind, nameEs: "  CAFE ", nameEn: "Other" })).toEqual({ ok: false, reason: "DUPLICATE_NAME", field: "nameEs" });
    expect(await lists.addListItem({ ...by(t), kind, nameEs: "Otro", nameEn: "coffee" })).toEqual({ ok: false, reason: "DUPLICATE_NAME", field: "nameEn" });
    const seen = { nameEs: "Café", nameEn: "Coffee" };
    expect(await lists.renameListItem({ ...by(t), kind, itemId: added.itemId, seen, nameEs: "Café de altura", nameEn: "Highland coffee" })).toEqual({ ok: true });
    // A second person, still looking at the old names, is refused.
    expect(await lists.renameListItem({ ...by(t), kind, itemId: added.itemId, seen, nameEs: "Cafetales", nameEn: "Coffee farms" })).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect(await lists.removeListItem({ ...by(t), kind, itemId: added.itemId })).toEqual({ ok: true });
    const actions = (await database.prisma.auditEvent.findMany({ where: { evaluationId: t.evaluation.id, recordId: added.itemId }, orderBy: { sequence: "asc" } })).map((event) => event.action);
    const noun = kind === "SECTOR" ? "sector" : "priority";
    expect(actions).toEqual([`${noun}.create`, `${noun}.update`, `${noun}.delete`]);
  });

  it("cannot reach another evaluation's item", async () => {
    const mine = await freshTeam();
    const theirs = await freshTeam();
    const added = await lists.addListItem({ ...by(theirs), kind, nameEs: "Suyo", nameEn: "Theirs" });
    if (!added.ok) throw new Error(added.reason);
    await expect(lists.removeListItem({ ...by(mine), kind, itemId: added.itemId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(lists.renameListItem({ ...by(mine), kind, itemId: added.itemId, seen: { nameEs: "Suyo", nameEn: "Theirs" }, nameEs: "Mío", nameEn: "Mine" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

it("keeps a sector that a respondent names", async () => {
  const t = await freshTeam();
  const added = await lists.addListItem({ ...by(t), kind: "SECTOR", nameEs: "Azúcar", nameEn: "Sugar" });
  if (!added.ok) throw new Error(added.reason);
  await database.prisma.respondent.create({ data: buildRespondent({ evaluationId: t.evaluation.id, sectorId: added.itemId }) });
  expect(await lists.removeListItem({ ...by(t), kind: "SECTOR", itemId: added.itemId })).toEqual({ ok: false, reason: "ITEM_IN_USE" });
  expect(await database.prisma.sector.count({ where: { id: added.itemId } })).toBe(1);
});
