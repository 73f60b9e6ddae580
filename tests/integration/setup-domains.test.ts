/**
 * Setting up domains of change on PostgreSQL: each change with its audit event, names unique per
 * evaluation whatever their accents, one "other change" domain, reorders that refuse a race,
 * retirement that keeps history and refuses while a live round uses the domain, deletion only of
 * what nothing names.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDomain, createEvaluationWithTeam, inDays, type EvaluationWithTeam } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let setup: typeof import("@/lib/domains/setup-mutations");
let team: EvaluationWithTeam;

const fields = (n: string) => ({
  nameEs: `Dominio ${n}`,
  nameEn: `Domain ${n}`,
  definitionEs: `Definición ${n}.`,
  definitionEn: `Definition ${n}.`,
  isOther: false,
});

async function freshTeam(languages: Array<"ES" | "EN"> = ["ES", "EN"]) {
  return createEvaluationWithTeam(database.prisma, { evaluation: { languages }, domainCount: 0, roles: ["LEAD"] });
}

const by = (t: EvaluationWithTeam) => ({ actorId: t.members.lead.id, evaluationId: t.evaluation.id });

async function order(evaluationId: string) {
  return (
    await database.prisma.domain.findMany({
      where: { evaluationId },
      orderBy: { position: "asc" },
      select: { id: true, position: true },
    })
  ).map((row) => row.id);
}

async function domainPanel(evaluationId: string, domainId: string) {
  return database.prisma.selectionPanel.create({
    data: { evaluationId, name: "Panel", level: "DOMAIN", domainId },
    select: { id: true },
  });
}

async function events(evaluationId: string, action: string) {
  return database.prisma.auditEvent.findMany({ where: { evaluationId, action }, orderBy: { sequence: "asc" } });
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  setup = await import("@/lib/domains/setup-mutations");
  team = await freshTeam();
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("creating domains", () => {
  it("adds each at the end, with its audit event", async () => {
    const t = await freshTeam();
    const first = await setup.createDomain({ ...by(t), ...fields("uno") });
    const second = await setup.createDomain({ ...by(t), ...fields("dos") });
    expect(first.ok && second.ok).toBe(true);
    const rows = await database.prisma.domain.findMany({
      where: { evaluationId: t.evaluation.id },
      orderBy: { position: "asc" },
    });
    expect(rows.map((row) => [row.position, row.nameEs, row.nameKeyEs])).toEqual([
      [1, "Dominio uno", "dominio uno"],
      [2, "Dominio dos", "dominio dos"],
    ]);
    const created = await events(t.evaluation.id, "domain.create");
    expect(created).toHaveLength(2);
    expect(created[0]).toMatchObject({
      actorId: t.members.lead.id,
      recordType: "Domain",
      recordId: rows[0]!.id,
      after: { nameEs: "Dominio uno", position: 1 },
    });
  });

  it("refuses a name already used, whatever its accents, case or spacing, at the field, and writes nothing", async () => {
    const t = await freshTeam();
    await setup.createDomain({ ...by(t), ...fields("x"), nameEs: "Diálogo social", nameEn: "Social dialogue" });
    const again = await setup.createDomain({
      ...by(t),
      ...fields("y"),
      nameEs: "  DIALOGO   Social ",
      nameEn: "Something else",
    });
    expect(again).toEqual({ ok: false, reason: "DUPLICATE_NAME", field: "nameEs" });
    const english = await setup.createDomain({ ...by(t), ...fields("z"), nameEs: "Otro", nameEn: "social DIALOGUE" });
    expect(english).toEqual({ ok: false, reason: "DUPLICATE_NAME", field: "nameEn" });
    expect(await database.prisma.domain.count({ where: { evaluationId: t.evaluation.id } })).toBe(1);
    expect(await events(t.evaluation.id, "domain.create")).toHaveLength(1);
  });

  it("allows the same name in another evaluation", async () => {
    const a = await freshTeam();
    const b = await freshTeam();
    expect((await setup.createDomain({ ...by(a), ...fields("común") })).ok).toBe(true);
    expect((await setup.createDomain({ ...by(b), ...fields("común") })).ok).toBe(true);
  });

  it("requires the definition in each of the evaluation's languages, and only those", async () => {
    const bilingual = await freshTeam(["ES", "EN"]);
    expect(await setup.createDomain({ ...by(bilingual), ...fields("a"), definitionEn: null })).toEqual({
      ok: false,
      reason: "DEFINITION_REQUIRED",
      field: "definitionEn",
    });
    const spanishOnly = await freshTeam(["ES"]);
    expect((await setup.createDomain({ ...by(spanishOnly), ...fields("a"), definitionEn: null })).ok).toBe(true);
    expect(await setup.createDomain({ ...by(spanishOnly), ...fields("b"), definitionEs: null })).toEqual({
      ok: false,
      reason: "DEFINITION_REQUIRED",
      field: "definitionEs",
    });
  });

  it('keeps at most one "other change" domain: marking a second moves the mark, audited', async () => {
    const t = await freshTeam();
    const first = await setup.createDomain({ ...by(t), ...fields("otro 1"), isOther: true });
    const second = await setup.createDomain({ ...by(t), ...fields("otro 2"), isOther: true });
    if (!first.ok || !second.ok) throw new Error("not created");
    const rows = await database.prisma.domain.findMany({
      where: { evaluationId: t.evaluation.id, isOther: true },
      select: { id: true },
    });
    expect(rows.map((row) => row.id)).toEqual([second.domainId]);
    const updates = await events(t.evaluation.id, "domain.update");
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      recordId: first.domainId,
      before: { isOther: true },
      after: { isOther: false },
    });
  });
});

describe("editing a domain", () => {
  it("saves the changed fields, bumps the version and audits only what changed", async () => {
    const created = await setup.createDomain({ ...by(team), ...fields("editar") });
    if (!created.ok) throw new Error(created.reason);
    const saved = await setup.updateDomain({
      ...by(team),
      domainId: created.domainId,
      expectedVersion: 1,
      ...fields("editar"),
      definitionEn: "A sharper definition.",
    });
    expect(saved).toEqual({ ok: true, version: 2 });
    const [event] = (await events(team.evaluation.id, "domain.update")).filter(
      (row) => row.recordId === created.domainId,
    );
    expect(event).toMatchObject({
      before: { definitionEn: "Definition editar." },
      after: { definitionEn: "A sharper definition." },
    });
  });

  it("refuses an edit made on an older version, so nobody overwrites a change they never saw", async () => {
    const created = await setup.createDomain({ ...by(team), ...fields("carrera") });
    if (!created.ok) throw new Error(created.reason);
    const edit = (nameEn: string) =>
      setup.updateDomain({ ...by(team), domainId: created.domainId, expectedVersion: 1, ...fields("carrera"), nameEn });
    const results = await Promise.all([edit("Race A"), edit("Race B")]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "STALE_VERSION" }]);
    const row = await database.prisma.domain.findUniqueOrThrow({ where: { id: created.domainId } });
    expect(row.version).toBe(2);
  });

  it("cannot reach a domain of another evaluation", async () => {
    const t = await freshTeam();
    const mine = await setup.createDomain({ ...by(t), ...fields("mío") });
    if (!mine.ok) throw new Error(mine.reason);
    await expect(
      setup.updateDomain({ ...by(team), domainId: mine.domainId, expectedVersion: 1, ...fields("robado") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await database.prisma.domain.findUniqueOrThrow({ where: { id: mine.domainId } })).nameEs).toBe(
      "Dominio mío",
    );
  });
});

describe("reordering", () => {
  it("puts the domains in the new order, positions 1..n, with one audit event", async () => {
    const t = await freshTeam();
    for (const n of ["a", "b", "c"]) await setup.createDomain({ ...by(t), ...fields(n) });
    const seen = await order(t.evaluation.id);
    const wanted = [seen[2]!, seen[0]!, seen[1]!];
    expect(await setup.reorderDomains({ ...by(t), order: wanted, seenOrder: seen })).toEqual({ ok: true });
    expect(await order(t.evaluation.id)).toEqual(wanted);
    const positions = await database.prisma.domain.findMany({
      where: { evaluationId: t.evaluation.id },
      orderBy: { position: "asc" },
      select: { position: true },
    });
    expect(positions.map((row) => row.position)).toEqual([1, 2, 3]);
    expect(await events(t.evaluation.id, "domain.reorder")).toMatchObject([
      { before: { order: seen }, after: { order: wanted } },
    ]);
  });

  it("refuses a reorder made on an order that changed meanwhile (two leads at once: one wins)", async () => {
    const t = await freshTeam();
    for (const n of ["a", "b", "c"]) await setup.createDomain({ ...by(t), ...fields(n) });
    const seen = await order(t.evaluation.id);
    const results = await Promise.all([
      setup.reorderDomains({ ...by(t), order: [seen[1]!, seen[0]!, seen[2]!], seenOrder: seen }),
      setup.reorderDomains({ ...by(t), order: [seen[2]!, seen[1]!, seen[0]!], seenOrder: seen }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "ORDER_CHANGED" }]);
    expect(await events(t.evaluation.id, "domain.reorder")).toHaveLength(1);
  });

  it("refuses an order that leaves out, repeats or adds a domain", async () => {
    const t = await freshTeam();
    for (const n of ["a", "b"]) await setup.createDomain({ ...by(t), ...fields(n) });
    const seen = await order(t.evaluation.id);
    for (const wrong of [[seen[0]!], [seen[0]!, seen[0]!], [seen[0]!, seen[1]!, team.domains[0]?.id ?? "other"]]) {
      expect(await setup.reorderDomains({ ...by(t), order: wrong, seenOrder: seen })).toEqual({
        ok: false,
        reason: "ORDER_INCOMPLETE",
      });
    }
    expect(await order(t.evaluation.id)).toEqual(seen);
  });
});

describe("retiring, restoring and deleting", () => {
  it("deletes a domain nothing names and closes the gap in the positions", async () => {
    const t = await freshTeam();
    for (const n of ["a", "b", "c"]) await setup.createDomain({ ...by(t), ...fields(n) });
    const [a, b, c] = await order(t.evaluation.id);
    expect(await setup.deleteDomain({ ...by(t), domainId: b!, expectedVersion: 1 })).toEqual({ ok: true });
    const rows = await database.prisma.domain.findMany({
      where: { evaluationId: t.evaluation.id },
      orderBy: { position: "asc" },
      select: { id: true, position: true },
    });
    expect(rows).toEqual([
      { id: a, position: 1 },
      { id: c, position: 2 },
    ]);
    expect(await events(t.evaluation.id, "domain.delete")).toMatchObject([
      { recordId: b, before: { nameEs: "Dominio b" } },
    ]);
  });

  it("refuses to delete a domain a panel names, and retires it instead; a retired domain leaves the pickers", async () => {
    const t = await freshTeam();
    const created = await setup.createDomain({ ...by(t), ...fields("usado") });
    if (!created.ok) throw new Error(created.reason);
    await domainPanel(t.evaluation.id, created.domainId);
    expect(await setup.deleteDomain({ ...by(t), domainId: created.domainId, expectedVersion: 1 })).toEqual({
      ok: false,
      reason: "DOMAIN_IN_USE",
    });
    expect(await setup.retireDomain({ ...by(t), domainId: created.domainId, expectedVersion: 1 })).toEqual({
      ok: true,
    });
    const { listDomains, listDomainsForSetup } = await import("@/lib/domains/data");
    expect(await listDomains(t.evaluation.id)).toEqual([]);
    expect((await listDomains(t.evaluation.id, { withRetired: true })).map((row) => row.id)).toEqual([
      created.domainId,
    ]);
    expect(await listDomainsForSetup(t.evaluation.id)).toMatchObject([
      { id: created.domainId, inUse: true, version: 2 },
    ]);
    const { getEvaluationOverview } = await import("@/lib/evaluations/data");
    expect((await getEvaluationOverview(t.evaluation.id, { id: t.members.lead.id, isAdmin: false }))?.domains).toEqual(
      [],
    );
    expect(await setup.restoreDomain({ ...by(t), domainId: created.domainId, expectedVersion: 2 })).toEqual({
      ok: true,
    });
    expect((await listDomains(t.evaluation.id)).map((row) => row.id)).toEqual([created.domainId]);
    expect(
      (await events(t.evaluation.id, "domain.retire")).length +
        (await events(t.evaluation.id, "domain.restore")).length,
    ).toBe(2);
  });

  it("leaves a retired domain out of new panels", async () => {
    const t = await freshTeam();
    const created = await setup.createDomain({ ...by(t), ...fields("viejo") });
    if (!created.ok) throw new Error(created.reason);
    await setup.retireDomain({ ...by(t), domainId: created.domainId, expectedVersion: 1 });
    const { createPanel } = await import("@/lib/selection/round-mutations");
    expect(
      await createPanel({ ...by(t), name: "Panel", level: "DOMAIN", domainId: created.domainId, memberIds: [] }),
    ).toEqual({ ok: false, reason: "DOMAIN_RETIRED", field: "domainId" });
    expect(await database.prisma.selectionPanel.count({ where: { evaluationId: t.evaluation.id } })).toBe(0);
  });

  it("refuses to retire a domain an open or draft round uses, and allows it once the round is called off", async () => {
    const t = await freshTeam();
    const created = await setup.createDomain({ ...by(t), ...fields("ronda") });
    if (!created.ok) throw new Error(created.reason);
    const panel = await domainPanel(t.evaluation.id, created.domainId);
    const round = await database.prisma.selectionRound.create({
      data: {
        evaluationId: t.evaluation.id,
        panelId: panel.id,
        domainId: created.domainId,
        name: "Ronda",
        method: "APPROVAL",
        deadline: inDays(1),
        status: "OPEN",
      },
    });
    expect(await setup.retireDomain({ ...by(t), domainId: created.domainId, expectedVersion: 1 })).toEqual({
      ok: false,
      reason: "DOMAIN_IN_LIVE_ROUND",
    });
    await database.prisma.selectionRound.update({ where: { id: round.id }, data: { status: "CANCELLED" } });
    expect(await setup.retireDomain({ ...by(t), domainId: created.domainId, expectedVersion: 1 })).toEqual({
      ok: true,
    });
  });

  it("cannot retire or delete a domain of another evaluation", async () => {
    const other = buildDomain({ evaluationId: team.evaluation.id });
    await database.prisma.domain.create({ data: other });
    const t = await freshTeam();
    await expect(setup.retireDomain({ ...by(t), domainId: other.id, expectedVersion: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(setup.deleteDomain({ ...by(t), domainId: other.id, expectedVersion: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await database.prisma.domain.findUnique({ where: { id: other.id }, select: { retiredAt: true } })).toEqual({
      retiredAt: null,
    });
  });
});
