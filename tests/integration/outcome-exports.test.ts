/**
 * Evidence, validation responses and ballots through the export door, against a real database,
 * read back as files: who may export each (404 otherwise), reviewers' approved outcomes only,
 * ballots of closed rounds only (an open round's never, even with its results shown), the
 * respondent's name only for a lead who asks, formula text neutralised and numbers numeric,
 * filters carried over and the audit event with filters, level and row count.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  buildChangeStory,
  buildDomainAssignment,
  buildEvidenceItem,
  buildRespondentIdentity,
  buildStoryFigure,
  buildStoryRevision,
  buildUser,
  createStoryWorld,
  type StoryWorld,
} from "@/tests/factories";
import { signInAs, signOut } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { csvOf, getExport, sheetOf } from "@/tests/support/export-door";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let world: StoryWorld;
const rounds = { closed: "", open: "", otherPanel: "", validation: "" };

const CANARY = "Validator Canary Rosendo";
const FORMULA = "=cmd|' /C calc'!A0";
const OPEN_REASON = "Reason in a round still open";

const call = (file: string, search = "", locale = "en") => getExport(world.evaluationId, file, search, locale);

function lastEvent(action: string) {
  return database.prisma.auditEvent.findFirst({
    where: { evaluationId: world.evaluationId, action },
    orderBy: { sequence: "desc" },
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  const { prisma } = database;
  world = await createStoryWorld(prisma);
  const { evaluationId, team, respondents } = world;
  const { evaluator, analyst, panelist } = team.members;
  const approved = buildChangeStory({ evaluationId, authorId: evaluator!.id, codeNumber: 1, stage: "APPROVED" });
  const inTriangulation = buildChangeStory({
    evaluationId,
    authorId: evaluator!.id,
    codeNumber: 2,
    stage: "IN_TRIANGULATION",
  });
  await prisma.changeStory.createMany({ data: [approved, inTriangulation] });
  const revisions = [approved, inTriangulation].map((story) =>
    buildStoryRevision({ evaluationId, storyId: story.id, editedById: evaluator!.id, snapshot: {} }),
  );
  await prisma.storyRevision.createMany({ data: revisions });
  const figure = buildStoryFigure({ evaluationId, storyId: approved.id, position: 1, label: "workers", value: 24 });
  await prisma.storyFigure.create({ data: figure });
  await prisma.domainAssignment.create({
    data: buildDomainAssignment({
      evaluationId,
      storyId: inTriangulation.id,
      domainId: team.domains[1]!.id,
      assignedById: team.members.lead.id,
    }),
  });
  await prisma.evidenceItem.createMany({
    data: [
      buildEvidenceItem({
        evaluationId,
        storyId: approved.id,
        addedById: analyst!.id,
        citation: FORMULA,
        figureId: figure.id,
        sourceType: "ADMINISTRATIVE_RECORD",
        strength: "STRONG",
      }),
      buildEvidenceItem({
        evaluationId,
        storyId: inTriangulation.id,
        addedById: analyst!.id,
        stance: "CONTRADICTS",
        response: "Answered in the second interview.",
      }),
    ],
  });

  const validation = await prisma.validationRound.create({
    data: {
      evaluationId,
      name: "Validación 1",
      startsOn: new Date("2024-09-01"),
      endsOn: new Date("2024-09-30"),
      method: "WORKSHOP",
      status: "OPEN",
    },
  });
  rounds.validation = validation.id;
  await prisma.validationRoundStory.create({
    data: { evaluationId, validationRoundId: validation.id, storyId: approved.id, storyRevisionId: revisions[0]!.id },
  });
  await prisma.validationSampleMember.create({
    data: { evaluationId, validationRoundId: validation.id, respondentId: respondents.consenting.id },
  });
  await prisma.respondentIdentity.create({
    data: buildRespondentIdentity({ evaluationId, respondentId: respondents.consenting.id, name: CANARY }),
  });
  await prisma.validationResponse.create({
    data: {
      evaluationId,
      validationRoundId: validation.id,
      respondentId: respondents.consenting.id,
      storyId: approved.id,
      storyRevisionId: revisions[0]!.id,
      verdict: "DISPUTES",
      comments: "-5 workers, not 24",
      recordedById: evaluator!.id,
    },
  });

  const stranger = buildUser({ name: "Panelist of another panel" });
  await prisma.user.create({ data: stranger });
  const mine = await prisma.selectionPanel.create({
    data: { evaluationId, name: "Portfolio panel", level: "PORTFOLIO" },
  });
  const others = await prisma.selectionPanel.create({
    data: { evaluationId, name: "Domain panel", level: "DOMAIN", domainId: team.domains[0]!.id },
  });
  await prisma.panelMember.createMany({
    data: [
      { evaluationId, panelId: mine.id, userId: panelist!.id },
      { evaluationId, panelId: others.id, userId: stranger.id },
    ],
  });
  const round = async (
    panelId: string,
    name: string,
    status: "CLOSED" | "OPEN" | "DECIDED",
    resultsHiddenUntilClosed: boolean,
    deadline: string,
  ) =>
    (
      await prisma.selectionRound.create({
        data: {
          evaluationId,
          panelId,
          name,
          method: "RANKING",
          status,
          resultsHiddenUntilClosed,
          deadline: new Date(deadline),
        },
      })
    ).id;
  rounds.closed = await round(mine.id, "Closed round", "CLOSED", true, "2024-10-01");
  rounds.open = await round(mine.id, "Open round", "OPEN", false, "2099-01-01");
  rounds.otherPanel = await round(others.id, "Other panel's round", "DECIDED", true, "2024-11-01");
  const candidates = [rounds.closed, rounds.open, rounds.otherPanel].flatMap((roundId) =>
    [approved, inTriangulation].map((story) => ({ evaluationId, roundId, storyId: story.id })),
  );
  await prisma.roundCandidate.createMany({ data: candidates });
  await prisma.ballot.createMany({
    data: [
      {
        evaluationId,
        roundId: rounds.closed,
        storyId: approved.id,
        panelistId: panelist!.id,
        rank: 1,
        reason: FORMULA,
      },
      {
        evaluationId,
        roundId: rounds.closed,
        storyId: inTriangulation.id,
        panelistId: panelist!.id,
        rank: 2,
        reason: "Less significant.",
      },
      {
        evaluationId,
        roundId: rounds.open,
        storyId: approved.id,
        panelistId: panelist!.id,
        rank: 1,
        reason: OPEN_REASON,
      },
      {
        evaluationId,
        roundId: rounds.otherPanel,
        storyId: approved.id,
        panelistId: stranger.id,
        rank: 1,
        reason: "Another panel's reason.",
      },
    ],
  });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("the evidence export", () => {
  it("has every item in story-code order, formula text neutralised, numbers numeric, and audits filters and row count", async () => {
    signInAs(world.team.members.analyst!);
    const rows = await csvOf(await call("evidence.csv", "?labels=raw"));
    expect(rows.map((row) => [row.story_code, row.stance, row.figure_position])).toEqual([
      ["CS-0001", "SUPPORTS", "1"],
      ["CS-0002", "CONTRADICTS", ""],
    ]);
    expect(rows[0]!.citation).toBe(`'${FORMULA}`);
    const sheet = await sheetOf(await call("evidence.xlsx", "?labels=raw"));
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(sheet.getRow(2).getCell(headers.indexOf("figure_position") + 1).value).toBe(1);
    expect(sheet.getRow(2).getCell(headers.indexOf("citation") + 1).value).toBe(FORMULA);

    const labelled = await csvOf(await call("evidence.csv", "?stance=CONTRADICTS", "es"));
    expect(labelled).toHaveLength(1);
    expect(labelled[0]).toMatchObject({ "Código de la historia": "CS-0002", Postura: "Contradice" });
    expect((await lastEvent("evidence.export"))?.after).toMatchObject({
      table: "evidence",
      format: "csv",
      level: "limited",
      labels: "labelled",
      filters: { stance: "CONTRADICTS" },
      rowCount: 1,
    });

    // The review queue's link asks for approved outcomes: a lead gets the same set as a reviewer.
    signInAs(world.team.members.lead);
    expect(
      (await csvOf(await call("evidence.csv", "?labels=raw&stage=APPROVED"))).map((row) => row.story_code),
    ).toEqual(["CS-0001"]);
    signInAs(world.team.members.analyst!);
    const byDomain = await csvOf(await call("evidence.csv", `?labels=raw&domain=${world.team.domains[1]!.id}`));
    expect(byDomain.map((row) => row.story_code)).toEqual(["CS-0002"]);
    const deidentified = await csvOf(await call("evidence.csv", "?labels=raw&level=deidentified"));
    expect(Object.keys(deidentified[0]!)).toEqual([
      "story_code",
      "source_type",
      "stance",
      "strength",
      "figure_position",
      "added_by",
      "updated_at",
    ]);
  });

  it("gives a reviewer the evidence of approved outcomes only, and refuses the others", async () => {
    signInAs(world.team.members.reviewer!);
    expect((await csvOf(await call("evidence.csv", "?labels=raw"))).map((row) => row.story_code)).toEqual(["CS-0001"]);
    for (const user of [world.team.members.panelist!, world.team.outsider]) {
      signInAs(user);
      expect((await call("evidence.csv")).status).toBe(404);
    }
    signInAs(world.team.members.analyst!);
    expect((await call("evidence.csv", "?stance=MAYBE")).status).toBe(400);
    expect((await call("evidence.csv", "?story=CS-1&story=CS-2")).status).toBe(400);
    expect((await call("evidence.csv", "?identified=1")).status).toBe(403);
  });
});

describe("the validation responses export", () => {
  it("names respondents by code, and by name only for a lead who asks", async () => {
    signInAs(world.team.members.evaluator!);
    const rows = await csvOf(await call("validation-responses.csv", `?labels=raw&round=${rounds.validation}`));
    expect(rows).toEqual([
      expect.objectContaining({
        validation_round: "Validación 1",
        story_code: "CS-0001",
        respondent_code: world.respondents.consenting.code,
        verdict: "DISPUTES",
        comments: "'-5 workers, not 24",
      }),
    ]);
    expect(Object.keys(rows[0]!)).not.toContain("name");
    expect((await call("validation-responses.csv", "?identified=1")).status).toBe(403);

    signInAs(world.team.members.lead);
    const identified = await csvOf(await call("validation-responses.csv", "?labels=raw&level=identified"));
    expect(identified[0]!.name).toBe(CANARY);
    const event = await lastEvent("validation_response.export");
    expect(event?.after).toMatchObject({ level: "identified", rowCount: 1 });
    expect(JSON.stringify(event?.after)).not.toContain(CANARY);
    expect(await csvOf(await call("validation-responses.csv", "?labels=raw&verdict=CONFIRMS"))).toEqual([]);

    for (const user of [world.team.members.analyst!, world.team.members.reviewer!, world.team.outsider]) {
      signInAs(user);
      expect((await call("validation-responses.csv")).status).toBe(404);
    }
  });
});

describe("the ballots export", () => {
  it("has the ballots of closed rounds only, never an open round's, and audits the row count", async () => {
    signInAs(world.team.members.lead);
    const rows = await csvOf(await call("ballots.csv", "?labels=raw"));
    expect(rows.map((row) => [row.selection_round, row.story_code, row.rank])).toEqual([
      ["Closed round", "CS-0001", "1"],
      ["Closed round", "CS-0002", "2"],
      ["Other panel's round", "CS-0001", "1"],
    ]);
    expect(rows[0]!.reason).toBe(`'${FORMULA}`);
    expect(JSON.stringify(rows)).not.toContain(OPEN_REASON);
    expect(await csvOf(await call("ballots.csv", `?round=${rounds.open}`))).toEqual([]);
    expect((await lastEvent("ballot.export"))?.after).toMatchObject({
      table: "ballots",
      filters: { round: rounds.open },
      rowCount: 0,
    });
    const sheet = await sheetOf(await call("ballots.xlsx", `?labels=raw&round=${rounds.closed}`));
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(6).value).toBe(1);
  });

  it("gives a panelist the closed rounds of their own panels only, and nobody else any", async () => {
    signInAs(world.team.members.panelist!);
    const rows = await csvOf(await call("ballots.csv", "?labels=raw"));
    expect(new Set(rows.map((row) => row.selection_round))).toEqual(new Set(["Closed round"]));
    expect((await lastEvent("ballot.export"))?.after).toMatchObject({ scopedBy: "selection.vote", rowCount: 2 });
    expect(await csvOf(await call("ballots.csv", `?round=${rounds.otherPanel}`))).toEqual([]);
    for (const user of [world.team.members.analyst!, world.team.members.reviewer!, world.team.outsider]) {
      signInAs(user);
      expect((await call("ballots.csv")).status).toBe(404);
    }
    signOut();
    expect((await call("ballots.xlsx")).status).toBe(404);
  });
});
