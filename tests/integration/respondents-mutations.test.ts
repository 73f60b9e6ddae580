/**
 * Creating and editing respondents against a real database: codes under concurrency, the
 * identity sealed at rest, stale saves refused with nothing written, hostile text stored as text,
 * references kept inside the evaluation, and an audit event for every change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildPlace,
  buildSector,
  createEvaluationWithTeam,
  respondentFormAttributes,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let team: EvaluationWithTeam;
let other: EvaluationWithTeam;
let mutations: typeof import("@/lib/respondents/mutations");
let schema: typeof import("@/lib/respondents/schema");

const places = { monclova: "", oaxacaCommunity: "", otherEvaluation: "" };
const sectors = { mine: "", otherEvaluation: "" };

const attributes = (overrides: Record<string, unknown> = {}) =>
  schema.respondentAttributesSchema.parse(respondentFormAttributes(overrides));

const group = (code: string, t: EvaluationWithTeam = team) => t.atRiskGroups.find((row) => row.code === code)!.id;

const noIdentity = { name: null, phone: null, email: null, community: null };

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [mutations, schema] = await Promise.all([import("@/lib/respondents/mutations"), import("@/lib/respondents/schema")]);
  team = await createEvaluationWithTeam(database.prisma);
  other = await createEvaluationWithTeam(database.prisma);
  const rows = [
    buildPlace({ evaluationId: team.evaluation.id, state: "Coahuila", municipality: "Monclova" }),
    buildPlace({ evaluationId: team.evaluation.id, state: "Oaxaca", municipality: "Juchitán", community: "Cheguigo" }),
    buildPlace({ evaluationId: other.evaluation.id, state: "Coahuila", municipality: "Saltillo" }),
  ];
  await database.prisma.place.createMany({ data: rows });
  places.monclova = rows[0]!.id;
  places.oaxacaCommunity = rows[1]!.id;
  places.otherEvaluation = rows[2]!.id;
  const sectorRows = [
    buildSector({ evaluationId: team.evaluation.id }),
    buildSector({ evaluationId: other.evaluation.id }),
  ];
  await database.prisma.sector.createMany({ data: sectorRows });
  sectors.mine = sectorRows[0]!.id;
  sectors.otherEvaluation = sectorRows[1]!.id;
});

afterAll(async () => {
  await database?.close();
});

const actor = () => ({ actorId: team.members.evaluator!.id, ipAddress: "203.0.113.7" });

async function create(overrides: Record<string, unknown> = {}, identity: Record<string, string | null> | null = null) {
  const result = await mutations.createRespondent(actor(), {
    evaluationId: team.evaluation.id,
    attributes: attributes(overrides),
    identity: identity ? { ...noIdentity, ...identity } : null,
  });
  if ("rejected" in result) throw new Error(`refused: ${result.rejected}`);
  return result;
}

describe("creating respondents", () => {
  it("gives 20 concurrent creations 20 different consecutive codes", async () => {
    const evaluation = await createEvaluationWithTeam(database.prisma, { roles: ["EVALUATOR"] });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        mutations.createRespondent(
          { actorId: evaluation.members.evaluator!.id },
          { evaluationId: evaluation.evaluation.id, attributes: attributes() },
        ),
      ),
    );
    const codes = results.map((result) => ("code" in result ? result.code : result.rejected)).sort();
    expect(codes).toEqual(Array.from({ length: 20 }, (_, i) => `R-${String(i + 1).padStart(4, "0")}`));
    const rows = await database.prisma.respondent.findMany({
      where: { evaluationId: evaluation.evaluation.id },
      select: { codeNumber: true },
    });
    expect(new Set(rows.map((row) => row.codeNumber)).size).toBe(20);
    const events = await database.prisma.auditEvent.count({
      where: { evaluationId: evaluation.evaluation.id, action: "respondent.create" },
    });
    expect(events).toBe(20);
  });

  it("numbers each evaluation on its own and never reuses a code", async () => {
    const first = await create();
    const second = await create();
    expect(Number(second.code.slice(2))).toBe(Number(first.code.slice(2)) + 1);
    const elsewhere = await mutations.createRespondent(
      { actorId: other.members.evaluator!.id },
      { evaluationId: other.evaluation.id, attributes: attributes() },
    );
    expect(elsewhere).toMatchObject({ code: "R-0001" });
  });

  it("seals the identity: the database holds no plaintext, and the audit event names the parts only", async () => {
    const identity = {
      name: "Zacarías Ejemplo Ficticio",
      phone: "+52 55 0000 1111",
      email: "zacarias@ejemplo.invalid",
      community: "Colonia Ficticia Norte",
    };
    const { id } = await create({}, identity);
    const stored = await database.prisma.respondentIdentity.findFirstOrThrow({ where: { respondentId: id } });
    expect(stored.keyId).toMatch(/^[0-9a-f]{12}$/);
    const raw = await database.prisma.$queryRaw<Array<{ dump: string }>>`
      SELECT concat_ws('|', encode(name_ciphertext, 'escape'), encode(contact_ciphertext, 'escape'), encode(community_ciphertext, 'escape')) AS dump
      FROM respondent_identity WHERE respondent_id = ${id}`;
    const plaintextRows = await database.prisma.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM respondent_identity
      WHERE convert_from(name_ciphertext, 'UTF8') ILIKE '%zacar%' OR convert_from(contact_ciphertext, 'UTF8') ILIKE '%0000 1111%'
         OR convert_from(community_ciphertext, 'UTF8') ILIKE '%ficticia%'`;
    expect(plaintextRows[0]!.n).toBe(0n);
    for (const value of Object.values(identity)) expect(raw[0]!.dump).not.toContain(value);
    expect(raw[0]!.dump).toMatch(/^v1\.[0-9a-f]{12}\./);

    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "respondent.create", recordId: id },
    });
    expect(event).toMatchObject({
      actorId: team.members.evaluator!.id,
      ipAddress: "203.0.113.7",
      recordType: "Respondent",
    });
    expect(event.after).toMatchObject({
      identityFields: ["name", "contact", "community"],
      type: "UNION_MEMBER",
      state: "Coahuila",
    });
    expect(JSON.stringify({ before: event.before, after: event.after })).not.toContain("Zacar");
  });

  it("stores no identity row when no part is given", async () => {
    const { id } = await create({}, { name: null });
    expect(await database.prisma.respondentIdentity.count({ where: { respondentId: id } })).toBe(0);
  });

  it("keeps places and sectors inside the evaluation, public, and in the chosen state", async () => {
    const refuse = async (overrides: Record<string, unknown>) =>
      mutations.createRespondent(actor(), { evaluationId: team.evaluation.id, attributes: attributes(overrides) });
    const before = await database.prisma.respondent.count();
    expect(await refuse({ placeId: places.otherEvaluation })).toEqual({
      rejected: "PLACE_UNKNOWN",
      field: "placeId",
    });
    expect(await refuse({ state: "Oaxaca", placeId: places.oaxacaCommunity })).toEqual({
      rejected: "PLACE_UNKNOWN",
      field: "placeId",
    });
    expect(await refuse({ state: "Oaxaca", placeId: places.monclova })).toEqual({
      rejected: "PLACE_OUTSIDE_STATE",
      field: "placeId",
    });
    expect(await refuse({ sectorId: sectors.otherEvaluation })).toEqual({
      rejected: "SECTOR_UNKNOWN",
      field: "sectorId",
    });
    expect(await refuse({ atRiskGroupIds: [group("women_workers"), group("women_workers", other)] })).toEqual({
      rejected: "AT_RISK_GROUP_UNKNOWN",
      field: "atRiskGroupIds",
    });
    expect(await database.prisma.respondent.count()).toBe(before);
    const ok = await create({ placeId: places.monclova, sectorId: sectors.mine });
    expect(await database.prisma.respondent.findUniqueOrThrow({ where: { id: ok.id } })).toMatchObject({
      placeId: places.monclova,
      sectorId: sectors.mine,
    });
  });

  it("stores hostile text literally", async () => {
    const hostile = {
      name: "<script>alert('x')</script>",
      community: "'; DROP TABLE respondent; --",
      email: "o'hara@example.org",
      phone: "+52 1 234 5678",
    };
    const parsed = schema.identitySchema.parse({ ...hostile });
    const { id } = await create({ language: "NAH" }, parsed);
    const { revealIdentity } = await import("@/lib/respondents/identity-mutations");
    const shown = await revealIdentity(actor(), { evaluationId: team.evaluation.id, respondentId: id });
    expect(shown).toEqual({ state: "present", values: hostile });
    expect(await database.prisma.respondent.findUniqueOrThrow({ where: { id }, select: { language: true } })).toEqual({
      language: "nah",
    });

    const formula = schema.identitySchema.parse({
      name: '=HYPERLINK("http://evil.example","x")',
      community: "@SUM(A1:A9)",
    });
    const second = await create({}, formula);
    const shownFormula = await revealIdentity(actor(), { evaluationId: team.evaluation.id, respondentId: second.id });
    expect(shownFormula).toMatchObject({
      values: { name: '=HYPERLINK("http://evil.example","x")', community: "@SUM(A1:A9)" },
    });
  });
});

describe("editing respondents", () => {
  it("saves changed fields, bumps the version and audits before/after of those fields only", async () => {
    const women = group("women_workers");
    const informal = group("unaffiliated_or_informal_workers");
    const { id } = await create({ atRiskGroupIds: [women] });
    const result = await mutations.updateRespondent(actor(), {
      evaluationId: team.evaluation.id,
      respondentId: id,
      version: 1,
      attributes: attributes({ gender: "NON_BINARY", atRiskGroupIds: [informal, women] }),
    });
    expect(result).toEqual({ version: 2 });
    const row = await database.prisma.respondent.findUniqueOrThrow({
      where: { id },
      include: { atRiskGroups: { orderBy: { group: { position: "asc" } } } },
    });
    expect(row).toMatchObject({ gender: "NON_BINARY", version: 2 });
    expect(row.atRiskGroups.map((link) => link.groupId)).toEqual([women, informal]);
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "respondent.update", recordId: id },
    });
    expect(event.before).toEqual({ gender: "WOMAN", atRiskGroupIds: [women] });
    expect(event.after).toEqual({ gender: "NON_BINARY", atRiskGroupIds: [women, informal], version: 2 });
  });

  it("refuses a stale save with a clear reason and writes nothing", async () => {
    const { id } = await create();
    await mutations.updateRespondent(actor(), {
      evaluationId: team.evaluation.id,
      respondentId: id,
      version: 1,
      attributes: attributes({ gender: "MAN" }),
    });
    const eventsBefore = await database.prisma.auditEvent.count({ where: { recordId: id } });
    const stale = await mutations.updateRespondent(actor(), {
      evaluationId: team.evaluation.id,
      respondentId: id,
      version: 1,
      attributes: attributes({ gender: "UNDISCLOSED" }),
    });
    expect(stale).toEqual({ rejected: "STALE_VERSION", field: undefined });
    expect(await database.prisma.respondent.findUniqueOrThrow({ where: { id } })).toMatchObject({
      gender: "MAN",
      version: 2,
    });
    expect(await database.prisma.auditEvent.count({ where: { recordId: id } })).toBe(eventsBefore);
  });

  it("lets exactly one of two simultaneous saves of the same version win", async () => {
    const { id } = await create();
    const save = (gender: "MAN" | "NON_BINARY") =>
      mutations.updateRespondent(actor(), {
        evaluationId: team.evaluation.id,
        respondentId: id,
        version: 1,
        attributes: attributes({ gender }),
      });
    const results = await Promise.all([save("MAN"), save("NON_BINARY")]);
    expect(results.filter((result) => "version" in result)).toHaveLength(1);
    expect(results.filter((result) => "rejected" in result && result.rejected === "STALE_VERSION")).toHaveLength(1);
    expect(await database.prisma.auditEvent.count({ where: { recordId: id, action: "respondent.update" } })).toBe(1);
  });

  it("answers NOT_FOUND for a respondent of another evaluation, and changes nothing there", async () => {
    const theirs = await mutations.createRespondent(
      { actorId: other.members.evaluator!.id },
      { evaluationId: other.evaluation.id, attributes: attributes() },
    );
    if (!("id" in theirs)) throw new Error("setup");
    await expect(
      mutations.updateRespondent(actor(), {
        evaluationId: team.evaluation.id,
        respondentId: theirs.id,
        version: 1,
        attributes: attributes({ gender: "MAN" }),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await database.prisma.respondent.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      gender: "WOMAN",
      version: 1,
    });
  });

  it("records no event when nothing changed", async () => {
    const { id } = await create();
    expect(
      await mutations.updateRespondent(actor(), {
        evaluationId: team.evaluation.id,
        respondentId: id,
        version: 1,
        attributes: attributes(),
      }),
    ).toEqual({ version: 1 });
    expect(await database.prisma.auditEvent.count({ where: { recordId: id, action: "respondent.update" } })).toBe(0);
  });
});
