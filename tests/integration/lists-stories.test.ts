/**
 * The stories table's loader on a real database: pages without gaps or repeats, every filter,
 * every sort (both ways), only this evaluation's stories, and only readers with `story.view`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildChangeStory,
  buildDomainAssignment,
  buildPlace,
  createEvaluationWithTeam,
  newId,
  type EvaluationWithTeam,
} from "@/tests/factories";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StoryFilters } from "@/lib/tables/lists";
import type { TableState } from "@/lib/tables/url-state";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { readerOf } from "@/tests/support/reader";

let database: TestDatabase;
let mine: EvaluationWithTeam;
let theirs: EvaluationWithTeam;
let loadStoryList: typeof import("@/lib/stories/loaders").loadStoryList;
let foreignId: string;

const STAGES = ["DRAFT", "SUBMITTED", "SCREENED"] as const;
const TYPES = ["POSITIVE", "NEGATIVE", "NO_CHANGE"] as const;
const STATES = ["Oaxaca", "Veracruz", "San Luis Potosí"];
const COUNT = 12;

function state(overrides: Partial<TableState<StoryFilters>> = {}): TableState<StoryFilters> {
  return { page: 1, pageSize: 100, sort: { id: "code", desc: false }, columns: [], filters: {}, ...overrides };
}

async function codes(filters: StoryFilters, sort = { id: "code", desc: false }) {
  const page = await loadStoryList(mine.evaluation.id, readerOf(mine.members.lead), state({ filters, sort }));
  return page!.rows.map((row) => row.code);
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  ({ loadStoryList } = await import("@/lib/stories/loaders"));
  const { prisma } = database;
  mine = await createEvaluationWithTeam(prisma, { domainCount: 3 });
  theirs = await createEvaluationWithTeam(prisma, { domainCount: 1 });

  const places = STATES.map((name) => buildPlace({ evaluationId: mine.evaluation.id, state: name }));
  const theirPlace = buildPlace({ evaluationId: theirs.evaluation.id, state: "Oaxaca" });
  await prisma.place.createMany({ data: [...places, theirPlace] });

  const lead = mine.members.lead.id;
  const stories = Array.from({ length: COUNT }, (_, index) =>
    buildChangeStory({
      evaluationId: mine.evaluation.id,
      authorId: lead,
      codeNumber: index + 1,
      // Titles in an order different from the codes: "Historia L", "Historia K", ...
      title: `Historia ${String.fromCharCode(76 - index)}`,
      stage: STAGES[index % 3],
      changeType: TYPES[index % 3],
      periodFrom: new Date(Date.UTC(2015 + ((index * 5) % 12), 0, 1)),
      updatedAt: new Date(Date.UTC(2024, 0, 1 + index, 12)),
    }),
  );
  const foreign = buildChangeStory({
    evaluationId: theirs.evaluation.id,
    authorId: theirs.members.lead.id,
    codeNumber: 1,
    title: "Historia L",
    stage: "DRAFT",
  });
  foreignId = foreign.id;
  await prisma.changeStory.createMany({ data: [...stories, foreign] });
  // updatedAt is set by Prisma on write; put the intended days back.
  for (const story of stories) {
    await prisma.$executeRaw`UPDATE change_story SET updated_at = ${story.updatedAt as Date} WHERE id = ${story.id}`;
  }

  const [d1, d2, d3] = mine.domains;
  const assignments: Prisma.DomainAssignmentCreateManyInput[] = [];
  const assign = (storyId: string, domainId: string, rest: Partial<Prisma.DomainAssignmentCreateManyInput> = {}) =>
    assignments.push(
      buildDomainAssignment({ evaluationId: mine.evaluation.id, storyId, domainId, assignedById: lead, ...rest }),
    );
  stories.forEach((story, index) => {
    // Stories 1-6: current primary d1; 7-9: d2; 10-12: none. Story 7 was in d1 before (ended).
    if (index < 6) assign(story.id, d1!.id);
    else if (index < 9) assign(story.id, d2!.id);
    if (index === 6) assign(story.id, d1!.id, { endedAt: new Date("2024-02-01"), endedById: lead });
    // A secondary assignment to d3 never counts as the primary domain.
    if (index === 0) assign(story.id, d3!.id, { kind: "SECONDARY" });
  });
  assignments.push(
    buildDomainAssignment({
      evaluationId: theirs.evaluation.id,
      storyId: foreign.id,
      domainId: theirs.domains[0]!.id,
      assignedById: theirs.members.lead.id,
    }),
  );
  await prisma.domainAssignment.createMany({ data: assignments });

  await prisma.storyPlace.createMany({
    data: [
      ...stories.map((story, index) => ({
        id: newId(),
        evaluationId: mine.evaluation.id,
        storyId: story.id,
        placeId: places[index % 3]!.id,
      })),
      // Story 1 also in Veracruz; a second place in the same state is not counted twice.
      { id: newId(), evaluationId: mine.evaluation.id, storyId: stories[0]!.id, placeId: places[1]!.id },
      { id: newId(), evaluationId: theirs.evaluation.id, storyId: foreign.id, placeId: theirPlace.id },
    ],
  });
});

afterAll(async () => {
  await database?.close();
});

describe("stories table: pages", () => {
  it("pages through every story once, in order, with the total and page count", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const result = await loadStoryList(mine.evaluation.id, readerOf(mine.members.lead), state({ page, pageSize: 5 }));
      expect(result).toMatchObject({ total: COUNT, page, pageSize: 5, pageCount: 3 });
      seen.push(...result!.rows.map((row) => row.code));
    }
    expect(seen).toEqual(Array.from({ length: COUNT }, (_, i) => `CS-${String(i + 1).padStart(4, "0")}`));
  });

  it("shows the last page for a page past the end, and an empty first page when nothing matches", async () => {
    const past = await loadStoryList(mine.evaluation.id, readerOf(mine.members.lead), state({ page: 99, pageSize: 5 }));
    expect(past).toMatchObject({ page: 3, pageCount: 3, total: COUNT });
    expect(past!.rows.map((row) => row.code)).toEqual(["CS-0011", "CS-0012"]);
    const none = await loadStoryList(
      mine.evaluation.id,
      readerOf(mine.members.lead),
      state({ page: 4, filters: { q: "zzzzqqq" } }),
    );
    expect(none).toMatchObject({ rows: [], total: 0, page: 1, pageCount: 1 });
  });

  it("gives each row its current primary domain and its states, once each and in order", async () => {
    const result = await loadStoryList(mine.evaluation.id, readerOf(mine.members.lead), state());
    const first = result!.rows[0]!;
    expect(first.primaryDomainId).toBe(mine.domains[0]!.id);
    expect(first.states).toEqual(["Oaxaca", "Veracruz"]);
    expect(result!.rows[6]!.primaryDomainId).toBe(mine.domains[1]!.id);
    expect(result!.rows[11]!.primaryDomainId).toBeNull();
    expect(first.headline).toBeNull();
  });
});

describe("stories table: filters", () => {
  it("filters by current primary domain only (not ended, not secondary)", async () => {
    expect(await codes({ domain: mine.domains[0]!.id })).toEqual([
      "CS-0001",
      "CS-0002",
      "CS-0003",
      "CS-0004",
      "CS-0005",
      "CS-0006",
    ]);
    expect(await codes({ domain: mine.domains[1]!.id })).toEqual(["CS-0007", "CS-0008", "CS-0009"]);
    expect(await codes({ domain: mine.domains[2]!.id })).toEqual([]);
    const counted = await loadStoryList(
      mine.evaluation.id,
      readerOf(mine.members.lead),
      state({ filters: { domain: mine.domains[0]!.id }, pageSize: 5 }),
    );
    expect(counted).toMatchObject({ total: 6, pageCount: 2 });
  });

  it("filters by at-risk group, alone and with other filters", async () => {
    const stories = await database.prisma.changeStory.findMany({
      where: { evaluationId: mine.evaluation.id, code: { in: ["CS-0001", "CS-0002", "CS-0004"] } },
      select: { id: true, code: true },
    });
    const [women, families] = mine.atRiskGroups;
    await database.prisma.storyAtRiskGroup.createMany({
      data: stories.map((story) => ({
        evaluationId: mine.evaluation.id,
        storyId: story.id,
        groupId: story.code === "CS-0002" ? families!.id : women!.id,
      })),
    });
    expect(await codes({ atRiskGroup: women!.id })).toEqual(["CS-0001", "CS-0004"]);
    expect(await codes({ atRiskGroup: families!.id })).toEqual(["CS-0002"]);
    expect(await codes({ atRiskGroup: women!.id, stage: "DRAFT" })).toEqual(["CS-0001", "CS-0004"]);
    expect(await codes({ atRiskGroup: women!.id, domain: mine.domains[1]!.id })).toEqual([]);
    expect(await codes({ atRiskGroup: theirs.atRiskGroups[0]!.id })).toEqual([]);
    await database.prisma.storyAtRiskGroup.deleteMany({ where: { evaluationId: mine.evaluation.id } });
  });

  it("filters by stage and by type of change", async () => {
    expect(await codes({ stage: "SUBMITTED" })).toEqual(["CS-0002", "CS-0005", "CS-0008", "CS-0011"]);
    expect(await codes({ changeType: "NO_CHANGE" })).toEqual(["CS-0003", "CS-0006", "CS-0009", "CS-0012"]);
    expect(await codes({ stage: "SCREENED", changeType: "NO_CHANGE", domain: mine.domains[0]!.id })).toEqual([
      "CS-0003",
      "CS-0006",
    ]);
  });

  it("filters by state through the story's places", async () => {
    expect(await codes({ state: "Veracruz" })).toEqual(["CS-0001", "CS-0002", "CS-0005", "CS-0008", "CS-0011"]);
    expect(await codes({ state: "San Luis Potosí" })).toEqual(["CS-0003", "CS-0006", "CS-0009", "CS-0012"]);
    expect(await codes({ state: "Chiapas" })).toEqual([]);
  });

  it("filters by update date, both ends inclusive of the whole day", async () => {
    expect(await codes({ updatedFrom: "2024-01-03", updatedTo: "2024-01-05" })).toEqual([
      "CS-0003",
      "CS-0004",
      "CS-0005",
    ]);
    expect(await codes({ updatedFrom: "2024-01-12" })).toEqual(["CS-0012"]);
    expect(await codes({ updatedTo: "2024-01-01" })).toEqual(["CS-0001"]);
  });

  it("never shows another evaluation's stories, whatever the filters", async () => {
    const all = await loadStoryList(mine.evaluation.id, readerOf(mine.members.lead), state());
    expect(all!.rows.map((row) => row.id)).not.toContain(foreignId);
    expect(all!.total).toBe(COUNT);
    expect(await codes({ domain: theirs.domains[0]!.id })).toEqual([]);
    expect(await codes({ stage: "DRAFT" })).toEqual(["CS-0001", "CS-0004", "CS-0007", "CS-0010"]);
    const theirRows = await loadStoryList(theirs.evaluation.id, readerOf(theirs.members.lead), state());
    expect(theirRows!.rows.map((row) => row.id)).toEqual([foreignId]);
  });
});

describe("stories table: sorts", () => {
  const cases: Array<[string, (codes: number[]) => number[]]> = [
    ["code", (n) => n],
    ["title", (n) => [...n].reverse()],
    ["updatedAt", (n) => n],
  ];
  it.each(cases)("sorts by %s both ways", async (id, expected) => {
    const numbers = Array.from({ length: COUNT }, (_, i) => i + 1);
    const asc = (await codes({}, { id, desc: false })).map((code) => Number(code.slice(3)));
    const desc = (await codes({}, { id, desc: true })).map((code) => Number(code.slice(3)));
    expect(asc).toEqual(expected(numbers));
    expect(desc).toEqual([...expected(numbers)].reverse());
  });

  it.each([
    ["stage", ["DRAFT", "SUBMITTED", "SCREENED"]],
    ["changeType", ["POSITIVE", "NEGATIVE", "NO_CHANGE"]],
  ] as const)("sorts by %s in the enum's order, ties by id, both ways", async (id, order) => {
    const result = await loadStoryList(
      mine.evaluation.id,
      readerOf(mine.members.lead),
      state({ sort: { id, desc: false } }),
    );
    const values = result!.rows.map((row) => row[id]);
    expect(values).toEqual([...values].sort((a, b) => order.indexOf(a as never) - order.indexOf(b as never)));
    const desc = await loadStoryList(
      mine.evaluation.id,
      readerOf(mine.members.lead),
      state({ sort: { id, desc: true } }),
    );
    expect(desc!.rows.map((row) => row.id)).toEqual(result!.rows.map((row) => row.id).reverse());
  });

  it("sorts by period start", async () => {
    const result = await loadStoryList(
      mine.evaluation.id,
      readerOf(mine.members.lead),
      state({ sort: { id: "period", desc: false } }),
    );
    const starts = result!.rows.map((row) => row.periodFrom!.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe("stories table: who may read it", () => {
  it("lets leads, evaluators and analysts read all of it, and panelists their opened rounds' stories (none here)", async () => {
    for (const role of ["lead", "evaluator", "analyst"] as const) {
      const result = await loadStoryList(mine.evaluation.id, readerOf(mine.members[role]!), state());
      expect(result?.total, role).toBe(COUNT);
    }
    expect((await loadStoryList(mine.evaluation.id, readerOf(mine.members.panelist!), state()))?.total).toBe(0);
  });

  it("refuses reviewers, outsiders, members of another evaluation, anonymous readers and unknown evaluations", async () => {
    expect(await loadStoryList(mine.evaluation.id, readerOf(mine.members.reviewer!), state())).toBeNull();
    expect(await loadStoryList(mine.evaluation.id, readerOf(mine.outsider), state())).toBeNull();
    expect(await loadStoryList(mine.evaluation.id, readerOf(theirs.members.lead), state())).toBeNull();
    expect(await loadStoryList(mine.evaluation.id, null, state())).toBeNull();
    expect(await loadStoryList("no-such-evaluation", readerOf(mine.members.lead), state())).toBeNull();
  });

  it("refuses an administrator who is not a member (respondent-level fieldwork is not theirs)", async () => {
    const admin = { id: mine.outsider.id, isAdmin: true };
    // story.view is not an administrator's permission.
    expect(await loadStoryList(mine.evaluation.id, admin, state())).toBeNull();
  });
});
