/**
 * The ballot as a panelist weighs it, and where a panelist lands: each candidate's own text,
 * places (a region abroad with its country's code), period and figures come through the round
 * loader and nothing of its storytellers or sources does; after sign-in, a panelist whose only
 * pending work is one round's ballot lands on it, and anyone else on the evaluation list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPlace, buildStoryFigure, buildUser, buildMembership, day, inDays } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { readerOf } from "@/tests/support/reader";
import { createSelectionWorld, type SelectionWorld } from "./selection-world";

let database: TestDatabase;
let world: SelectionWorld;
let rounds: typeof import("@/lib/selection/round-mutations");
let ballots: typeof import("@/lib/selection/ballot-mutations");
let loaders: typeof import("@/lib/selection/loaders");
let loadLanding: typeof import("@/lib/evaluations/loaders").loadLanding;

const lead = () => ({ actorId: world.lead.id, evaluationId: world.evaluationId });
let panelId: string;
let roundId: string;
let deadline: Date;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [rounds, ballots, loaders, { loadLanding }] = await Promise.all([
    import("@/lib/selection/round-mutations"),
    import("@/lib/selection/ballot-mutations"),
    import("@/lib/selection/loaders"),
    import("@/lib/evaluations/loaders"),
  ]);
  world = await createSelectionWorld(database.prisma, { panelists: 2 });
  const { prisma } = database;
  const { evaluationId } = world;
  const [first, second] = world.storyIds as [string, string];
  await prisma.placeCountry.create({ data: { evaluationId, code: "GT", nameEs: "Guatemala", nameEn: "Guatemala" } });
  const oaxaca = buildPlace({ evaluationId, state: "Oaxaca", municipality: "Oaxaca de Juárez" });
  const abroad = buildPlace({ evaluationId, state: "Quetzaltenango", countryCode: "GT" });
  await prisma.place.createMany({ data: [oaxaca, abroad] });
  await prisma.storyPlace.createMany({
    data: [oaxaca, abroad].map((place) => ({ evaluationId, storyId: first, placeId: place.id })),
  });
  await prisma.changeStory.update({
    where: { id: first },
    data: {
      whatChanged: "Las cooperativas firmaron contratos con salario mínimo.",
      whatChangedTranslation: "The cooperatives signed contracts with a minimum wage.",
      whySignificant: "Por primera vez hubo un ingreso seguro.",
      periodFrom: day("2022-01-01"),
      periodTo: day("2023-12-31"),
    },
  });
  await prisma.storyFigure.createMany({
    data: [
      buildStoryFigure({
        evaluationId,
        storyId: first,
        position: 1,
        label: "Trabajadoras con contrato",
        value: "120",
        unit: "personas",
      }),
      buildStoryFigure({
        evaluationId,
        storyId: first,
        position: 2,
        label: "Aumento del salario",
        qualifier: "RANGE",
        value: "10.5",
        valueMax: "15",
        unit: "%",
      }),
    ],
  });
  const panel = await rounds.createPanel({
    ...lead(),
    name: "Panel",
    level: "DOMAIN",
    domainId: world.domainId,
    memberIds: world.panelists.map((p) => p.id),
  });
  if (!panel.ok) throw new Error(JSON.stringify(panel));
  panelId = panel.panelId;
  deadline = inDays(7);
  const created = await rounds.createRound({
    ...lead(),
    panelId,
    name: "Ronda con detalles",
    method: "APPROVAL",
    scoreScaleMax: null,
    selectCount: 1,
    deadline,
    resultsHiddenUntilClosed: true,
    storyIds: [first, second],
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  roundId = created.roundId;
  expect(await rounds.openRound({ ...lead(), roundId, expectedVersion: 1 })).toEqual({ ok: true });
});

afterAll(async () => {
  await database?.close();
});

describe("the ballot's candidates", () => {
  it("give a panelist each story's text, places, period and figures, and nothing of its tellers or sources", async () => {
    const view = (await loaders.loadRoundPage(world.evaluationId, roundId, readerOf(world.panelists[0]!)))!;
    expect(view.canVote).toBe(true);
    const detail = view.details.get(world.storyIds[0]!)!;
    expect(Object.keys(detail).sort()).toEqual([
      "figures",
      "id",
      "periodFrom",
      "periodPrecision",
      "periodTo",
      "places",
      "whatChanged",
      "whatChangedTranslation",
      "whySignificant",
      "whySignificantTranslation",
    ]);
    expect(detail).toMatchObject({
      whatChanged: "Las cooperativas firmaron contratos con salario mínimo.",
      whatChangedTranslation: "The cooperatives signed contracts with a minimum wage.",
      whySignificant: "Por primera vez hubo un ingreso seguro.",
      periodFrom: "2022-01-01",
      periodTo: "2023-12-31",
      periodPrecision: "YEAR",
      places: ["Oaxaca · Oaxaca de Juárez", "Quetzaltenango (GT)"],
    });
    expect(
      detail.figures.map(({ label, qualifier, value, valueMax, unit }) => ({
        label,
        qualifier,
        value,
        valueMax,
        unit,
      })),
    ).toEqual([
      { label: "Trabajadoras con contrato", qualifier: "EXACT", value: "120", valueMax: null, unit: "personas" },
      { label: "Aumento del salario", qualifier: "RANGE", value: "10.5", valueMax: "15", unit: "%" },
    ]);
    // The second candidate has no places or figures of its own: empty, not someone else's.
    expect(view.details.get(world.storyIds[1]!)).toMatchObject({
      places: [],
      figures: [],
      periodFrom: null,
      periodTo: null,
    });
    expect(JSON.stringify([...view.details.values()])).not.toContain(world.respondents.consenting.id);
  });

  it("reach no one who may not see the round", async () => {
    for (const user of [world.team.outsider, world.team.members.evaluator!, world.team.members.analyst!]) {
      expect(await loaders.loadRoundPage(world.evaluationId, roundId, readerOf(user))).toBeNull();
    }
  });
});

describe("where a panelist lands", () => {
  it("is their ballot when one round's ballot is all that waits for them", async () => {
    expect(await loadLanding(readerOf(world.panelists[0]!))).toBe(
      `/evaluations/${world.evaluationId}/selection/rounds/${roundId}`,
    );
  });

  it("is the evaluation list once the deadline has passed, or for someone with other work or none", async () => {
    const later = new Date(deadline.getTime() + 1);
    expect(await loadLanding(readerOf(world.panelists[0]!), later)).toBeNull();
    expect(await loadLanding(readerOf(world.team.outsider))).toBeNull();
    expect(await loadLanding(readerOf(world.team.members.evaluator!))).toBeNull();
    expect(await loadLanding({ ...readerOf(world.panelists[0]!), needsTwoFactorEnrolment: true })).toBeNull();
  });

  it("is the evaluation list when two rounds wait, and the ballot again once one of them is cast", async () => {
    const panelist = world.panelists[1]!;
    const { prisma } = database;
    // A second evaluation where the same person sits on a panel with an open round of their own.
    const other = await createSelectionWorld(prisma, { panelists: 1 });
    await prisma.evaluationMember.create({
      data: buildMembership({ evaluationId: other.evaluationId, userId: panelist.id, roles: ["PANELIST"] }),
    });
    const otherLead = { actorId: other.lead.id, evaluationId: other.evaluationId };
    const otherPanel = await rounds.createPanel({
      ...otherLead,
      name: "Otro panel",
      level: "DOMAIN",
      domainId: other.domainId,
      memberIds: [panelist.id],
    });
    if (!otherPanel.ok) throw new Error(JSON.stringify(otherPanel));
    const otherRound = await rounds.createRound({
      ...otherLead,
      panelId: otherPanel.panelId,
      name: "Otra ronda",
      method: "APPROVAL",
      scoreScaleMax: null,
      selectCount: 1,
      deadline,
      resultsHiddenUntilClosed: true,
      storyIds: other.storyIds.slice(0, 1),
    });
    if (!otherRound.ok) throw new Error(JSON.stringify(otherRound));
    expect(await rounds.openRound({ ...otherLead, roundId: otherRound.roundId, expectedVersion: 1 })).toEqual({
      ok: true,
    });
    expect(await loadLanding(readerOf(panelist))).toBeNull();

    const cast = await ballots.castBallots({
      actorId: panelist.id,
      evaluationId: world.evaluationId,
      roundId,
      votes: world.storyIds.slice(0, 2).map((storyId) => ({
        storyId,
        rank: null,
        score: null,
        approved: true,
        reason: "El cambio llegó a quienes más lo necesitaban.",
      })),
    });
    expect(cast).toMatchObject({ ok: true });
    expect(await loadLanding(readerOf(panelist))).toBe(
      `/evaluations/${other.evaluationId}/selection/rounds/${otherRound.roundId}`,
    );
  });

  it("ignores evaluations the person is no member of", async () => {
    const stranger = buildUser({ name: "Persona ajena" });
    await database.prisma.user.create({ data: stranger });
    expect(await loadLanding(readerOf(stranger))).toBeNull();
  });
});
