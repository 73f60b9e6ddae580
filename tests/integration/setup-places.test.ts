/**
 * An evaluation's places on PostgreSQL: states from the catalogue, municipalities and communities
 * under them (their parents added with them), each row audited, no place twice whatever its
 * accents, and no removal of a place that records name or that has places under it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPlaceInput } from "@/lib/places/schema";
import { buildRespondent, createEvaluationWithTeam, type EvaluationWithTeam } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let places: typeof import("@/lib/places/mutations");

const freshTeam = () => createEvaluationWithTeam(database.prisma, { domainCount: 0, projectCount: 0, roles: ["LEAD"] });
const by = (t: EvaluationWithTeam) => ({ actorId: t.members.lead.id, evaluationId: t.evaluation.id });
const add = (t: EvaluationWithTeam, input: Record<string, unknown>) =>
  places.addPlace({ ...by(t), ...addPlaceInput.parse({ evaluationId: t.evaluation.id, ...input }) });
const rows = async (t: EvaluationWithTeam) =>
  (
    await database.prisma.place.findMany({
      where: { evaluationId: t.evaluation.id },
      orderBy: [{ municipality: { sort: "asc", nulls: "first" } }, { community: { sort: "asc", nulls: "first" } }],
      select: { state: true, municipality: true, community: true },
    })
  ).map((row) => [row.state, row.municipality, row.community].filter(Boolean).join(" / "));

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  places = await import("@/lib/places/mutations");
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("adding places", () => {
  it("adds a community with the state and municipality it sits under, one audit event per row", async () => {
    const t = await freshTeam();
    expect(
      (await add(t, { state: "Oaxaca", municipality: "Oaxaca de Juárez", community: "San Felipe del Agua" })).ok,
    ).toBe(true);
    expect(await rows(t)).toEqual([
      "Oaxaca",
      "Oaxaca / Oaxaca de Juárez",
      "Oaxaca / Oaxaca de Juárez / San Felipe del Agua",
    ]);
    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId: t.evaluation.id, action: "place.create" },
      orderBy: { sequence: "asc" },
    });
    expect(events.map((event) => event.after)).toEqual([
      { state: "Oaxaca", municipality: null, community: null },
      { state: "Oaxaca", municipality: "Oaxaca de Juárez", community: null },
      { state: "Oaxaca", municipality: "Oaxaca de Juárez", community: "San Felipe del Agua" },
    ]);
  });

  it("refuses the same place twice, whatever its accents or case, at the field, and writes nothing", async () => {
    const t = await freshTeam();
    await add(t, { state: "Veracruz", municipality: "Córdoba" });
    expect(await add(t, { state: "Veracruz", municipality: " CORDOBA " })).toEqual({
      ok: false,
      reason: "DUPLICATE_PLACE",
      field: "municipality",
    });
    expect(await add(t, { state: "Veracruz" })).toEqual({ ok: false, reason: "DUPLICATE_PLACE", field: "state" });
    expect(await rows(t)).toEqual(["Veracruz", "Veracruz / Córdoba"]);
  });

  it("takes only catalogue states, and a community only under a municipality (the form's own schema)", () => {
    const errors = (input: Record<string, unknown>) =>
      addPlaceInput
        .safeParse({ evaluationId: "e1", ...input })
        .error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(errors({ state: "Texas" })).toEqual([["state", "stateUnknown"]]);
    expect(errors({ state: "Puebla", community: "La Cañada" })).toEqual([["municipality", "municipalityForCommunity"]]);
    expect(errors({ state: "Puebla", municipality: "x".repeat(201) })).toEqual([["municipality", "tooLong"]]);
  });
});

describe("removing places", () => {
  it("removes an unused community, refuses a state with places under it, and a place a respondent names", async () => {
    const t = await freshTeam();
    const community = await add(t, { state: "Chiapas", municipality: "Tapachula", community: "Cantón Las Palmas" });
    if (!community.ok) throw new Error(community.reason);
    const state = await database.prisma.place.findFirstOrThrow({
      where: { evaluationId: t.evaluation.id, municipality: null },
      select: { id: true },
    });
    expect(await places.removePlace({ ...by(t), placeId: state.id })).toEqual({
      ok: false,
      reason: "PLACE_HAS_PLACES_UNDER",
    });
    expect(await places.removePlace({ ...by(t), placeId: community.placeId })).toEqual({ ok: true });
    const municipality = await database.prisma.place.findFirstOrThrow({
      where: { evaluationId: t.evaluation.id, municipality: "Tapachula" },
      select: { id: true },
    });
    await database.prisma.respondent.create({
      data: buildRespondent({ evaluationId: t.evaluation.id, state: "Chiapas", placeId: municipality.id }),
    });
    expect(await places.removePlace({ ...by(t), placeId: municipality.id })).toEqual({
      ok: false,
      reason: "PLACE_IN_USE",
    });
    expect(await rows(t)).toEqual(["Chiapas", "Chiapas / Tapachula"]);
    expect(
      await database.prisma.auditEvent.count({ where: { evaluationId: t.evaluation.id, action: "place.delete" } }),
    ).toBe(1);
  });

  it("cannot reach a place of another evaluation", async () => {
    const mine = await freshTeam();
    const theirs = await freshTeam();
    const added = await add(theirs, { state: "Sonora" });
    if (!added.ok) throw new Error(added.reason);
    await expect(places.removePlace({ ...by(mine), placeId: added.placeId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await rows(theirs)).toEqual(["Sonora"]);
  });
});
