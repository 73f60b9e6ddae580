/**
 * A respondent's identity through the server actions and page loaders, as each role: leads and
 * evaluators read it only by asking, and each read is audited in the same transaction; panelists,
 * analysts, reviewers, administrators and outsiders get nothing — no value in any response, no
 * row changed, no event written.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { buildUser, createEvaluationWithTeam, type EvaluationWithTeam } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { signInAs, signOut } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

const NAME = "Ximena Canario Ficticia";
const PHONE = "+52 55 9876 5432";
const COMMUNITY = "Barrio Ficticio del Sur";

let database: TestDatabase;
let team: EvaluationWithTeam;
let other: EvaluationWithTeam;
let admin: { id: string; name: string; email: string };
let respondentId: string;
let consentId: string;
let actions: typeof import("@/lib/respondents/actions");
let data: typeof import("@/lib/respondents/data");
let access: typeof import("@/lib/respondents/access");

function as(user: { id: string; name: string; email: string }, isAdmin = false): CurrentUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin,
    locale: "ES",
    sessionId: "s",
    needsTwoFactorEnrolment: false,
  };
}

/** JSON of anything an action or loader returns (dates and bigints included). */
function dump(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

function expectNoIdentity(value: unknown) {
  const text = dump(value);
  for (const secret of [NAME, "Ximena", PHONE, "9876", COMMUNITY]) expect(text).not.toContain(secret);
}

const attributes = {
  type: "UNAFFILIATED_WORKER",
  gender: "WOMAN",
  state: "Oaxaca",
  placeId: "",
  sectorId: "",
  language: "mix",
  atRiskGroupIds: [],
};

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [actions, data, access] = await Promise.all([
    import("@/lib/respondents/actions"),
    import("@/lib/respondents/data"),
    import("@/lib/respondents/access"),
  ]);
  team = await createEvaluationWithTeam(database.prisma);
  other = await createEvaluationWithTeam(database.prisma);
  admin = buildUser({ name: "Admin", isAdmin: true });
  await database.prisma.user.create({ data: admin });

  signInAs(as(team.members.evaluator!));
  const created = await actions.createRespondent({
    evaluationId: team.evaluation.id,
    ...attributes,
    name: NAME,
    phone: PHONE,
    email: "",
    community: COMMUNITY,
  });
  if (!created.ok) throw new Error(`setup: ${dump(created)}`);
  respondentId = created.data.id;
  const consent = await actions.recordConsent({
    evaluationId: team.evaluation.id,
    respondentId,
    givenOn: "2024-07-04",
    method: "ORAL_RECORDED_WITHOUT_NAME",
    formVersion: "2024-05 v2",
    language: "mix",
    scopes: {
      INTERVIEW: "yes",
      AUDIO_RECORDING: "no",
      ANONYMOUS_QUOTATION: "yes",
      SHARE_WITH_FUNDER: "no",
      CONTACT_FOR_VALIDATION: "yes",
    },
  });
  if (!consent.ok) throw new Error(`setup: ${dump(consent)}`);
  consentId = consent.data.consentId;
  signOut();
});

afterAll(async () => {
  await database?.close();
});

const readEvents = () =>
  database.prisma.auditEvent.count({ where: { evaluationId: team.evaluation.id, action: "respondent.identity.read" } });

