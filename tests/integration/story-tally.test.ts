/**
 * The story tally (story_tally, decision 0049) is kept by triggers: after every kind of write to
 * the rows it comes from, each story's tally equals a recount made here in TypeScript from the
 * rows themselves (storytellers not excluded and their type, gender, state and at-risk groups;
 * the interviewers of its source interviews, directly or through an excerpt; its places'
 * regions; its stage, change type, period, current primary domain, projects and at-risk tags).
 * The writes go straight to the tables, as any code path could, not through the app's
 * mutations. Two transactions that change one story at once leave it right too.
 *
 * The story counts summed from the tally (story_count, decision 0053) are checked at the same
 * points, against the same recount, before and after their appended rows are folded.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildChangeStory, buildDomainAssignment, buildExcerpt, buildPlace, newId } from "@/tests/factories";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createDashboardMetaWorld, type DashboardMetaWorld } from "./dashboard-meta-world";

let database: TestDatabase;
let prisma: PrismaClient;
let world: DashboardMetaWorld;
let evaluationId: string;

const distinct = (values: Array<string | null>) => [...new Set(values)].sort() as string[];

/** Each story's tally as the rows say it should be. */
async function recount() {
  const stories = await prisma.changeStory.findMany({
    where: { evaluationId },
    select: {
      id: true,
      stage: true,
      changeType: true,
      periodFrom: true,
      periodTo: true,
      domainAssignments: { where: { kind: "PRIMARY", endedAt: null }, select: { domainId: true } },
      contributions: { select: { projectId: true } },
      atRiskGroups: { select: { groupId: true } },
      storytellers: {
        select: {
          respondent: {
            select: {
              id: true,
              type: true,
              gender: true,
              state: true,
              excludedAt: true,
              atRiskGroups: { select: { groupId: true } },
            },
          },
        },
      },
      sources: {
        select: {
          interview: { select: { interviewers: { select: { userId: true } } } },
          excerpt: { select: { interview: { select: { interviewers: { select: { userId: true } } } } } },
        },
      },
      places: { select: { place: { select: { state: true, countryCode: true } } } },
    },
  });
  return new Map(
    stories.map((story) => {
      const tellers = story.storytellers.map((t) => t.respondent).filter((r) => r.excludedAt === null);
      const interviews = story.sources.map((source) => source.interview ?? source.excerpt?.interview ?? null);
      return [
        story.id,
        {
          storytellerIds: distinct(tellers.map((r) => r.id)),
          storytellerGroups: distinct(
            tellers.flatMap((r) => [
              `type:${r.type}`,
              `gender:${r.gender}`,
              `state:${r.state}`,
              ...r.atRiskGroups.map((g) => `atRisk:${g.groupId}`),
            ]),
          ),
          interviewerIds: distinct(interviews.flatMap((i) => i?.interviewers.map((x) => x.userId) ?? [])),
          placeRegions: distinct(
            story.places.map(({ place }) => (place.countryCode ? `${place.countryCode}:${place.state}` : place.state)),
          ),
          stage: story.stage,
          changeType: story.changeType,
          periodFrom: story.periodFrom,
          periodTo: story.periodTo,
          primaryDomainId: story.domainAssignments[0]?.domainId ?? null,
          projectIds: distinct(story.contributions.map((c) => c.projectId)),
          atRiskGroupIds: distinct(story.atRiskGroups.map((g) => g.groupId)),
        },
      ];
    }),
  );
}

async function stored() {
  const rows = await prisma.storyTally.findMany({ where: { evaluationId } });
  const sorted = (values: string[]) => [...values].sort();
  return new Map(
    rows.map(({ storyId, evaluationId: _e, ...tally }) => [
      storyId,
      {
        ...tally,
        storytellerIds: sorted(tally.storytellerIds),
        storytellerGroups: sorted(tally.storytellerGroups),
        interviewerIds: sorted(tally.interviewerIds),
        placeRegions: sorted(tally.placeRegions),
        projectIds: sorted(tally.projectIds),
        atRiskGroupIds: sorted(tally.atRiskGroupIds),
      },
    ]),
  );
}

type Tally = ReturnType<typeof recount> extends Promise<Map<string, infer T>> ? T : never;
const year = (day: Date | null) => (day ? day.getUTCFullYear() : null);

/**
 * What the story counts should sum to, from the recounted tallies: per stage, primary domain,
 * change type and period years, each story under itself, its storyteller groups, its interviewers
 * and regions (none: one null) and its at-risk tags.
 */
