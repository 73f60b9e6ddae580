/**
 * The respondents table's loader: codes and traits only (never identity), excluded respondents
 * marked for leads and evaluators and left out for analysts, every filter and sort, pages, the
 * evaluation's scope, and `respondent.view` checked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDay } from "@/lib/core/calendar-day";
import {
  buildConsent,
  buildRespondent,
  buildSector,
  createEvaluationWithTeam,
  newId,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { day } from "@/tests/factories/ids";
import type { RespondentFilters } from "@/lib/tables/lists";
import type { TableState } from "@/lib/tables/url-state";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { readerOf } from "@/tests/support/reader";

let database: TestDatabase;
let mine: EvaluationWithTeam;
let theirs: EvaluationWithTeam;
// Through the loader, which checks access and passes the reader's roles to the list query.
let listRespondents: typeof import("@/lib/respondents/loaders").loadRespondentList;

const CANARY = "Canary Name Zacarías";

function state(overrides: Partial<TableState<RespondentFilters>> = {}): TableState<RespondentFilters> {
  return { page: 1, pageSize: 100, sort: { id: "code", desc: false }, columns: [], filters: {}, ...overrides };
}

async function codes(
  filters: RespondentFilters,
  sort = { id: "code", desc: false },
  who: { id: string } = mine.members.lead,
) {
  return (await listRespondents(mine.evaluation.id, readerOf(who), state({ filters, sort })))!.rows.map(
    (row) => row.code,
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  ({ loadRespondentList: listRespondents } = await import("@/lib/respondents/loaders"));
  const { seal } = await import("@/lib/crypto");
  const { prisma } = database;
  mine = await createEvaluationWithTeam(prisma);
  theirs = await createEvaluationWithTeam(prisma);
  const sector = buildSector({ evaluationId: mine.evaluation.id, nameEn: "Sugarcane", nameEs: "Caña de azúcar" });
  await prisma.sector.create({ data: sector });

  const specs = [
    { codeNumber: 1, type: "UNION_MEMBER", gender: "WOMAN", state: "Oaxaca" },
    { codeNumber: 2, type: "COMPANY", gender: "MAN", state: "Veracruz" },
    { codeNumber: 3, type: "UNION_MEMBER", gender: "MAN", state: "Coahuila" },
    { codeNumber: 4, type: "ACADEMIA", gender: "NON_BINARY", state: "Oaxaca" },
    { codeNumber: 5, type: "UNION_MEMBER", gender: "WOMAN", state: "Veracruz", excludedAt: new Date("2025-01-15") },
    { codeNumber: 6, type: "FUNDER", gender: "UNDISCLOSED", state: "Chiapas" },
  ] as const;
  const respondents = specs.map((spec, index) =>
    buildRespondent({ evaluationId: mine.evaluation.id, ...spec, sectorId: index === 0 ? sector.id : null }),
  );
  const foreign = buildRespondent({
    evaluationId: theirs.evaluation.id,
    codeNumber: 1,
    type: "UNION_MEMBER",
    gender: "WOMAN",
    state: "Oaxaca",
  });
  await prisma.respondent.createMany({ data: [...respondents, foreign] });
  await prisma.respondentAtRiskGroup.create({
    data: { evaluationId: mine.evaluation.id, respondentId: respondents[0]!.id, groupId: mine.atRiskGroups[0]!.id },
  });
  for (const [index, respondent] of respondents.entries()) {
    await prisma.$executeRaw`UPDATE respondent SET updated_at = ${new Date(Date.UTC(2024, 5, 10 - index))} WHERE id = ${respondent.id}`;
  }
  const recordedById = mine.members.evaluator!.id;
  await prisma.consent.createMany({
    data: [
      buildConsent({
        evaluationId: mine.evaluation.id,
        respondentId: respondents[0]!.id,
        recordedById,
        givenOn: day("2024-06-01"),
        formVersion: "v1",
      }),
      // A newer consent on a later form is the current one.
      buildConsent({
        evaluationId: mine.evaluation.id,
        respondentId: respondents[0]!.id,
        recordedById,
        givenOn: day("2024-09-01"),
        formVersion: "v2",
      }),
      buildConsent({
        evaluationId: mine.evaluation.id,
        respondentId: respondents[4]!.id,
        recordedById,
        givenOn: day("2024-06-02"),
        withdrawnOn: day("2025-01-15"),
        withdrawalChoice: "EXCLUDE",
      }),
    ],
  });
  await prisma.respondentIdentity.create({
    data: {
      id: newId(),
      evaluationId: mine.evaluation.id,
      respondentId: respondents[0]!.id,
      nameCiphertext: Buffer.from(seal(CANARY, `respondent:${respondents[0]!.id}:name`)),
      keyId: "test",
    },
  });
});

afterAll(async () => {
  await database?.close();
});

/** One column of the lead's list, sorted by that column. */
async function columnSortedBy(column: "type" | "gender", desc: boolean) {
  const list = await listRespondents(
    mine.evaluation.id,
    readerOf(mine.members.lead),
    state({ sort: { id: column, desc } }),
  );
  return list!.rows.map((row) => row[column]);
}

