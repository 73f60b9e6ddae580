/**
 * Starting an evaluation from another one's setup, on PostgreSQL: its domains, projects, places,
 * sectors, priorities and at-risk groups arrive, never its data; what is already here stays; copying twice adds
 * nothing; one audit event; and the action copies only from an evaluation the person may set up.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  buildAtRiskGroup,
  buildDomain,
  buildMembership,
  buildPlace,
  buildPriorityTag,
  buildProject,
  buildSector,
  createEvaluationWithTeam,
  createStoryWorld,
} from "@/tests/factories";
import { signInAs } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let copy: typeof import("@/lib/evaluations/copy-setup");
let actions: typeof import("@/lib/evaluations/actions");

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [copy, actions] = await Promise.all([import("@/lib/evaluations/copy-setup"), import("@/lib/evaluations/actions")]);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("copying another evaluation's setup", () => {
  it("brings its lists (retired ones left behind), never its data, keeps what is here, and adds nothing the second time", async () => {
    const source = await createStoryWorld(database.prisma);
    const sourceId = source.evaluationId;
    await database.prisma.$transaction([
      database.prisma.domain.create({
        data: buildDomain({
          evaluationId: sourceId,
          position: 50,
          nameEs: "Retirado",
          nameEn: "Retired",
          retiredAt: new Date(),
        }),
      }),
      database.prisma.project.create({
        data: buildProject({ evaluationId: sourceId, acronym: "Sustentar", name: "Sustainability systems" }),
      }),
      database.prisma.place.create({
        data: buildPlace({ evaluationId: sourceId, state: "Oaxaca", municipality: "Oaxaca de Juárez" }),
      }),
      database.prisma.sector.create({
        data: buildSector({ evaluationId: sourceId, nameEn: "Coffee", nameEs: "Café" }),
      }),
      database.prisma.priorityTag.create({
        data: buildPriorityTag({
          evaluationId: sourceId,
          position: 99,
          nameEn: "Freedom of association",
          nameEs: "Libertad sindical",
        }),
      }),
      database.prisma.atRiskGroup.create({
        data: buildAtRiskGroup({
          evaluationId: sourceId,
          position: 6,
          nameEn: "Women farmworkers",
          nameEs: "Jornaleras agrícolas",
        }),
      }),
    ]);
    const target = await createStoryWorld(database.prisma);
    const targetId = target.evaluationId;
    // Already here: a domain with one of the source's names in other capitals, and a project with its acronym.
    const sourceDomains = await database.prisma.domain.findMany({
      where: { evaluationId: sourceId, retiredAt: null },
      orderBy: { position: "asc" },
    });
    await database.prisma.domain.deleteMany({ where: { evaluationId: targetId } });
    await database.prisma.domain.create({
      data: buildDomain({
        evaluationId: targetId,
        position: 1,
        nameEs: sourceDomains[0]!.nameEs.toUpperCase(),
        nameEn: "Ours",
      }),
    });
    await database.prisma.project.create({
      data: buildProject({ evaluationId: targetId, acronym: "SUSTENTAR", name: "Our own" }),
    });
    const before = await Promise.all([
      database.prisma.respondent.count({ where: { evaluationId: targetId } }),
      database.prisma.changeStory.count({ where: { evaluationId: targetId } }),
    ]);

    const first = await copy.copySetup({
      actorId: target.team.members.lead.id,
      evaluationId: targetId,
      sourceEvaluationId: sourceId,
    });
    expect(first).toMatchObject({ ok: true, domains: sourceDomains.length - 1 });
    expect(
      await database.prisma.sector.count({ where: { evaluationId: targetId, nameEn: "Coffee", nameEs: "Café" } }),
    ).toBe(1);
    expect(
      await database.prisma.priorityTag.count({ where: { evaluationId: targetId, nameEn: "Freedom of association" } }),
    ).toBe(1);
    // The five standard groups are already here; only the new one comes, at the end of the list.
    expect(first).toMatchObject({ atRiskGroups: 1 });
    expect(
      (
        await database.prisma.atRiskGroup.findMany({ where: { evaluationId: targetId }, orderBy: { position: "asc" } })
      ).map((row) => [row.position, row.nameEs]),
    ).toEqual([...target.team.atRiskGroups.map((row) => [row.position, row.nameEs]), [6, "Jornaleras agrícolas"]]);
    const domains = await database.prisma.domain.findMany({
      where: { evaluationId: targetId },
      orderBy: { position: "asc" },
    });
    expect(domains.map((row) => row.position)).toEqual(domains.map((_, index) => index + 1));
    expect(domains.map((row) => row.nameEs)).not.toContain("Retirado");
    const projects = await database.prisma.project.findMany({
      where: { evaluationId: targetId },
      select: { acronym: true, name: true },
    });
    expect(projects.filter((row) => row.acronym.toLowerCase() === "sustentar")).toEqual([
      { acronym: "SUSTENTAR", name: "Our own" },
    ]);
    expect(
      await database.prisma.place.count({
        where: { evaluationId: targetId, state: "Oaxaca", municipality: "Oaxaca de Juárez" },
      }),
    ).toBe(1);
    expect(
      await Promise.all([
        database.prisma.respondent.count({ where: { evaluationId: targetId } }),
        database.prisma.changeStory.count({ where: { evaluationId: targetId } }),
      ]),
    ).toEqual(before);
    const [event] = await database.prisma.auditEvent.findMany({
      where: { evaluationId: targetId, action: "evaluation.setup.copy" },
    });
    expect(event).toMatchObject({
      actorId: target.team.members.lead.id,
      after: { sourceEvaluationId: sourceId, domains: sourceDomains.length - 1 },
    });

    const second = await copy.copySetup({
      actorId: target.team.members.lead.id,
      evaluationId: targetId,
      sourceEvaluationId: sourceId,
    });
    expect(second).toEqual({
      ok: true,
      domains: 0,
      projects: 0,
      places: 0,
      countries: 0,
      sectors: 0,
      priorities: 0,
      atRiskGroups: 0,
    });
  });

  it("brings at-risk groups to an evaluation with none, with their choice codes, and skips a name already here whatever its accents", async () => {
    const source = await createEvaluationWithTeam(database.prisma, {
      domainCount: 0,
      projectCount: 0,
      roles: ["LEAD"],
    });
    const target = await createEvaluationWithTeam(database.prisma, {
      domainCount: 0,
      projectCount: 0,
      roles: ["LEAD"],
    });
    await database.prisma.atRiskGroup.deleteMany({ where: { evaluationId: target.evaluation.id } });
    await database.prisma.atRiskGroup.create({
      data: buildAtRiskGroup({
        evaluationId: target.evaluation.id,
        position: 1,
        nameEs: "MUJERES TRABAJADORAS",
        nameEn: "Working women",
      }),
    });
    const copied = await copy.copySetup({
      actorId: target.members.lead.id,
      evaluationId: target.evaluation.id,
      sourceEvaluationId: source.evaluation.id,
    });
    expect(copied).toMatchObject({ ok: true, atRiskGroups: 4 });
    const groups = await database.prisma.atRiskGroup.findMany({
      where: { evaluationId: target.evaluation.id },
      orderBy: { position: "asc" },
      select: { position: true, code: true, nameEs: true },
    });
    expect(groups).toEqual([
      { position: 1, code: null, nameEs: "MUJERES TRABAJADORAS" },
      ...source.atRiskGroups
        .slice(1)
        .map((row, index) => ({ position: index + 2, code: row.code, nameEs: row.nameEs })),
    ]);
  });

  it("refuses the evaluation itself as its own source", async () => {
    const world = await createStoryWorld(database.prisma);
    expect(
      await copy.copySetup({
        actorId: world.team.members.lead.id,
        evaluationId: world.evaluationId,
        sourceEvaluationId: world.evaluationId,
      }),
    ).toEqual({ ok: false, reason: "SAME_EVALUATION", field: "sourceEvaluationId" });
  });

  it("copies only from an evaluation the person may set up: another team's setup answers NOT_FOUND and nothing is copied", async () => {
    const mine = await createStoryWorld(database.prisma);
    const theirs = await createStoryWorld(database.prisma);
    signInAs(mine.team.members.lead);
    expect(
      await actions.copyEvaluationSetup({ evaluationId: mine.evaluationId, sourceEvaluationId: theirs.evaluationId }),
    ).toEqual({ ok: false, error: "NOT_FOUND" });
    // As a panelist there, still not theirs to copy.
    await database.prisma.evaluationMember.create({
      data: buildMembership({
        evaluationId: theirs.evaluationId,
        userId: mine.team.members.lead.id,
        roles: ["PANELIST"],
      }),
    });
    expect(
      await actions.copyEvaluationSetup({ evaluationId: mine.evaluationId, sourceEvaluationId: theirs.evaluationId }),
    ).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(
      await database.prisma.auditEvent.count({
        where: { evaluationId: mine.evaluationId, action: "evaluation.setup.copy" },
      }),
    ).toBe(0);
  });
});