function countsOf(tallies: Map<string, Tally>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const tally of tallies.values()) {
    const under: Array<[string, Array<string | null>]> = [
      ["STORY", [null]],
      ["GROUP", tally.storytellerGroups],
      ["INTERVIEWER", tally.interviewerIds.length > 0 ? tally.interviewerIds : [null]],
      ["REGION", tally.placeRegions.length > 0 ? tally.placeRegions : [null]],
      ["TAG", tally.atRiskGroupIds],
    ];
    for (const [kind, keys] of under) {
      for (const key of keys) {
        const name = JSON.stringify([
          kind,
          key,
          tally.stage,
          tally.primaryDomainId,
          tally.changeType,
          year(tally.periodFrom),
          year(tally.periodTo),
        ]);
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** The story counts as stored, appended rows and folded ones summed per key. */
async function storedCounts(): Promise<Map<string, number>> {
  const rows = await prisma.$queryRaw<Array<{ name: unknown[]; stories: number }>>`
    SELECT json_build_array(kind, key, stage, primary_domain_id, change_type, period_from_year, period_to_year) AS name,
           sum(stories)::int AS stories
      FROM story_count WHERE evaluation_id = ${evaluationId}
     GROUP BY kind, key, stage, primary_domain_id, change_type, period_from_year, period_to_year
    HAVING sum(stories) <> 0`;
  return new Map(rows.map((row) => [JSON.stringify(row.name), row.stories]));
}

const fold = (atLeast = 0) =>
  prisma.$queryRaw<Array<{ waiting: number }>>`SELECT story_count_fold(${evaluationId}, ${atLeast}::int) AS waiting`;

async function expectTallyRight() {
  const [expected, actual] = await Promise.all([recount(), stored()]);
  expect(actual).toEqual(expected);
  const counts = countsOf(expected);
  expect(await storedCounts()).toEqual(counts);
  await fold();
  expect(await storedCounts()).toEqual(counts);
  expect(await prisma.storyCount.count({ where: { evaluationId, folded: false } })).toBe(0);
}

/** Respondents who tell at least one story. */
const storytellers = async () => [
  ...new Set(
    (await prisma.storyTeller.findMany({ where: { evaluationId }, orderBy: { id: "asc" } })).map((t) => t.respondentId),
  ),
];
const respondents = async () =>
  (await prisma.respondent.findMany({ where: { evaluationId }, orderBy: { codeNumber: "asc" } })).map((r) => r.id);
const stories = async () =>
  (await prisma.changeStory.findMany({ where: { evaluationId }, orderBy: { codeNumber: "asc" } })).map((s) => s.id);

beforeAll(async () => {
  database = await openTestDatabase();
  prisma = database.prisma;
  world = await createDashboardMetaWorld(prisma);
  evaluationId = world.evaluationId;
});

afterAll(async () => {
  await database?.close();
});

describe("the story tally", () => {
  it("holds every story of a world written row by row", async () => {
    expect((await stored()).size).toBe((await stories()).length);
    expect([...(await stored()).values()].some((tally) => tally.storytellerIds.length > 1)).toBe(true);
    await expectTallyRight();
  });

  it("follows storytellers added, moved and removed, one at a time and in bulk", async () => {
    const [s1, s2, s3, s4] = await stories();
    const [r1, r2, r3, r4] = await respondents();
    const added = await prisma.storyTeller.createManyAndReturn({
      data: [
        { id: newId(), evaluationId, storyId: s4!, respondentId: r3! },
        { id: newId(), evaluationId, storyId: s2!, respondentId: r4! },
        { id: newId(), evaluationId, storyId: s1!, respondentId: r4! },
      ],
    });
    await expectTallyRight();
    await prisma.storyTeller.update({ where: { id: added[0]!.id }, data: { respondentId: r2! } });
    await expectTallyRight();
    await prisma.storyTeller.update({ where: { id: added[1]!.id }, data: { storyId: s3! } });
    await expectTallyRight();
    await prisma.storyTeller.deleteMany({ where: { id: { in: added.map((t) => t.id) } } });
    await expectTallyRight();
    await prisma.storyTeller.deleteMany({ where: { evaluationId, respondentId: r1! } });
    await expectTallyRight();
  });

  it("follows a storyteller's type, gender, state, exclusion and at-risk groups", async () => {
    const [r1, r2] = await storytellers();
    await prisma.respondent.update({ where: { id: r1! }, data: { gender: "MAN", state: "Chiapas" } });
    await expectTallyRight();
    await prisma.respondent.update({ where: { id: r2! }, data: { type: "COMPANY" } });
    await expectTallyRight();
    await prisma.respondent.update({ where: { id: r1! }, data: { excludedAt: new Date() } });
    await expectTallyRight();
    await prisma.respondent.update({ where: { id: r1! }, data: { excludedAt: null } });
    await expectTallyRight();
    await prisma.respondentAtRiskGroup.create({ data: { evaluationId, respondentId: r2!, groupId: world.atRisk.B } });
    await expectTallyRight();
    await prisma.respondentAtRiskGroup.deleteMany({ where: { evaluationId, respondentId: r1! } });
    await expectTallyRight();
  });

  it("follows sources, interviewers and an excerpt moved to another interview", async () => {
    const [, , , s4, s5] = await stories();
    const interviews = await prisma.interview.findMany({
      where: { evaluationId },
      orderBy: [{ date: "asc" }, { id: "asc" }],
    });
    const [i1, i2] = interviews;
    const direct = await prisma.storySource.create({
      data: { id: newId(), evaluationId, storyId: s5!, interviewId: i2!.id },
    });
    await expectTallyRight();
    const excerpt = buildExcerpt({
      evaluationId,
      interviewId: i1!.id,
      createdById: world.users.lead,
      transcript: "Ahora hay inspecciones cada mes.",
      quote: "inspecciones",
    });
    await prisma.transcriptExcerpt.create({ data: excerpt });
    await prisma.storySource.create({ data: { id: newId(), evaluationId, storyId: s4!, excerptId: excerpt.id } });
    await expectTallyRight();
    await prisma.interviewInterviewer.create({
      data: { id: newId(), evaluationId, interviewId: i1!.id, userId: world.users.panelist },
    });
    await expectTallyRight();
    await prisma.interviewInterviewer.deleteMany({ where: { evaluationId, interviewId: i2!.id } });
    await expectTallyRight();
    await prisma.transcriptExcerpt.update({ where: { id: excerpt.id }, data: { interviewId: i2!.id } });
    await expectTallyRight();
    await prisma.storySource.delete({ where: { id: direct.id } });
    await expectTallyRight();
  });

  it("follows places added and removed and a place's region renamed", async () => {
    const [s1, s2] = await stories();
    const place = buildPlace({ evaluationId, state: "Yucatán" });
    await prisma.place.create({ data: place });
    await prisma.storyPlace.createMany({
      data: [s1!, s2!].map((storyId) => ({ id: newId(), evaluationId, storyId, placeId: place.id })),
    });
    await expectTallyRight();
    await prisma.place.update({ where: { id: place.id }, data: { state: "Campeche" } });
    await expectTallyRight();
    await prisma.storyPlace.deleteMany({ where: { evaluationId, placeId: place.id, storyId: s1! } });
    await expectTallyRight();
  });

  it("starts empty for a new story and goes with a story deleted", async () => {
    const story = buildChangeStory({ evaluationId, authorId: world.users.lead });
    await prisma.changeStory.create({ data: story });
    expect((await stored()).get(story.id)).toEqual({
      storytellerIds: [],
      storytellerGroups: [],
      interviewerIds: [],
      placeRegions: [],
      stage: story.stage ?? "DRAFT",
      changeType: story.changeType,
      periodFrom: story.periodFrom ?? null,
      periodTo: story.periodTo ?? null,
      primaryDomainId: null,
      projectIds: [],
      atRiskGroupIds: [],
    });
    const [r1] = await respondents();
    await prisma.storyTeller.create({ data: { id: newId(), evaluationId, storyId: story.id, respondentId: r1! } });
    await expectTallyRight();
    await prisma.changeStory.delete({ where: { id: story.id } });
    expect((await stored()).has(story.id)).toBe(false);
    await expectTallyRight();
  });

  it("follows a story's stage, change type and period, one story and several at a time", async () => {
    const [s1, s2, s3, s4] = await stories();
    await prisma.changeStory.update({ where: { id: s1! }, data: { stage: "SUBMITTED" } });
    await expectTallyRight();
    await prisma.changeStory.updateMany({ where: { id: { in: [s2!, s3!, s4!] } }, data: { stage: "SCREENED" } });
    await expectTallyRight();
    await prisma.changeStory.update({ where: { id: s2! }, data: { changeType: "NO_CHANGE" } });
    await expectTallyRight();
    await prisma.changeStory.updateMany({ where: { id: { in: [s1!, s3!] } }, data: { changeType: "NEGATIVE" } });
    await expectTallyRight();
    await prisma.changeStory.update({
      where: { id: s1! },
      data: { periodFrom: new Date("2019-01-01"), periodTo: new Date("2019-12-31") },
    });
    await expectTallyRight();
    await prisma.changeStory.updateMany({ where: { id: { in: [s2!, s4!] } }, data: { periodTo: null } });
    await expectTallyRight();
    await prisma.changeStory.updateMany({
      where: { id: { in: [s1!, s3!] } },
      data: { periodFrom: null, periodTo: null },
    });
    await expectTallyRight();
    // An edit of nothing the tally holds leaves it as it was.
    await prisma.changeStory.updateMany({ where: { evaluationId }, data: { title: "Otro título" } });
    await expectTallyRight();
  });

  it("follows the primary domain assigned, changed and ended, one story and several at a time", async () => {
    const [s1, s2, s3] = await stories();
    const { d1, d2 } = world.domains;
    const lead = world.users.lead;
    const current = (storyId: string) =>
      prisma.domainAssignment.findFirstOrThrow({ where: { storyId, kind: "PRIMARY", endedAt: null } });
    // Ended: the story has no primary domain.
    await prisma.domainAssignment.update({
      where: { id: (await current(s1!)).id },
      data: { endedAt: new Date(), endedById: lead },
    });
    await expectTallyRight();
    // Assigned again, and changed: the old one ended and a new one in one transaction.
    await prisma.domainAssignment.create({
      data: buildDomainAssignment({ evaluationId, storyId: s1!, domainId: d2, assignedById: lead }),
    });
    await expectTallyRight();
    const before = await current(s2!);
    await prisma.$transaction([
      prisma.domainAssignment.update({ where: { id: before.id }, data: { endedAt: new Date(), endedById: lead } }),
      prisma.domainAssignment.create({
        data: buildDomainAssignment({
          evaluationId,
          storyId: s2!,
          domainId: before.domainId === d1 ? d2 : d1,
          assignedById: lead,
        }),
      }),
    ]);
    await expectTallyRight();
    // A secondary domain is not the primary one.
    const secondary = buildDomainAssignment({
      evaluationId,
      storyId: s3!,
      domainId: (await current(s3!)).domainId === d1 ? d2 : d1,
      assignedById: lead,
      kind: "SECONDARY",
    });
    await prisma.domainAssignment.create({ data: secondary });
    await expectTallyRight();
    // Several ended at once, then several assigned at once.
    await prisma.domainAssignment.updateMany({
      where: { evaluationId, storyId: { in: [s1!, s2!, s3!] }, endedAt: null },
      data: { endedAt: new Date(), endedById: lead },
    });
    await expectTallyRight();
    await prisma.domainAssignment.createMany({
      data: [s1!, s2!, s3!].map((storyId) =>
        buildDomainAssignment({ evaluationId, storyId, domainId: d1, assignedById: lead }),
      ),
    });
    await expectTallyRight();
    // Removed outright (as a story's cleanup could).
    await prisma.domainAssignment.deleteMany({ where: { evaluationId, storyId: s3!, endedAt: null } });
    await expectTallyRight();
  });

  it("follows contributions added, moved and removed, one at a time and in bulk", async () => {
    const [s1, s2, s3, s4] = await stories();
    const { p1, p2 } = world.projects;
    await prisma.storyContribution.deleteMany({ where: { evaluationId, storyId: { in: [s3!, s4!] } } });
    await expectTallyRight();
    const added = await prisma.storyContribution.createManyAndReturn({
      data: [
        { id: newId(), evaluationId, storyId: s3!, projectId: p1, howContributed: "Capacitación." },
        { id: newId(), evaluationId, storyId: s3!, projectId: p2, howContributed: "Asesoría." },
        { id: newId(), evaluationId, storyId: s4!, projectId: p2, howContributed: "Asesoría." },
      ],
    });
    await expectTallyRight();
    // Moved to another project, then to another story.
    await prisma.storyContribution.update({ where: { id: added[2]!.id }, data: { projectId: p1 } });
    await expectTallyRight();
    await prisma.storyContribution.deleteMany({ where: { evaluationId, storyId: { in: [s1!, s2!] } } });
    await prisma.storyContribution.update({ where: { id: added[1]!.id }, data: { storyId: s1! } });
    await expectTallyRight();
    await prisma.storyContribution.delete({ where: { id: added[0]!.id } });
    await expectTallyRight();
    await prisma.storyContribution.deleteMany({ where: { evaluationId } });
    await expectTallyRight();
  });

  it("follows the story's own at-risk tags added, moved and removed, one at a time and in bulk", async () => {
    const [s1, s2, s3, s4] = await stories();
    const { A, B } = world.atRisk;
    await prisma.storyAtRiskGroup.deleteMany({ where: { evaluationId, storyId: { in: [s1!, s2!, s3!, s4!] } } });
    await expectTallyRight();
    await prisma.storyAtRiskGroup.create({ data: { id: newId(), evaluationId, storyId: s4!, groupId: B } });
    await expectTallyRight();
    await prisma.storyAtRiskGroup.createMany({
      data: [
        { id: newId(), evaluationId, storyId: s1!, groupId: A },
        { id: newId(), evaluationId, storyId: s1!, groupId: B },
        { id: newId(), evaluationId, storyId: s2!, groupId: A },
      ],
    });
    await expectTallyRight();
    // Moved to the other group (the app edits only the note, but any code path could).
    const tag = await prisma.storyAtRiskGroup.findFirstOrThrow({ where: { evaluationId, storyId: s2!, groupId: A } });
    await prisma.storyAtRiskGroup.update({ where: { id: tag.id }, data: { groupId: B } });
    await expectTallyRight();
    await prisma.storyAtRiskGroup.deleteMany({ where: { evaluationId, storyId: s1!, groupId: A } });
    await expectTallyRight();
    await prisma.storyAtRiskGroup.deleteMany({ where: { evaluationId } });
    await expectTallyRight();
  });

  it("stays right when two transactions change one story at once", async () => {
    const [, , s3] = await stories();
    const [, , r3, , , r6] = await respondents();
    const teller = await prisma.storyTeller.findFirstOrThrow({ where: { evaluationId, storyId: s3! } });
    const connect = async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      return client;
    };
    const [first, second] = await Promise.all([connect(), connect()]);
    try {
      for (const order of ["teller first", "respondent first"] as const) {
        // One adds a storyteller to the story while the other changes an existing storyteller's
        // gender: whichever commits second must count what the first committed.
        await first.query("BEGIN");
        await second.query("BEGIN");
        const addTeller = () =>
          first.query(
            "INSERT INTO story_teller (id, evaluation_id, story_id, respondent_id, updated_at) VALUES ($1, $2, $3, $4, now())",
            [newId(), evaluationId, s3, order === "teller first" ? r3 : r6],
          );
        const changeGender = () =>
          second.query(
            "UPDATE respondent SET gender = CASE WHEN gender = 'WOMAN' THEN 'MAN' ELSE 'WOMAN' END::gender WHERE id = $1",
            [teller.respondentId],
          );
        if (order === "teller first") {
          await addTeller();
          const waiting = changeGender();
          await first.query("COMMIT");
          await waiting;
          await second.query("COMMIT");
        } else {
          await changeGender();
          const waiting = addTeller();
          await second.query("COMMIT");
          await waiting;
          await first.query("COMMIT");
        }
        await expectTallyRight();
      }
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });
  it("lets two transactions change stories counted under the same keys without waiting for each other", async () => {
    const [s1, s2, s3, s4] = await stories();
    await prisma.changeStory.updateMany({ where: { id: { in: [s1!, s2!, s3!, s4!] } }, data: { stage: "SUBMITTED" } });
    await expectTallyRight();
    const connect = async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      // A wait for the other transaction's rows would end here, and fail the test.
      await client.query("SET lock_timeout = '2s'");
      return client;
    };
    const [first, second] = await Promise.all([connect(), connect()]);
    const screen = (client: pg.Client, storyId: string) =>
      client.query("UPDATE change_story SET stage = 'SCREENED' WHERE id = $1", [storyId]);
    try {
      await first.query("BEGIN");
      await second.query("BEGIN");
      // Interleaved, in opposite orders of the same keys: rows updated in place would deadlock or wait.
      await screen(first, s1!);
      await screen(second, s2!);
      await screen(second, s3!);
      await screen(first, s4!);
      // A fold meanwhile sees neither transaction's rows and leaves them to be folded later.
      await fold();
      await first.query("COMMIT");
      await second.query("COMMIT");
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    await expectTallyRight();
  });

  it("folds only when enough rows wait, and only one fold of an evaluation at a time", async () => {
    const [s1] = await stories();
    await prisma.changeStory.update({ where: { id: s1! }, data: { stage: "IN_SELECTION" } });
    const waiting = await prisma.storyCount.count({ where: { evaluationId, folded: false } });
    expect(waiting).toBeGreaterThan(0);
    expect(await fold(waiting + 1)).toEqual([{ waiting: 0 }]);
    expect(await prisma.storyCount.count({ where: { evaluationId, folded: false } })).toBe(waiting);
    // Another fold holds the evaluation's lock: this one gives way.
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT pg_advisory_xact_lock(hashtext('story_count_fold'), hashtext($1))", [evaluationId]);
      expect(await fold()).toEqual([{ waiting: 0 }]);
      await other.query("COMMIT");
    } finally {
      await other.end();
    }
    expect(await fold(waiting)).toEqual([{ waiting }]);
    await expectTallyRight();
  });
});
