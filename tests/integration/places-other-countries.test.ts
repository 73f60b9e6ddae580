/**
 * An evaluation that works outside Mexico, on PostgreSQL: a lead adds Guatemala, its regions
 * and a community under one (no duplicate whatever the accents, hostile names kept literally,
 * each row audited); a respondent and a story in a Guatemalan region; the lists' and the
 * dashboard's state filter tell two countries' "La Paz" apart; the dashboard counts Guatemala in
 * its table of other countries, not on Mexico's map; and the database's composite foreign keys
 * refuse another evaluation's country or place whatever the code does.
 */
import { ALL_STORIES } from "@/lib/stories/read-scope";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCountryInput, addPlaceInput, addRegionInput } from "@/lib/places/schema";
import { createStoryWorld, respondentFormAttributes, type StoryWorld } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { storyFields } from "./story-world";

let database: TestDatabase;
let world: StoryWorld;
let other: StoryWorld;
let places: typeof import("@/lib/places/mutations");
let respondents: typeof import("@/lib/respondents/mutations");
let respondentSchema: typeof import("@/lib/respondents/schema");
let stories: typeof import("@/lib/stories/mutations");
let lists: { respondents: typeof import("@/lib/respondents/list"); stories: typeof import("@/lib/stories/list") };
let loadDashboard: typeof import("@/lib/dashboard/loaders").loadDashboard;

const lead = (w: StoryWorld = world) => ({ actorId: w.team.members.lead.id, evaluationId: w.evaluationId });
const addCountry = (input: Record<string, unknown>, w: StoryWorld = world) =>
  places.addCountry({ ...lead(w), ...addCountryInput.parse({ evaluationId: w.evaluationId, ...input }) });
const addRegion = (input: Record<string, unknown>, w: StoryWorld = world) =>
  places.addRegion({ ...lead(w), ...addRegionInput.parse({ evaluationId: w.evaluationId, ...input }) });
const addPlace = (input: Record<string, unknown>, w: StoryWorld = world) =>
  places.addPlace({ ...lead(w), ...addPlaceInput.parse({ evaluationId: w.evaluationId, ...input }) });
const issues = (
  schema: { safeParse(value: unknown): { error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } },
  input: Record<string, unknown>,
) =>
  schema
    .safeParse({ evaluationId: "e1", ...input })
    .error?.issues.map((issue) => [issue.path.join("."), issue.message]);
const placeId = async (where: Record<string, unknown>) =>
  (
    await database.prisma.place.findFirstOrThrow({
      where: { evaluationId: world.evaluationId, ...where },
      select: { id: true },
    })
  ).id;
const listState = <F>(filters: F) => ({
  page: 1,
  pageSize: 50,
  sort: { id: "code", desc: false },
  columns: [],
  filters,
});