describe("respondents table: what a row holds", () => {
  it("holds codes and traits only: no identity field, whatever is stored", async () => {
    const result = await listRespondents(mine.evaluation.id, readerOf(mine.members.lead), state());
    expect(Object.keys(result!.rows[0]!).sort()).toEqual(
      [
        "atRiskGroups",
        "code",
        "consentGivenOn",
        "consentWithdrawnOn",
        "excluded",
        "gender",
        "id",
        "language",
        "sectorEn",
        "sectorEs",
        "state",
        "type",
        "updatedAt",
        "withdrawalChoice",
      ].sort(),
    );
    const serialized = JSON.stringify(result);
    expect(serialized).not.toContain(CANARY);
    expect(serialized).not.toContain("v1.");
  });

  it("shows the current (newest) consent, the sector names and at-risk groups", async () => {
    const result = await listRespondents(mine.evaluation.id, readerOf(mine.members.lead), state());
    const [first, second] = result!.rows;
    expect(first).toMatchObject({
      code: "R-0001",
      sectorEn: "Sugarcane",
      sectorEs: "Caña de azúcar",
      atRiskGroups: [{ id: mine.atRiskGroups[0]!.id, nameEn: "Women workers", nameEs: "Mujeres trabajadoras" }],
      consentWithdrawnOn: null,
    });
    expect(isoDay(first!.consentGivenOn)).toBe("2024-09-01");
    expect(second).toMatchObject({ code: "R-0002", sectorEn: null, consentGivenOn: null });
  });
});

describe("respondents table: respondents excluded by consent withdrawal", () => {
  it("are listed with the excluded marker for leads and evaluators", async () => {
    for (const role of ["lead", "evaluator"] as const) {
      const result = await listRespondents(mine.evaluation.id, readerOf(mine.members[role]!), state());
      expect(result!.total, role).toBe(6);
      const excluded = result!.rows.find((row) => row.code === "R-0005")!;
      expect(excluded).toMatchObject({ excluded: true, withdrawalChoice: "EXCLUDE" });
      expect(result!.rows.filter((row) => row.excluded)).toHaveLength(1);
      // The page's note about excluded respondents follows the same rule.
      expect(result!.includesExcluded, role).toBe(true);
    }
  });

  it("are left out, rows and count, for analysts", async () => {
    const result = await listRespondents(
      mine.evaluation.id,
      readerOf(mine.members.analyst!),
      state({ filters: { state: "Veracruz" } }),
    );
    expect(result!.rows.map((row) => row.code)).toEqual(["R-0002"]);
    expect(result!.total).toBe(1);
    expect(result!.includesExcluded).toBe(false);
  });
});

