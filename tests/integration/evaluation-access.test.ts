/**
 * The evaluation loaders against a real database: a member sees their evaluations only, an
 * outsider gets nothing (not even for an id they know), an admin sees all.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDomain, buildEvaluation, buildMembership, buildPlace, buildProject, buildUser } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let data: typeof import("@/lib/evaluations/data");

const member = buildUser({ name: "Member" });
const outsider = buildUser({ name: "Outsider" });
const admin = buildUser({ name: "Admin", isAdmin: true });
const mine = buildEvaluation({ name: "Mine" });
const theirs = buildEvaluation({ name: "Theirs" });

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  const { prisma } = database;
  await prisma.user.createMany({ data: [member, outsider, admin] });
  await prisma.evaluation.createMany({ data: [mine, theirs] });
  await prisma.evaluationMember.createMany({
    data: [
      buildMembership({ evaluationId: mine.id, userId: member.id, roles: ["LEAD", "ANALYST"] }),
      buildMembership({ evaluationId: theirs.id, userId: outsider.id, roles: ["EVALUATOR"] }),
    ],
  });
  await prisma.domain.createMany({
    data: [
      buildDomain({ evaluationId: mine.id, position: 2, nameEn: "Second" }),
      buildDomain({ evaluationId: mine.id, position: 1, nameEn: "First" }),
    ],
  });
  await prisma.project.createMany({ data: [buildProject({ evaluationId: mine.id })] });
  await prisma.place.createMany({
    data: [
      buildPlace({ evaluationId: mine.id, state: "Oaxaca", municipality: "Juchitán" }),
      buildPlace({ evaluationId: mine.id, state: "Oaxaca", municipality: "Tuxtepec" }),
      buildPlace({ evaluationId: mine.id, state: "Oaxaca", municipality: "Tuxtepec", community: "Centro" }),
      buildPlace({ evaluationId: mine.id, state: "Veracruz" }),
    ],
  });
  data = await import("@/lib/evaluations/data");
});

afterAll(async () => {
  await database?.close();
});

describe("listEvaluationsForUser", () => {
  it("lists only the evaluations the user is a member of, with their roles", async () => {
    const list = await data.listEvaluationsForUser({ id: member.id, isAdmin: false });
    expect(list.map((row) => [row.name, row.roles])).toEqual([["Mine", ["LEAD", "ANALYST"]]]);
  });

  it("lists every evaluation for an admin, with no roles where they are not a member", async () => {
    const list = await data.listEvaluationsForUser({ id: admin.id, isAdmin: true });
    expect(list.map((row) => [row.name, row.roles]).sort()).toEqual([
      ["Mine", []],
      ["Theirs", []],
    ]);
  });

  it("refuses a reader without an id instead of matching everything", async () => {
    await expect(data.listEvaluationsForUser({ id: undefined as unknown as string, isAdmin: false })).rejects.toThrow();
    await expect(data.listEvaluationsForUser({ id: "", isAdmin: false })).rejects.toThrow();
  });
});

describe("getEvaluationOverview", () => {
  it("gives a member the overview, domains in order and municipalities counted per state", async () => {
    const overview = await data.getEvaluationOverview(mine.id, { id: member.id, isAdmin: false });
    expect(overview?.name).toBe("Mine");
    expect(overview?.domains.map((domain) => domain.nameEn)).toEqual(["First", "Second"]);
    expect(overview?.projects).toHaveLength(1);
    expect(overview?.states.sort((a, b) => a.state.localeCompare(b.state))).toEqual([
      // Mexican states: no country row (decision 0031), the region named as the state.
      { state: "Oaxaca", region: "Oaxaca", country: null, municipalityCount: 2 },
      { state: "Veracruz", region: "Veracruz", country: null, municipalityCount: 0 },
    ]);
    expect(overview?.team).toEqual([expect.objectContaining({ name: "Member", roles: ["LEAD", "ANALYST"] })]);
  });

  it("selects no password hash, e-mail or session data", async () => {
    const overview = await data.getEvaluationOverview(mine.id, { id: member.id, isAdmin: false });
    const text = JSON.stringify(overview);
    expect(text).not.toMatch(/passwordHash|email|session/i);
  });

  it("gives an outsider nothing for an evaluation whose id they know", async () => {
    expect(await data.getEvaluationOverview(mine.id, { id: outsider.id, isAdmin: false })).toBeNull();
  });

  it("gives nothing for an unknown, empty or oversized id", async () => {
    const reader = { id: member.id, isAdmin: false };
    expect(await data.getEvaluationOverview("does-not-exist", reader)).toBeNull();
    expect(await data.getEvaluationOverview("", reader)).toBeNull();
    expect(await data.getEvaluationOverview("x".repeat(500), reader)).toBeNull();
  });

  it("gives an admin any evaluation", async () => {
    const overview = await data.getEvaluationOverview(theirs.id, { id: admin.id, isAdmin: true });
    expect(overview?.name).toBe("Theirs");
  });
});