function respondentAttributes(overrides: Record<string, unknown>) {
  return respondentSchema.respondentAttributesSchema.parse(respondentFormAttributes({ state: "Oaxaca", ...overrides }));
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [places, respondents, respondentSchema, stories] = await Promise.all([
    import("@/lib/places/mutations"),
    import("@/lib/respondents/mutations"),
    import("@/lib/respondents/schema"),
    import("@/lib/stories/mutations"),
  ]);
  lists = { respondents: await import("@/lib/respondents/list"), stories: await import("@/lib/stories/list") };
  ({ loadDashboard } = await import("@/lib/dashboard/loaders"));
  world = await createStoryWorld(database.prisma);
  other = await createStoryWorld(database.prisma);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("a country, its regions and the places under them", () => {
  it("adds Guatemala by its ISO code (any case) and names, audited; refuses it twice, by code or by name", async () => {
    expect(await addCountry({ code: "gt", nameEs: "Guatemala", nameEn: "Guatemala" })).toEqual({
      ok: true,
      code: "GT",
    });
    expect(await addCountry({ code: "GT", nameEs: "Otra", nameEn: "Other" })).toEqual({
      ok: false,
      reason: "DUPLICATE_COUNTRY",
      field: "code",
    });
    expect(await addCountry({ code: "GU", nameEs: " GUATEMALA ", nameEn: "Guam" })).toEqual({
      ok: false,
      reason: "DUPLICATE_NAME",
      field: "nameEs",
    });
    expect(await addCountry({ code: "MQ", nameEs: "Martinica", nameEn: "México" })).toEqual({
      ok: false,
      reason: "COUNTRY_IS_MEXICO",
      field: "nameEn",
    });
    const rows = await database.prisma.placeCountry.findMany({ where: { evaluationId: world.evaluationId } });
    expect(rows.map((row) => [row.code, row.nameEs, row.nameEn])).toEqual([["GT", "Guatemala", "Guatemala"]]);
    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId: world.evaluationId, action: "place.country.create" },
    });
    expect(events.map((event) => event.after)).toEqual([{ code: "GT", nameEs: "Guatemala", nameEn: "Guatemala" }]);
  });

  it("takes only an ISO alpha-2 code that is not Mexico's, and names within bounds (the form's own schema)", () => {
    expect(issues(addCountryInput, { code: "GTM", nameEs: "Guatemala", nameEn: "Guatemala" })).toEqual([
      ["code", "countryCodeInvalid"],
    ]);
    expect(issues(addCountryInput, { code: "G1", nameEs: "x", nameEn: "x" })).toEqual([["code", "countryCodeInvalid"]]);
    expect(issues(addCountryInput, { code: "mx", nameEs: "México", nameEn: "Mexico" })).toEqual([
      ["code", "countryIsMexico"],
    ]);
    expect(issues(addCountryInput, { code: "HN", nameEs: "", nameEn: "x".repeat(101) })).toEqual([
      ["nameEs", "required"],
      ["nameEn", "tooLong"],
    ]);
    expect(issues(addRegionInput, { countryCode: "GT", name: "Petén", code: "GT PE" })).toEqual([
      ["code", "regionCodeInvalid"],
    ]);
  });

  it("adds regions with their codes; refuses the same name (accents and case aside) or code twice in a country", async () => {
    expect(await addRegion({ countryCode: "GT", name: "Quetzaltenango", code: "GT-QZ" })).toMatchObject({ ok: true });
    expect(await addRegion({ countryCode: "GT", name: "Sacatepéquez", code: "GT-SA" })).toMatchObject({ ok: true });
    expect(await addRegion({ countryCode: "GT", name: " QUETZALTENANGO" })).toEqual({
      ok: false,
      reason: "DUPLICATE_PLACE",
      field: "name",
    });
    expect(await addRegion({ countryCode: "GT", name: "Sacatepequez" })).toEqual({
      ok: false,
      reason: "DUPLICATE_PLACE",
      field: "name",
    });
    expect(await addRegion({ countryCode: "GT", name: "Petén", code: "gt-qz" })).toEqual({
      ok: false,
      reason: "DUPLICATE_REGION_CODE",
      field: "code",
    });
    expect(await addRegion({ countryCode: "HN", name: "Copán" })).toEqual({
      ok: false,
      reason: "COUNTRY_UNKNOWN",
      field: "countryCode",
    });
    const regions = await database.prisma.place.findMany({
      where: { evaluationId: world.evaluationId, countryCode: "GT" },
      orderBy: { state: "asc" },
      select: { state: true, regionCode: true, key: true },
    });
    expect(regions).toEqual([
      { state: "Quetzaltenango", regionCode: "GT-QZ", key: "gt|quetzaltenango||" },
      { state: "Sacatepéquez", regionCode: "GT-SA", key: "gt|sacatepequez||" },
    ]);
  });

  it("adds a municipality and a community under a region named in any case, stored as the region is written", async () => {
    expect(
      await addPlace({
        countryCode: "GT",
        state: "quetzaltenango",
        municipality: "Almolonga",
        community: "Cantón Xequiquel",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await addPlace({
        countryCode: "GT",
        state: "Quetzaltenango",
        municipality: "ALMOLONGA",
        community: "Canton Xequiquel",
      }),
    ).toEqual({ ok: false, reason: "DUPLICATE_PLACE", field: "community" });
    expect(await addPlace({ countryCode: "GT", state: "Petén", municipality: "Flores" })).toEqual({
      ok: false,
      reason: "REGION_UNKNOWN",
      field: "state",
    });
    expect(issues(addPlaceInput, { state: "Quetzaltenango" })).toEqual([["state", "stateUnknown"]]);
    const under = await database.prisma.place.findMany({
      where: { evaluationId: world.evaluationId, countryCode: "GT", municipality: { not: null } },
      orderBy: { key: "asc" },
      select: { state: true, municipality: true, community: true },
    });
    expect(under).toEqual([
      { state: "Quetzaltenango", municipality: "Almolonga", community: null },
      { state: "Quetzaltenango", municipality: "Almolonga", community: "Cantón Xequiquel" },
    ]);
    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId: world.evaluationId, action: "place.create", recordType: "Place" },
      orderBy: { sequence: "asc" },
    });
    expect(events.at(-1)?.after).toEqual({
      countryCode: "GT",
      regionCode: null,
      state: "Quetzaltenango",
      municipality: "Almolonga",
      community: "Cantón Xequiquel",
    });
  });

  it("stores hostile names literally", async () => {
    const hostile = ["<script>alert(1)</script>", "'; DROP TABLE place; --", '=HYPERLINK("http://x")'];
    for (const name of hostile) expect(await addRegion({ countryCode: "GT", name })).toMatchObject({ ok: true });
    const stored = await database.prisma.place.findMany({
      where: { evaluationId: world.evaluationId, countryCode: "GT", state: { in: hostile } },
      select: { state: true },
    });
    expect(stored.map((row) => row.state).sort()).toEqual([...hostile].sort());
    expect(await database.prisma.place.count()).toBeGreaterThan(0);
  });

  it("keeps two countries' regions of the same name apart (La Paz in Honduras and in El Salvador)", async () => {
    await addCountry({ code: "HN", nameEs: "Honduras", nameEn: "Honduras" });
    await addCountry({ code: "SV", nameEs: "El Salvador", nameEn: "El Salvador" });
    expect(await addRegion({ countryCode: "HN", name: "La Paz" })).toMatchObject({ ok: true });
    expect(await addRegion({ countryCode: "SV", name: "La Paz" })).toMatchObject({ ok: true });
  });

  it("refuses to remove a country with regions, or a region with places under it", async () => {
    expect(await places.removeCountry({ ...lead(), code: "GT" })).toEqual({
      ok: false,
      reason: "PLACE_HAS_PLACES_UNDER",
    });
    expect(
      await places.removePlace({
        ...lead(),
        placeId: await placeId({ countryCode: "GT", state: "Quetzaltenango", municipality: null }),
      }),
    ).toEqual({ ok: false, reason: "PLACE_HAS_PLACES_UNDER" });
    await addCountry({ code: "BZ", nameEs: "Belice", nameEn: "Belize" });
    expect(await places.removeCountry({ ...lead(), code: "BZ" })).toEqual({ ok: true });
    expect(
      await database.prisma.auditEvent.count({
        where: { evaluationId: world.evaluationId, action: "place.country.delete" },
      }),
    ).toBe(1);
  });
});

