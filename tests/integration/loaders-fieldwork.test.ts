/**
 * The interview and focus group loaders and the list pages' frame against a real PostgreSQL: who
 * gets null, who may edit, that opening a transcript is audited, and that the frame around a
 * list holds only the evaluation's name and filter choices.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStoryWorld, type StoryWorld } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { readerOf } from "@/tests/support/reader";

let database: TestDatabase;
let world: StoryWorld;
let elsewhere: StoryWorld;
let interviews: typeof import("@/lib/interviews/loaders");
let focusGroups: typeof import("@/lib/focus-groups/loaders");
let frames: typeof import("@/lib/fieldwork/list-loaders");

const member = (role: "lead" | "evaluator" | "analyst" | "panelist" | "reviewer") =>
  readerOf(world.team.members[role]!);
const state = { page: 1, pageSize: 25, sort: { id: "date", desc: true }, columns: [], filters: {} };
const transcriptReads = () =>
  database.prisma.auditEvent.count({
    where: { evaluationId: world.evaluationId, action: "interview.transcript.read" },
  });

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [interviews, focusGroups, frames] = await Promise.all([
    import("@/lib/interviews/loaders"),
    import("@/lib/focus-groups/loaders"),
    import("@/lib/fieldwork/list-loaders"),
  ]);
  world = await createStoryWorld(database.prisma);
  elsewhere = await createStoryWorld(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

describe("the fieldwork loaders", () => {
  it("are null for an outsider, members who may not read fieldwork, and no reader, and audit no read for them", async () => {
    const { evaluationId, interview, focusGroup } = world;
    for (const who of [readerOf(world.team.outsider), member("panelist"), member("reviewer"), null]) {
      expect(await interviews.loadInterviewList(evaluationId, who, state)).toBeNull();
      expect(await interviews.loadInterviewPage(evaluationId, interview.id, who)).toBeNull();
      expect(await interviews.loadInterviewForm(evaluationId, interview.id, who)).toBeNull();
      expect(await interviews.loadNewInterviewForm(evaluationId, who)).toBeNull();
      expect(await focusGroups.loadFocusGroupList(evaluationId, who, state)).toBeNull();
      expect(await focusGroups.loadFocusGroupPage(evaluationId, focusGroup.id, who)).toBeNull();
      expect(await frames.loadListFrame(evaluationId, who, "interview.view", "interview.edit")).toBeNull();
    }
    expect(await transcriptReads()).toBe(0);
  });

  it("let an analyst read a record, its transcript (audited) and the lists, but open no form", async () => {
    const view = (await interviews.loadInterviewPage(world.evaluationId, world.interview.id, member("analyst")))!;
    expect(view.canEdit).toBe(false);
    expect(view.record.transcriptOriginal).toContain("Votamos en secreto");
    expect(view.excerpts.length).toBe(1);
    expect(await transcriptReads()).toBe(1);
    expect(
      (await focusGroups.loadFocusGroupPage(world.evaluationId, world.focusGroup.id, member("analyst")))?.record.topic,
    ).toBe("Justicia laboral");
    expect((await interviews.loadInterviewList(world.evaluationId, member("analyst"), state))?.total).toBe(1);
    expect((await focusGroups.loadFocusGroupList(world.evaluationId, member("analyst"), state))?.total).toBe(1);
    expect(await interviews.loadInterviewForm(world.evaluationId, world.interview.id, member("analyst"))).toBeNull();
    expect(await focusGroups.loadNewFocusGroupForm(world.evaluationId, member("analyst"))).toBeNull();
  });

  it("give an evaluator the forms, with themselves as the new record's first team member", async () => {
    expect(
      (await interviews.loadInterviewPage(world.evaluationId, world.interview.id, member("evaluator")))?.canEdit,
    ).toBe(true);
    const fresh = (await interviews.loadNewInterviewForm(world.evaluationId, member("evaluator")))!;
    expect(fresh.ownTeam).toEqual([world.team.members.evaluator!.id]);
    const form = (await focusGroups.loadFocusGroupForm(world.evaluationId, world.focusGroup.id, member("evaluator")))!;
    expect(form.record.topic).toBe("Justicia laboral");
    expect(form.evaluationName).toBe(world.team.evaluation.name);
  });

  it("find no record of another evaluation, whatever the reader may do there", async () => {
    const lead = readerOf(elsewhere.team.members.lead);
    expect(await interviews.loadInterviewPage(elsewhere.evaluationId, world.interview.id, lead)).toBeNull();
    expect(await interviews.loadInterviewForm(elsewhere.evaluationId, world.interview.id, lead)).toBeNull();
    expect(await focusGroups.loadFocusGroupPage(elsewhere.evaluationId, world.focusGroup.id, lead)).toBeNull();
  });
});

describe("a list page's frame", () => {
  it("holds the name and filter choices, and what this reader may do", async () => {
    const forLead = (await frames.loadListFrame(
      world.evaluationId,
      member("lead"),
      "respondent.view",
      "respondent.edit",
    ))!;
    expect(Object.keys(forLead.evaluation).sort()).toEqual(["atRiskGroups", "domains", "name", "states"]);
    expect(forLead.evaluation.name).toBe(world.team.evaluation.name);
    expect(forLead.evaluation.states.map((row) => row.state).sort()).toEqual(["Coahuila", "Oaxaca"]);
    expect(forLead.evaluation.domains).toHaveLength(3);
    expect(forLead).toMatchObject({ canCreate: true, canExportIdentified: true });
    const forAnalyst = (await frames.loadListFrame(
      world.evaluationId,
      member("analyst"),
      "respondent.view",
      "respondent.edit",
    ))!;
    expect(forAnalyst).toMatchObject({ canCreate: false, canExportIdentified: false });
    // Stories are read by panelists too.
    expect(
      (await frames.loadListFrame(world.evaluationId, member("panelist"), "story.view", "story.edit"))?.canCreate,
    ).toBe(false);
  });
});