describe("respondents table: filters, sorts and pages", () => {
  it("filters by type, gender and state, alone and together", async () => {
    expect(await codes({ type: "UNION_MEMBER" })).toEqual(["R-0001", "R-0003", "R-0005"]);
    expect(await codes({ gender: "WOMAN" })).toEqual(["R-0001", "R-0005"]);
    expect(await codes({ state: "Oaxaca" })).toEqual(["R-0001", "R-0004"]);
    expect(await codes({ type: "UNION_MEMBER", gender: "MAN", state: "Coahuila" })).toEqual(["R-0003"]);
    expect(await codes({ state: "Oaxaca' OR '1'='1" })).toEqual([]);
  });

  it("filters by one of the evaluation's at-risk groups, and finds nothing by another evaluation's", async () => {
    expect(await codes({ atRiskGroup: mine.atRiskGroups[0]!.id })).toEqual(["R-0001"]);
    expect(await codes({ atRiskGroup: mine.atRiskGroups[1]!.id })).toEqual([]);
    expect(await codes({ atRiskGroup: theirs.atRiskGroups[0]!.id })).toEqual([]);
    expect(await codes({ atRiskGroup: mine.atRiskGroups[0]!.id, gender: "MAN" })).toEqual([]);
  });

  it("sorts by every sortable column, both ways", async () => {
    expect(await codes({}, { id: "code", desc: true })).toEqual([
      "R-0006",
      "R-0005",
      "R-0004",
      "R-0003",
      "R-0002",
      "R-0001",
    ]);
    expect(await codes({}, { id: "updatedAt", desc: false })).toEqual([
      "R-0006",
      "R-0005",
      "R-0004",
      "R-0003",
      "R-0002",
      "R-0001",
    ]);
    expect(await codes({}, { id: "state", desc: false })).toEqual([
      "R-0006",
      "R-0003",
      "R-0001",
      "R-0004",
      "R-0002",
      "R-0005",
    ]);
    expect(await columnSortedBy("type", false)).toEqual([
      "UNION_MEMBER",
      "UNION_MEMBER",
      "UNION_MEMBER",
      "COMPANY",
      "ACADEMIA",
      "FUNDER",
    ]);
    expect(await columnSortedBy("gender", true)).toEqual(["UNDISCLOSED", "NON_BINARY", "MAN", "MAN", "WOMAN", "WOMAN"]);
  });

  it("pages with the right boundaries", async () => {
    const second = await listRespondents(
      mine.evaluation.id,
      readerOf(mine.members.lead),
      state({ page: 2, pageSize: 5 }),
    );
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: 6 });
    expect(second!.rows.map((row) => row.code)).toEqual(["R-0006"]);
    const past = await listRespondents(
      mine.evaluation.id,
      readerOf(mine.members.lead),
      state({ page: 7, pageSize: 5 }),
    );
    expect(past!.page).toBe(2);
  });
});

describe("respondents table: scope and access", () => {
  it("never lists another evaluation's respondents", async () => {
    const ours = await listRespondents(
      mine.evaluation.id,
      readerOf(mine.members.lead),
      state({ filters: { state: "Oaxaca", type: "UNION_MEMBER" } }),
    );
    expect(ours!.rows.map((row) => row.code)).toEqual(["R-0001"]);
    const theirsList = await listRespondents(theirs.evaluation.id, readerOf(theirs.members.lead), state());
    expect(theirsList!.total).toBe(1);
  });

  it("refuses panelists, reviewers, outsiders, other evaluations' members and non-member administrators", async () => {
    for (const who of [mine.members.panelist!, mine.members.reviewer!, mine.outsider, theirs.members.lead]) {
      expect(await listRespondents(mine.evaluation.id, readerOf(who), state())).toBeNull();
    }
    expect(await listRespondents(mine.evaluation.id, { id: mine.outsider.id, isAdmin: true }, state())).toBeNull();
    expect(await listRespondents(mine.evaluation.id, null, state())).toBeNull();
  });
});