describe("records in another country", () => {
  let respondentId = "";

  it("records a respondent in a Guatemalan region and place; refuses a region the country lacks and a place elsewhere", async () => {
    const almolonga = await placeId({ countryCode: "GT", municipality: "Almolonga", community: null });
    const created = await respondents.createRespondent(
      { actorId: world.team.members.evaluator!.id },
      {
        evaluationId: world.evaluationId,
        attributes: respondentAttributes({ countryCode: "gt", state: "QUETZALTENANGO", placeId: almolonga }),
      },
    );
    expect(created).toMatchObject({ code: expect.stringMatching(/^R-/) });
    respondentId = (created as { id: string }).id;
    expect(
      await database.prisma.respondent.findUniqueOrThrow({
        where: { id: respondentId },
        select: { countryCode: true, state: true, placeId: true },
      }),
    ).toEqual({ countryCode: "GT", state: "Quetzaltenango", placeId: almolonga });

    const refusal = (attributes: Record<string, unknown>) =>
      respondents.createRespondent(
        { actorId: world.team.members.evaluator!.id },
        { evaluationId: world.evaluationId, attributes: respondentAttributes(attributes) },
      );
    expect(await refusal({ countryCode: "GT", state: "Petén" })).toEqual({
      rejected: "REGION_UNKNOWN",
      field: "state",
    });
    expect(await refusal({ countryCode: "GT", state: "Sacatepéquez", placeId: almolonga })).toEqual({
      rejected: "PLACE_OUTSIDE_STATE",
      field: "placeId",
    });
    expect(await refusal({ state: "Oaxaca", placeId: almolonga })).toEqual({
      rejected: "PLACE_OUTSIDE_STATE",
      field: "placeId",
    });
    expect(await refusal({ countryCode: "NI", state: "León" })).toEqual({
      rejected: "REGION_UNKNOWN",
      field: "state",
    });
    // With no country the state must be Mexican: the schema says so at the field.
    const parsed = respondentSchema.createRespondentSchema.safeParse({
      evaluationId: world.evaluationId,
      ...respondentAttributes({}),
      state: "Quetzaltenango",
      name: "",
      phone: "",
      email: "",
      community: "",
    });
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["state", "errors.state"],
    ]);
  });

  it("saves a story placed in a Guatemalan community and a Mexican state", async () => {
    const xequiquel = await placeId({ countryCode: "GT", community: "Cantón Xequiquel" });
    const oaxaca = await placeId({ countryCode: null, state: "Oaxaca", municipality: null });
    const saved = await stories.createStory({
      actorId: world.team.members.evaluator!.id,
      evaluationId: world.evaluationId,
      story: storyFields(world, {
        title: "Las cooperativas de Almolonga negocian juntas",
        placeIds: [xequiquel, oaxaca],
        sources: [{ kind: "EXCERPT", id: world.excerpt.id }],
      }),
    });
    expect(saved).toMatchObject({ ok: true });
  });

  it("filters respondents and stories by a region abroad, and by a Mexican state as before", async () => {
    const roles = ["LEAD"] as const;
    const inQuetzaltenango = await lists.respondents.listRespondents(
      world.evaluationId,
      roles,
      listState({ state: "GT:Quetzaltenango" }) as never,
    );
    expect(inQuetzaltenango.rows.map((row) => [row.state])).toEqual([["Quetzaltenango (GT)"]]);
    expect(
      (
        await lists.respondents.listRespondents(
          world.evaluationId,
          roles,
          listState({ state: "HN:Quetzaltenango" }) as never,
        )
      ).rows,
    ).toEqual([]);
    // A Mexican state of the same name as nothing abroad: the Guatemalan respondent is not in it.
    const inOaxaca = await lists.respondents.listRespondents(
      world.evaluationId,
      roles,
      listState({ state: "Oaxaca" }) as never,
    );
    expect(inOaxaca.rows.every((row) => row.state === "Oaxaca")).toBe(true);

    const storiesIn = async (state: string) =>
      (await lists.stories.findStoryPage(world.evaluationId, listState({ state }) as never, ALL_STORIES)).rows.map(
        (row) => row.title,
      );
    expect(await storiesIn("GT:Quetzaltenango")).toEqual(["Las cooperativas de Almolonga negocian juntas"]);
    expect(await storiesIn("Oaxaca")).toContain("Las cooperativas de Almolonga negocian juntas");
    expect(await storiesIn("SV:La Paz")).toEqual([]);
    const [row] = (
      await lists.stories.findStoryPage(
        world.evaluationId,
        listState({ state: "GT:Quetzaltenango" }) as never,
        ALL_STORIES,
      )
    ).rows;
    expect(row!.states).toEqual(["Oaxaca", "Quetzaltenango (GT)"]);
  });

  it("counts Guatemala in the dashboard's table of other countries, not on Mexico's map", async () => {
    const view = (await loadDashboard(world.evaluationId, { id: world.team.members.lead.id, isAdmin: false }, {}))!;
    expect(view.where.abroad).toEqual([
      {
        countryCode: "GT",
        countryEs: "Guatemala",
        countryEn: "Guatemala",
        name: "Quetzaltenango",
        stories: 1,
        interviews: 0,
        participants: 0,
      },
    ]);
    expect(view.where.states.find((state) => state.name === "Oaxaca")!.stories).toBeGreaterThanOrEqual(1);
    expect(view.where.states.some((state) => state.name === "Quetzaltenango")).toBe(false);
    expect(view.choices.regionsAbroad.map((region) => region.value)).toEqual(
      expect.arrayContaining(["GT:Quetzaltenango", "HN:La Paz", "SV:La Paz"]),
    );
    const filtered = (await loadDashboard(
      world.evaluationId,
      { id: world.team.members.lead.id, isAdmin: false },
      { state: "GT:Quetzaltenango" },
    ))!;
    expect(filtered.where.abroad.map((region) => [region.name, region.stories])).toEqual([["Quetzaltenango", 1]]);
    expect(filtered.where.states.every((state) => state.stories === 0)).toBe(true);
  });

  it("refuses to remove a region its respondents name", async () => {
    await database.prisma.respondent.update({ where: { id: respondentId }, data: { placeId: null } });
    await database.prisma.storyPlace.deleteMany({ where: { evaluationId: world.evaluationId } });
    await database.prisma.place.deleteMany({
      where: {
        evaluationId: world.evaluationId,
        countryCode: "GT",
        state: "Quetzaltenango",
        municipality: { not: null },
      },
    });
    expect(
      await places.removePlace({
        ...lead(),
        placeId: await placeId({ countryCode: "GT", state: "Quetzaltenango", municipality: null }),
      }),
    ).toEqual({ ok: false, reason: "PLACE_IN_USE" });
  });
});

