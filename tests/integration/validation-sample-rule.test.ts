/**
 * The validation sample's rule against PostgreSQL (decision 0043): by default only respondents who
 * share the round's stories' states or their storytellers' types are drawn; too few of them and
 * the seats left come from the other eligible respondents, marked and counted; regions abroad are
 * strata of their own country ("La Paz" in Guatemala is not "La Paz" in El Salvador); the rule is
 * kept on the round and in the audit event, and a seed gives the same sample again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildConsent, buildConsentScopes, buildPlace, buildRespondent } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createStoryAt, createVerificationWorld, type VerificationWorld } from "./validation-world";

let database: TestDatabase;
let world: VerificationWorld;
let rounds: typeof import("@/lib/validation/mutations");
let sample: typeof import("@/lib/validation/sample-mutations");
let sampleData: typeof import("@/lib/validation/sample-data");
/** Regions named alike in two countries, and the producers who live there. */
let abroad: { gtPlaceId: string; guatemalans: string[]; salvadorans: string[] };

const lead = () => ({ actorId: world.team.members.lead.id });

async function roundFor(story: { id: string }, targetSize: number) {
  const created = await rounds.createRound(lead(), {
    evaluationId: world.evaluationId,
    round: {
      name: "Ronda por estado",
      startsOn: "2025-03-01",
      endsOn: "2025-03-31",
      method: "WORKSHOP",
      targetSize,
      notes: null,
      storyIds: [story.id],
    },
  });
  if (!created.ok) throw new Error(created.reason);
  return created.roundId;
}

async function storyPlacedIn(placeId: string, storytellerIds?: string[]) {
  const story = await createStoryAt(database.prisma, world, "TRIANGULATED", storytellerIds);
  await database.prisma.storyPlace.create({ data: { evaluationId: world.evaluationId, storyId: story.id, placeId } });
  return story;
}

const membersOf = (roundId: string) =>
  database.prisma.validationSampleMember.findMany({
    where: { validationRoundId: roundId },
    include: { respondent: true },
    orderBy: { respondent: { codeNumber: "asc" } },
  });