describe("showing the identity", () => {
  it.each(["lead", "evaluator"] as const)(
    "opens it for the %s and writes who, which respondent and when, without the values",
    async (role) => {
      const user = team.members[role]!;
      signInAs(as(user));
      const before = await readEvents();
      const result = await actions.revealRespondentIdentity({ evaluationId: team.evaluation.id, respondentId });
      expect(result).toEqual({
        ok: true,
        data: { state: "present", values: { name: NAME, phone: PHONE, email: null, community: COMMUNITY } },
      });
      expect(await readEvents()).toBe(before + 1);
      const event = await database.prisma.auditEvent.findFirstOrThrow({
        where: { evaluationId: team.evaluation.id, action: "respondent.identity.read" },
        orderBy: { sequence: "desc" },
      });
      expect(event).toMatchObject({ actorId: user.id, recordType: "Respondent", recordId: respondentId });
      expect(event.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(event.after).toEqual({ code: "R-0001", fields: ["name", "contact", "community"] });
      expectNoIdentity({ before: event.before, after: event.after });
    },
  );

  it("is never part of the page's data, even for a lead (only the explicit action opens it)", async () => {
    const detail = await data.getRespondentDetail(team.evaluation.id, respondentId, true, true);
    expect(detail?.identity).toEqual({ state: "present" });
    expectNoIdentity(detail);
  });
});

describe("everyone else gets nothing", () => {
  const cases = () =>
    [
      ["panelist", as(team.members.panelist!)],
      ["analyst", as(team.members.analyst!)],
      ["reviewer", as(team.members.reviewer!)],
      ["outsider", as(team.outsider)],
      ["administrator", as(admin, true)],
      ["evaluator of another evaluation", as(other.members.evaluator!)],
    ] as const;

  it("refuses every identity and consent action, changes nothing and logs no read", async () => {
    const rowBefore = await database.prisma.respondent.findUniqueOrThrow({ where: { id: respondentId } });
    const identityBefore = await database.prisma.respondentIdentity.findFirstOrThrow({ where: { respondentId } });
    const eventsBefore = await database.prisma.auditEvent.count();
    for (const [who, user] of cases()) {
      signInAs(user);
      const ref = { evaluationId: team.evaluation.id, respondentId };
      const results = await Promise.all([
        actions.revealRespondentIdentity(ref),
        actions.updateRespondentIdentity({
          ...ref,
          version: rowBefore.version,
          name: "Cambiado",
          phone: "",
          email: "",
          community: "",
        }),
        actions.updateRespondent({ ...ref, version: rowBefore.version, ...attributes, gender: "MAN" }),
        actions.createRespondent({
          evaluationId: team.evaluation.id,
          ...attributes,
          name: "Otra Persona",
          phone: "",
          email: "",
          community: "",
        }),
        actions.recordConsent({
          ...ref,
          givenOn: "2024-08-01",
          method: "WRITTEN",
          formVersion: "v3",
          language: "es",
          scopes: {},
        }),
        actions.withdrawConsent({
          ...ref,
          consentId,
          withdrawnOn: "2024-09-01",
          choice: "DESTROY",
          note: "",
          confirmed: true,
        }),
      ]);
      // A member without the permission is refused; anyone else is not even told the evaluation exists.
      const expected = who === "outsider" || who === "evaluator of another evaluation" ? "NOT_FOUND" : "FORBIDDEN";
      for (const result of results) {
        expect(result.ok, who).toBe(false);
        // The consent form with no scopes is invalid before anything is looked up.
        if (!result.ok && result.error !== "INVALID") expect(result.error, who).toBe(expected);
        expectNoIdentity(result);
      }
    }
    expect(await database.prisma.respondent.findUniqueOrThrow({ where: { id: respondentId } })).toEqual(rowBefore);
    expect(await database.prisma.respondentIdentity.findFirstOrThrow({ where: { respondentId } })).toEqual(
      identityBefore,
    );
    expect(await database.prisma.auditEvent.count()).toBe(eventsBefore);
  });

  it("gives panelists, reviewers, administrators and outsiders no respondent page at all (404)", async () => {
    for (const [who, user] of cases()) {
      if (who === "analyst") continue;
      expect(await access.respondentAccess(team.evaluation.id, user), who).toBeNull();
    }
  });

  it("shows an analyst the code and attributes, without identity state or withdrawal notes", async () => {
    const analyst = await access.respondentAccess(team.evaluation.id, as(team.members.analyst!));
    expect(analyst).toMatchObject({
      view: true,
      edit: false,
      viewIdentity: false,
      editIdentity: false,
      editConsent: false,
    });
    const detail = await data.getRespondentDetail(
      team.evaluation.id,
      respondentId,
      analyst!.viewIdentity,
      analyst!.editConsent,
    );
    expect(detail).toMatchObject({ code: "R-0001", type: "UNAFFILIATED_WORKER", identity: null });
    expect(detail?.consents[0]?.scopes).toEqual({
      INTERVIEW: true,
      AUDIO_RECORDING: false,
      ANONYMOUS_QUOTATION: true,
      SHARE_WITH_FUNDER: false,
      CONTACT_FOR_VALIDATION: true,
    });
    expectNoIdentity(detail);
  });

  it("answers UNAUTHENTICATED without a session", async () => {
    signOut();
    expect(await actions.revealRespondentIdentity({ evaluationId: team.evaluation.id, respondentId })).toEqual({
      ok: false,
      error: "UNAUTHENTICATED",
    });
  });

  it("finds nothing when a member of another evaluation passes their own evaluation with this respondent", async () => {
    signInAs(as(other.members.lead));
    const before = await database.prisma.auditEvent.count();
    const result = await actions.revealRespondentIdentity({ evaluationId: other.evaluation.id, respondentId });
    expect(result).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await database.prisma.auditEvent.count()).toBe(before);
  });
});