describe("tenancy in the database", () => {
  it("refuses a place or respondent in a country of another evaluation, and a link to another evaluation's place", async () => {
    await expect(
      database.prisma.place.create({
        data: {
          evaluationId: other.evaluationId,
          countryCode: "GT",
          state: "Quetzaltenango",
          key: "gt|quetzaltenango||",
        },
      }),
    ).rejects.toThrow();
    const guatemalan = await placeId({ countryCode: "GT", state: "Sacatepéquez", municipality: null });
    await expect(
      database.prisma.respondent.update({
        where: { id: other.respondents.consenting.id },
        data: { countryCode: "GT" },
      }),
    ).rejects.toThrow();
    await expect(
      database.prisma.respondent.update({
        where: { id: other.respondents.consenting.id },
        data: { placeId: guatemalan },
      }),
    ).rejects.toThrow();
    const refused = await respondents.createRespondent(
      { actorId: other.team.members.evaluator!.id },
      {
        evaluationId: other.evaluationId,
        attributes: respondentAttributes({ countryCode: "GT", state: "Sacatepéquez", placeId: guatemalan }),
      },
    );
    expect(refused).toEqual({ rejected: "REGION_UNKNOWN", field: "state" });
    expect(await database.prisma.placeCountry.count({ where: { evaluationId: other.evaluationId } })).toBe(0);
  });

  it("copies countries with the places under them to another evaluation's setup", async () => {
    const copy = await import("@/lib/evaluations/copy-setup");
    const result = await copy.copySetup({
      actorId: other.team.members.lead.id,
      evaluationId: other.evaluationId,
      sourceEvaluationId: world.evaluationId,
    });
    expect(result).toMatchObject({ ok: true, countries: 3 });
    expect(
      await database.prisma.place.count({
        where: { evaluationId: other.evaluationId, countryCode: "GT", regionCode: "GT-SA" },
      }),
    ).toBe(1);
  });
});