async function addProducers(countryCode: string, count: number, firstNumber: number) {
  const { evaluationId } = world;
  const recordedById = world.team.members.evaluator!.id;
  const people = Array.from({ length: count }, (_, index) =>
    buildRespondent({
      evaluationId,
      codeNumber: firstNumber + index,
      type: "AGRICULTURAL_PRODUCER",
      countryCode,
      state: "La Paz",
    }),
  );
  const consents = people.map((person) => buildConsent({ evaluationId, respondentId: person.id, recordedById }));
  await database.prisma.respondent.createMany({ data: people });
  await database.prisma.consent.createMany({ data: consents });
  await database.prisma.consentScope.createMany({ data: consents.flatMap((consent) => buildConsentScopes(consent)) });
  return people.map((person) => person.id);
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [rounds, sample, sampleData] = await Promise.all([
    import("@/lib/validation/mutations"),
    import("@/lib/validation/sample-mutations"),
    import("@/lib/validation/sample-data"),
  ]);
  world = await createVerificationWorld(database.prisma);
  const { evaluationId } = world;
  await database.prisma.placeCountry.createMany({
    data: [
      { evaluationId, code: "GT", nameEs: "Guatemala", nameEn: "Guatemala" },
      { evaluationId, code: "SV", nameEs: "El Salvador", nameEn: "El Salvador" },
    ],
  });
  const gt = buildPlace({ evaluationId, countryCode: "GT", state: "La Paz" });
  const sv = buildPlace({ evaluationId, countryCode: "SV", state: "La Paz" });
  await database.prisma.place.createMany({ data: [gt, sv] });
  abroad = {
    gtPlaceId: gt.id,
    guatemalans: await addProducers("GT", 2, 700),
    salvadorans: await addProducers("SV", 3, 710),
  };
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe("the sample's rule", () => {
  it("draws by default only respondents who share the story's state or its storytellers' type, and says so", async () => {
    const teller = world.pool.find((respondent) => respondent.type === "COMPANY")!;
    const oaxaca = world.places.find((place) => place.state === "Oaxaca")!;
    const story = await storyPlacedIn(oaxaca.id, [teller.id]);
    const roundId = await roundFor(story, 8);
    const drawn = await sample.drawSample(lead(), { evaluationId: world.evaluationId, roundId, seed: 5 });
    expect(drawn).toMatchObject({ ok: true, drawn: 8, beyondRule: 0 });
    const members = await membersOf(roundId);
    expect(members).toHaveLength(8);
    for (const { respondent, beyondRule } of members) {
      expect(respondent.type === "COMPANY" || (respondent.state === "Oaxaca" && respondent.countryCode === null)).toBe(
        true,
      );
      expect(beyondRule).toBe(false);
    }
    const round = await database.prisma.validationRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(round.sampleRule).toBe("SHARED_STATE_OR_TYPE");
    const [event] = await database.prisma.auditEvent.findMany({
      where: { evaluationId: world.evaluationId, action: "validation.sample.draw", recordId: roundId },
    });
    expect(event!.before).toEqual({ rule: "SHARED_STATE_OR_TYPE" });
    expect(event!.after).toMatchObject({ rule: "SHARED_STATE_OR_TYPE", seed: 5, beyondRule: [] });
    // The matching pool was larger than the target: the unmatched Coahuila union members were left out.
    expect((event!.after as { matching: number }).matching).toBeGreaterThan(8);
  });

  it("narrows to the story's states alone, or to its storytellers' types alone, when the lead says so", async () => {
    const teller = world.pool.find((respondent) => respondent.type === "COMPANY")!;
    const oaxaca = world.places.find((place) => place.state === "Oaxaca")!;
    const byState = await roundFor(await storyPlacedIn(oaxaca.id, [teller.id]), 3);
    const byType = await roundFor(await storyPlacedIn(oaxaca.id, [teller.id]), 3);
    await sample.drawSample(lead(), {
      evaluationId: world.evaluationId,
      roundId: byState,
      rule: "SHARED_STATE",
      seed: 9,
    });
    await sample.drawSample(lead(), {
      evaluationId: world.evaluationId,
      roundId: byType,
      rule: "SHARED_TYPE",
      seed: 9,
    });
    const inState = await membersOf(byState);
    expect(inState).toHaveLength(3);
    for (const { respondent } of inState) expect([respondent.countryCode, respondent.state]).toEqual([null, "Oaxaca"]);
    const ofType = await membersOf(byType);
    expect(ofType).toHaveLength(3);
    for (const { respondent } of ofType) expect(respondent.type).toBe("COMPANY");
    expect((await database.prisma.validationRound.findUniqueOrThrow({ where: { id: byType } })).sampleRule).toBe(
      "SHARED_TYPE",
    );
  });

  it("takes everyone a region abroad holds, then fills the target from beyond the rule, marked and counted", async () => {
    const story = await storyPlacedIn(abroad.gtPlaceId);
    const roundId = await roundFor(story, 5);
    const drawn = await sample.drawSample(lead(), {
      evaluationId: world.evaluationId,
      roundId,
      rule: "SHARED_STATE",
      seed: 11,
    });
    expect(drawn).toMatchObject({ ok: true, drawn: 5, matching: 2, beyondRule: 3 });
    const members = await membersOf(roundId);
    const within = members.filter((member) => !member.beyondRule).map((member) => member.respondentId);
    expect(within.sort()).toEqual([...abroad.guatemalans].sort());
    expect(members.filter((member) => member.beyondRule)).toHaveLength(3);
    // Guatemala's La Paz and El Salvador's are two strata: the Salvadorans did not match the rule.
    const round = await database.prisma.validationRound.findUniqueOrThrow({ where: { id: roundId } });
    const strata = round.sampleStrata as Record<string, { eligible: number; matching: number }>;
    expect(strata["AGRICULTURAL_PRODUCER|GT:La Paz|UNDISCLOSED"]).toEqual({ eligible: 2, matching: 2 });
    expect(strata["AGRICULTURAL_PRODUCER|SV:La Paz|UNDISCLOSED"]).toEqual({ eligible: 3, matching: 0 });
    for (const member of members.filter((m) => abroad.guatemalans.includes(m.respondentId)))
      expect(member.stratum).toBe("AGRICULTURAL_PRODUCER|GT:La Paz|UNDISCLOSED");

    const view = await sampleData.getSampleRuleView(world.evaluationId, roundId);
    expect(view).toMatchObject({ rule: "SHARED_STATE", drawn: true, matching: 2, beyondRule: 3 });
    expect(view!.strata.find((row) => row.key === "AGRICULTURAL_PRODUCER|GT:La Paz|UNDISCLOSED")).toMatchObject({
      type: "AGRICULTURAL_PRODUCER",
      countryCode: "GT",
      state: "La Paz",
      matching: 2,
      eligible: 2,
      sample: 2,
    });
    // Another evaluation's id reads nothing.
    expect(await sampleData.getSampleRuleView(world.evaluationId, "someOtherRound")).toBeNull();
  });

  it("draws the same sample again from the seed its audit event keeps", async () => {
    const teller = world.pool.find((respondent) => respondent.type === "UNION_MEMBER")!;
    const story = await storyPlacedIn(abroad.gtPlaceId, [teller.id]);
    const roundId = await roundFor(story, 6);
    const first = await sample.drawSample(lead(), { evaluationId: world.evaluationId, roundId });
    if (!first.ok) throw new Error(first.reason);
    const before = (await membersOf(roundId)).map((m) => [m.respondent.code, m.beyondRule, m.stratum]);
    const [event] = await database.prisma.auditEvent.findMany({
      where: { evaluationId: world.evaluationId, action: "validation.sample.draw", recordId: roundId },
    });
    const seed = (event!.after as { seed: number }).seed;
    expect(seed).toBe(first.seed);
    const again = await sample.drawSample(lead(), { evaluationId: world.evaluationId, roundId, seed });
    expect(again).toEqual(first);
    expect((await membersOf(roundId)).map((m) => [m.respondent.code, m.beyondRule, m.stratum])).toEqual(before);
  });
});