describe("changing the identity", () => {
  it("re-seals the changed parts, bumps the version and audits the part names only", async () => {
    signInAs(as(team.members.lead));
    const { version } = await database.prisma.respondent.findUniqueOrThrow({ where: { id: respondentId } });
    const ref = { evaluationId: team.evaluation.id, respondentId };
    const result = await actions.updateRespondentIdentity({
      ...ref,
      version,
      name: NAME,
      phone: PHONE,
      email: "ximena@ejemplo.invalid",
      community: COMMUNITY,
    });
    expect(result).toEqual({ ok: true, data: { version: version + 1 } });
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "respondent.identity.update", recordId: respondentId },
    });
    expect(event.after).toEqual({ code: "R-0001", fields: ["contact"], version: version + 1 });
    expect(dump(event.after)).not.toContain("ximena@");

    const stale = await actions.updateRespondentIdentity({
      ...ref,
      version,
      name: "Otro Nombre",
      phone: "",
      email: "",
      community: "",
    });
    expect(stale).toEqual({ ok: false, error: "REJECTED", reason: "STALE_VERSION", field: undefined });
    const shown = await actions.revealRespondentIdentity(ref);
    expect(shown.ok && shown.data.state === "present" && shown.data.values.name).toBe(NAME);
  });

  it("refuses an analyst even with a valid version, and invalid input before any lookup", async () => {
    signInAs(as(team.members.analyst!));
    const ref = { evaluationId: team.evaluation.id, respondentId };
    expect(
      await actions.updateRespondentIdentity({ ...ref, version: 1, name: "x", phone: "", email: "", community: "" }),
    ).toEqual({ ok: false, error: "FORBIDDEN" });
    signInAs(as(team.members.lead));
    const hostile = await actions.updateRespondentIdentity({
      ...ref,
      version: 1,
      name: "Ana\u202E",
      phone: "=HYPERLINK(1)",
      email: "x",
      community: "",
    });
    expect(hostile).toEqual({
      ok: false,
      error: "INVALID",
      fieldErrors: { name: ["errors.hiddenCharacters"], phone: ["errors.phone"], email: ["errors.email"] },
    });
    const operators = await actions.revealRespondentIdentity({
      evaluationId: { not: null },
      respondentId: { contains: "" },
    });
    expect(operators).toMatchObject({ ok: false, error: "INVALID" });
  });

  it("ignores fields a client may not set when creating (code, exclusion, id)", async () => {
    signInAs(as(team.members.evaluator!));
    const result = await actions.createRespondent({
      evaluationId: team.evaluation.id,
      ...attributes,
      code: "R-9999",
      codeNumber: 9999,
      excludedAt: "2020-01-01",
      id: "chosen-by-client",
      version: 77,
    });
    expect(result.ok).toBe(true);
    const row = await database.prisma.respondent.findFirstOrThrow({
      where: { evaluationId: team.evaluation.id },
      orderBy: { codeNumber: "desc" },
    });
    expect(row).toMatchObject({ code: "R-0002", codeNumber: 2, excludedAt: null, version: 1 });
    expect(row.id).not.toBe("chosen-by-client");
  });
});
