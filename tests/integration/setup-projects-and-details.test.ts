/**
 * The portfolio of projects and the evaluation's own details, on PostgreSQL: each change with its
 * audit event, acronyms and names unique per evaluation whatever their accents, version-checked
 * edits, retirement that keeps history, deletion only of what nothing names.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDay } from "@/lib/core/calendar-day";
import { projectFieldsSchema } from "@/lib/projects/schema";
import { updateEvaluationSchema } from "@/lib/evaluations/schema";
import { buildInterview, createEvaluationWithTeam, createStoryWorld, type EvaluationWithTeam } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { storyFields } from "./story-world";

let database: TestDatabase;
let projects: typeof import("@/lib/projects/mutations");
let evaluations: typeof import("@/lib/evaluations/mutations");

const project = (overrides: Record<string, unknown> = {}) =>
  projectFieldsSchema.parse({
    acronym: "Sustentar",
    name: "Sustainability systems project",
    managingOffice: "OCFT",
    fundingStreams: "USMCA",
    startDate: "2022-01-01",
    endDate: "2025-12-31",
    notes: "",
    ...overrides,
  });

async function freshTeam() {
  return createEvaluationWithTeam(database.prisma, { domainCount: 0, projectCount: 0, roles: ["LEAD"] });
}
const by = (t: EvaluationWithTeam) => ({ actorId: t.members.lead.id, evaluationId: t.evaluation.id });
const events = (evaluationId: string, action: string) =>
  database.prisma.auditEvent.findMany({ where: { evaluationId, action }, orderBy: { sequence: "asc" } });

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [projects, evaluations] = await Promise.all([
    import("@/lib/projects/mutations"),
    import("@/lib/evaluations/mutations"),
  ]);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("the project form's schema", () => {
  it("reads funding streams typed on one line as a list without repeats", () => {
    expect(project({ fundingStreams: " USMCA, non-USMCA ; USMCA ," }).fundingStreams).toEqual(["USMCA", "non-USMCA"]);
  });

  it("refuses an end before the start, an impossible day, and overlong text, at the field", () => {
    const errors = (input: Record<string, unknown>) =>
      projectFieldsSchema
        .safeParse({ acronym: "A", name: "N", managingOffice: "O", fundingStreams: "", ...input })
        .error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(errors({ startDate: "2024-05-01", endDate: "2024-04-30" })).toEqual([["endDate", "endBeforeStart"]]);
    expect(errors({ startDate: "2024-02-30" })).toEqual([["startDate", "dateInvalid"]]);
    // A month or day Date cannot read at all ("2024-13-01") used to throw instead of answering at the field.
    expect(errors({ startDate: "2024-13-01" })).toEqual([["startDate", "dateInvalid"]]);
    expect(errors({ endDate: "2024-02-32" })).toEqual([["endDate", "dateInvalid"]]);
    expect(errors({ acronym: "x".repeat(61) })).toEqual([["acronym", "tooLong"]]);
    expect(errors({ name: "  " })).toEqual([["name", "required"]]);
  });
});

describe("projects", () => {
  it("creates a project with its dates and notes, and its audit event", async () => {
    const t = await freshTeam();
    const created = await projects.createProject({ ...by(t), project: project() });
    if (!created.ok) throw new Error(created.reason);
    const row = await database.prisma.project.findUniqueOrThrow({ where: { id: created.projectId } });
    expect(row).toMatchObject({
      acronym: "Sustentar",
      acronymKey: "sustentar",
      managingOffice: "OCFT",
      fundingStreams: ["USMCA"],
      notes: null,
      version: 1,
    });
    expect(isoDay(row.startDate)).toBe("2022-01-01");
    expect(await events(t.evaluation.id, "project.create")).toMatchObject([
      { recordId: created.projectId, after: { acronym: "Sustentar", startDate: "2022-01-01" } },
    ]);
  });

  it("refuses a second project with the same acronym or name, whatever its accents or case", async () => {
    const t = await freshTeam();
    await projects.createProject({ ...by(t), project: project({ acronym: "Acción Sindical", name: "Proyecto uno" }) });
    expect(
      await projects.createProject({
        ...by(t),
        project: project({ acronym: "ACCION sindical", name: "Proyecto dos" }),
      }),
    ).toEqual({ ok: false, reason: "DUPLICATE_ACRONYM", field: "acronym" });
    expect(
      await projects.createProject({ ...by(t), project: project({ acronym: "Otro", name: "proyecto UNO" }) }),
    ).toEqual({ ok: false, reason: "DUPLICATE_NAME", field: "name" });
    expect(await database.prisma.project.count({ where: { evaluationId: t.evaluation.id } })).toBe(1);
  });

  it("edits as the person saw it: the older of two edits is refused, and the audit holds only what changed", async () => {
    const t = await freshTeam();
    const created = await projects.createProject({ ...by(t), project: project() });
    if (!created.ok) throw new Error(created.reason);
    const edit = (notes: string) =>
      projects.updateProject({
        ...by(t),
        projectId: created.projectId,
        expectedVersion: 1,
        project: project({ notes }),
      });
    const results = await Promise.all([edit("First note."), edit("Second note.")]);
    expect(results.filter((result) => result.ok)).toEqual([{ ok: true, version: 2 }]);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "STALE_VERSION" }]);
    const [event] = await events(t.evaluation.id, "project.update");
    expect(Object.keys(event!.after as object)).toEqual(["notes"]);
  });

  it("deletes a project nothing names; one an interview names is retired instead, and can come back", async () => {
    const t = await freshTeam();
    const unused = await projects.createProject({
      ...by(t),
      project: project({ acronym: "Borrar", name: "To delete" }),
    });
    const used = await projects.createProject({ ...by(t), project: project() });
    if (!unused.ok || !used.ok) throw new Error("not created");
    expect(await projects.deleteProject({ ...by(t), projectId: unused.projectId, expectedVersion: 1 })).toEqual({
      ok: true,
    });
    const interview = buildInterview({ evaluationId: t.evaluation.id });
    await database.prisma.interview.create({ data: interview });
    await database.prisma.interviewProject.create({
      data: { evaluationId: t.evaluation.id, interviewId: interview.id, projectId: used.projectId },
    });
    expect(await projects.deleteProject({ ...by(t), projectId: used.projectId, expectedVersion: 1 })).toEqual({
      ok: false,
      reason: "PROJECT_IN_USE",
    });
    expect(await projects.retireProject({ ...by(t), projectId: used.projectId, expectedVersion: 1 })).toEqual({
      ok: true,
    });
    expect(
      (await database.prisma.project.findUniqueOrThrow({ where: { id: used.projectId } })).retiredAt,
    ).not.toBeNull();
    expect(await projects.restoreProject({ ...by(t), projectId: used.projectId, expectedVersion: 2 })).toEqual({
      ok: true,
    });
    expect(await events(t.evaluation.id, "project.delete")).toMatchObject([
      { recordId: unused.projectId, before: { acronym: "Borrar" } },
    ]);
    expect(
      (await events(t.evaluation.id, "project.retire")).length +
        (await events(t.evaluation.id, "project.restore")).length,
    ).toBe(2);
  });

  it("cannot reach a project of another evaluation", async () => {
    const mine = await freshTeam();
    const theirs = await freshTeam();
    const created = await projects.createProject({ ...by(theirs), project: project() });
    if (!created.ok) throw new Error(created.reason);
    await expect(
      projects.updateProject({
        ...by(mine),
        projectId: created.projectId,
        expectedVersion: 1,
        project: project({ notes: "x" }),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      projects.deleteProject({ ...by(mine), projectId: created.projectId, expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await database.prisma.project.count({ where: { id: created.projectId, version: 1 } })).toBe(1);
  });
});

describe("a retired project in a story's contributions", () => {
  it("cannot be added anew, and stays on a story that already names it", async () => {
    const world = await createStoryWorld(database.prisma);
    const stories = await import("@/lib/stories/mutations");
    const projectId = world.team.projects[0]!.id;
    const story = (contributions: Array<{ projectId: string; howContributed: string }>) =>
      storyFields(world, { whatChanged: "Qué.", storytellerIds: [], sources: [], contributions });
    const actor = { actorId: world.team.members.evaluator!.id, evaluationId: world.evaluationId };
    const named = await stories.createStory({
      ...actor,
      story: story([{ projectId, howContributed: "Capacitó a inspectores." }]),
    });
    if (!named.ok) throw new Error(named.reason);
    await database.prisma.project.update({ where: { id: projectId }, data: { retiredAt: new Date() } });
    expect(await stories.createStory({ ...actor, story: story([{ projectId, howContributed: "Otra vez." }]) })).toEqual(
      { ok: false, reason: "PROJECT_RETIRED", field: "contributions.0.projectId" },
    );
    const kept = await stories.updateStory({
      ...actor,
      storyId: named.storyId,
      expectedVersion: named.version,
      story: story([{ projectId, howContributed: "Capacitó a inspectores en 2023." }]),
    });
    expect(kept).toMatchObject({ ok: true });
  });
});

describe("the evaluation's details", () => {
  const details = (t: EvaluationWithTeam, overrides: Record<string, unknown> = {}) =>
    updateEvaluationSchema.parse({
      evaluationId: t.evaluation.id,
      expectedVersion: 1,
      name: t.evaluation.name,
      client: "U.S. Department of Labor, ILAB",
      evaluatorOrganisation: "NORC at the University of Chicago",
      periodStart: "2024-03-01",
      periodEnd: "2025-05-31",
      languages: ["EN", "ES"],
      description: "",
      ...overrides,
    });

  it("saves what changed with the language order, bumps the version, and audits only the changes", async () => {
    const t = await freshTeam();
    expect(await evaluations.updateEvaluation(t.members.lead.id, details(t))).toEqual({ version: 2 });
    const row = await database.prisma.evaluation.findUniqueOrThrow({ where: { id: t.evaluation.id } });
    expect(row).toMatchObject({ client: "U.S. Department of Labor, ILAB", languages: ["EN", "ES"], version: 2 });
    const [event] = await events(t.evaluation.id, "evaluation.update");
    expect(event).toMatchObject({
      before: { client: "Test funder", languages: ["ES", "EN"] },
      after: { client: "U.S. Department of Labor, ILAB", languages: ["EN", "ES"] },
    });
    expect(Object.keys(event!.after as object).sort()).toEqual(["client", "evaluatorOrganisation", "languages"]);
  });

  it("refuses an edit made on an older version, and writes nothing", async () => {
    const t = await freshTeam();
    await evaluations.updateEvaluation(t.members.lead.id, details(t, { name: "Renamed once" }));
    expect(
      await evaluations.updateEvaluation(t.members.lead.id, details(t, { name: "Renamed from an old page" })),
    ).toEqual({ rejected: "STALE_VERSION" });
    expect((await database.prisma.evaluation.findUniqueOrThrow({ where: { id: t.evaluation.id } })).name).toBe(
      "Renamed once",
    );
    expect(await events(t.evaluation.id, "evaluation.update")).toHaveLength(1);
  });

  it("refuses a period that ends before it starts, at the field", () => {
    const t = { evaluation: { id: "e1", name: "E" } } as EvaluationWithTeam;
    const parsed = updateEvaluationSchema.safeParse({
      ...details(t),
      periodStart: "2025-01-01",
      periodEnd: "2024-12-31",
    });
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["periodEnd", "validation.periodEndBeforeStart"],
    ]);
  });
});
