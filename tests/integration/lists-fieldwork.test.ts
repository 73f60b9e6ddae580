/**
 * The interviews and focus-groups tables' loaders: every filter, sort and page boundary, counts
 * instead of names for respondents and participants, transcripts never read, the evaluation's
 * scope, and `interview.view` checked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDay } from "@/lib/core/calendar-day";
import {
  buildFocusGroup,
  buildInterview,
  buildPlace,
  buildRespondent,
  createEvaluationWithTeam,
  newId,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { day } from "@/tests/factories/ids";
import type { FocusGroupFilters, InterviewFilters } from "@/lib/tables/lists";
import type { TableState } from "@/lib/tables/url-state";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { readerOf } from "@/tests/support/reader";

let database: TestDatabase;
let mine: EvaluationWithTeam;
let theirs: EvaluationWithTeam;
// Through the loaders, which check access before the list queries run.
let listInterviews: typeof import("@/lib/interviews/loaders").loadInterviewList;
let listFocusGroups: typeof import("@/lib/focus-groups/loaders").loadFocusGroupList;
const TRANSCRIPT_CANARY = "Transcripción confidencial con nombre Zacarías";

function state<F>(filters: F, overrides: Partial<TableState<F>> = {}): TableState<F> {
  return { page: 1, pageSize: 100, sort: { id: "date", desc: false }, columns: [], filters, ...overrides };
}

async function interviewDates(filters: InterviewFilters, sort = { id: "date", desc: false }) {
  const page = await listInterviews(mine.evaluation.id, readerOf(mine.members.lead), state(filters, { sort }));
  return page!.rows.map((row) => isoDay(row.date));
}

async function groupDates(filters: FocusGroupFilters, sort = { id: "date", desc: false }) {
  const page = await listFocusGroups(mine.evaluation.id, readerOf(mine.members.lead), state(filters, { sort }));
  return page!.rows.map((row) => isoDay(row.date));
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  ({ loadInterviewList: listInterviews } = await import("@/lib/interviews/loaders"));
  ({ loadFocusGroupList: listFocusGroups } = await import("@/lib/focus-groups/loaders"));
  const { prisma } = database;
  mine = await createEvaluationWithTeam(prisma, { projectCount: 2 });
  theirs = await createEvaluationWithTeam(prisma);
  const e = mine.evaluation.id;
  const oaxaca = buildPlace({ evaluationId: e, state: "Oaxaca", municipality: "Juchitán" });
  const veracruz = buildPlace({ evaluationId: e, state: "Veracruz" });
  const theirPlace = buildPlace({ evaluationId: theirs.evaluation.id, state: "Oaxaca" });
  await prisma.place.createMany({ data: [oaxaca, veracruz, theirPlace] });
  const respondents = [1, 2, 3].map((n) => buildRespondent({ evaluationId: e, codeNumber: n }));
  await prisma.respondent.createMany({ data: respondents });

  const interviews = [
    buildInterview({
      evaluationId: e,
      date: day("2024-06-01"),
      mode: "IN_PERSON",
      placeId: oaxaca.id,
      durationMinutes: 60,
      transcriptOriginal: TRANSCRIPT_CANARY,
    }),
    buildInterview({
      evaluationId: e,
      date: day("2024-06-15"),
      mode: "PHONE",
      placeId: veracruz.id,
      durationMinutes: 30,
      transcriptOriginal: "Texto.",
      transcriptTranslation: "Text.",
    }),
    buildInterview({
      evaluationId: e,
      date: day("2024-06-30"),
      mode: "VIDEO",
      placeId: oaxaca.id,
      durationMinutes: 90,
      language: "nah",
    }),
    buildInterview({ evaluationId: e, date: day("2024-07-01"), mode: "PHONE", placeId: null, durationMinutes: null }),
  ];
  await prisma.interview.createMany({
    data: [
      ...interviews,
      buildInterview({ evaluationId: theirs.evaluation.id, date: day("2024-06-15"), placeId: theirPlace.id }),
    ],
  });
  await prisma.interviewRespondent.createMany({
    data: [
      { id: newId(), evaluationId: e, interviewId: interviews[0]!.id, respondentId: respondents[0]!.id },
      { id: newId(), evaluationId: e, interviewId: interviews[0]!.id, respondentId: respondents[1]!.id },
      { id: newId(), evaluationId: e, interviewId: interviews[1]!.id, respondentId: respondents[2]!.id },
    ],
  });
  await prisma.interviewInterviewer.createMany({
    data: [
      { id: newId(), evaluationId: e, interviewId: interviews[0]!.id, userId: mine.members.evaluator!.id },
      { id: newId(), evaluationId: e, interviewId: interviews[0]!.id, userId: mine.members.lead.id },
    ],
  });
  await prisma.interviewProject.createMany({
    data: mine.projects.map((project) => ({
      id: newId(),
      evaluationId: e,
      interviewId: interviews[0]!.id,
      projectId: project.id,
    })),
  });

  const groups = [
    buildFocusGroup({
      evaluationId: e,
      date: day("2024-05-01"),
      topic: "Zafra",
      placeId: oaxaca.id,
      anonymousParticipantCount: 4,
      transcriptOriginal: TRANSCRIPT_CANARY,
    }),
    buildFocusGroup({ evaluationId: e, date: day("2024-05-20"), topic: "Acoso", placeId: veracruz.id }),
    buildFocusGroup({ evaluationId: e, date: day("2024-08-01"), topic: "Migración", placeId: null, language: "en" }),
  ];
  await prisma.focusGroup.createMany({
    data: [...groups, buildFocusGroup({ evaluationId: theirs.evaluation.id, date: day("2024-05-01"), topic: "Zafra" })],
  });
  await prisma.focusGroupParticipant.createMany({
    data: respondents.slice(0, 2).map((respondent) => ({
      id: newId(),
      evaluationId: e,
      focusGroupId: groups[0]!.id,
      respondentId: respondent.id,
    })),
  });
  await prisma.focusGroupFacilitator.create({
    data: { id: newId(), evaluationId: e, focusGroupId: groups[0]!.id, userId: mine.members.evaluator!.id },
  });
});

afterAll(async () => {
  await database?.close();
});

describe("interviews table", () => {
  it("holds counts and team names, never respondents' codes nor transcript text", async () => {
    const result = await listInterviews(mine.evaluation.id, readerOf(mine.members.lead), state({}));
    const first = result!.rows[0]!;
    expect(first).toMatchObject({
      mode: "IN_PERSON",
      state: "Oaxaca",
      municipality: "Juchitán",
      respondentCount: 2,
      interviewers: [mine.members.evaluator!.name, mine.members.lead.name].sort(),
      projects: mine.projects.map((project) => project.acronym).sort(),
      transcriptLanguage: "es",
      translationLanguage: null,
    });
    expect(result!.rows[1]).toMatchObject({
      transcriptLanguage: "es",
      translationLanguage: "en",
      respondentCount: 1,
      interviewers: [],
    });
    const serialized = JSON.stringify(result);
    expect(serialized).not.toContain("Zacarías");
    expect(serialized).not.toContain("R-000");
  });

  it("filters by mode, state and date range (inclusive)", async () => {
    expect(await interviewDates({ mode: "PHONE" })).toEqual(["2024-06-15", "2024-07-01"]);
    expect(await interviewDates({ state: "Oaxaca" })).toEqual(["2024-06-01", "2024-06-30"]);
    expect(await interviewDates({ from: "2024-06-15", to: "2024-06-30" })).toEqual(["2024-06-15", "2024-06-30"]);
    expect(await interviewDates({ mode: "PHONE", state: "Veracruz", to: "2024-06-15" })).toEqual(["2024-06-15"]);
    expect(await interviewDates({ state: "Chiapas" })).toEqual([]);
  });

  it("sorts by date, mode, duration and language, both ways", async () => {
    expect(await interviewDates({}, { id: "date", desc: true })).toEqual([
      "2024-07-01",
      "2024-06-30",
      "2024-06-15",
      "2024-06-01",
    ]);
    expect(await interviewDates({}, { id: "mode", desc: false })).toEqual([
      "2024-06-01",
      ...(await interviewDates({ mode: "PHONE" })),
      "2024-06-30",
    ]);
    expect(await interviewDates({}, { id: "duration", desc: false })).toEqual([
      "2024-06-15",
      "2024-06-01",
      "2024-06-30",
      "2024-07-01",
    ]);
    expect(await interviewDates({}, { id: "duration", desc: true })).toEqual([
      "2024-07-01",
      "2024-06-30",
      "2024-06-01",
      "2024-06-15",
    ]);
    const byLanguage = await interviewDates({}, { id: "language", desc: true });
    expect(byLanguage[0]).toBe("2024-06-30");
  });

  it("pages with the right boundaries", async () => {
    const page = await listInterviews(
      mine.evaluation.id,
      readerOf(mine.members.lead),
      state({}, { page: 2, pageSize: 3 }),
    );
    expect(page).toMatchObject({ total: 4, page: 2, pageCount: 2 });
    expect(page!.rows).toHaveLength(1);
    expect(
      (await listInterviews(mine.evaluation.id, readerOf(mine.members.lead), state({}, { page: 9, pageSize: 3 })))!
        .page,
    ).toBe(2);
  });

  it("keeps to its evaluation and to readers with interview.view", async () => {
    expect((await listInterviews(mine.evaluation.id, readerOf(mine.members.analyst!), state({})))!.total).toBe(4);
    expect((await listInterviews(theirs.evaluation.id, readerOf(theirs.members.lead), state({})))!.total).toBe(1);
    for (const who of [mine.members.panelist!, mine.members.reviewer!, mine.outsider, theirs.members.evaluator!]) {
      expect(await listInterviews(mine.evaluation.id, readerOf(who), state({}))).toBeNull();
    }
  });
});

describe("focus-groups table", () => {
  it("counts registered plus anonymous participants and never reads the transcript", async () => {
    const result = await listFocusGroups(mine.evaluation.id, readerOf(mine.members.evaluator!), state({}));
    expect(result!.rows[0]).toMatchObject({
      topic: "Zafra",
      participantCount: 6,
      facilitators: [mine.members.evaluator!.name],
      state: "Oaxaca",
      transcriptLanguage: "es",
    });
    expect(result!.rows[1]).toMatchObject({
      topic: "Acoso",
      participantCount: 0,
      facilitators: [],
      transcriptLanguage: null,
    });
    expect(JSON.stringify(result)).not.toContain("Zacarías");
  });

  it("filters by state and date range, sorts by date, topic and language", async () => {
    expect(await groupDates({ state: "Veracruz" })).toEqual(["2024-05-20"]);
    expect(await groupDates({ from: "2024-05-20" })).toEqual(["2024-05-20", "2024-08-01"]);
    expect(await groupDates({ to: "2024-05-01" })).toEqual(["2024-05-01"]);
    expect(await groupDates({}, { id: "date", desc: true })).toEqual(["2024-08-01", "2024-05-20", "2024-05-01"]);
    expect(await groupDates({}, { id: "topic", desc: false })).toEqual(["2024-05-20", "2024-08-01", "2024-05-01"]);
    expect(await groupDates({}, { id: "language", desc: false })).toEqual(["2024-08-01", "2024-05-01", "2024-05-20"]);
  });

  it("keeps to its evaluation and to readers with interview.view", async () => {
    expect((await listFocusGroups(theirs.evaluation.id, readerOf(theirs.members.lead), state({})))!.total).toBe(1);
    for (const who of [mine.members.panelist!, mine.members.reviewer!, mine.outsider]) {
      expect(await listFocusGroups(mine.evaluation.id, readerOf(who), state({}))).toBeNull();
    }
  });
});
