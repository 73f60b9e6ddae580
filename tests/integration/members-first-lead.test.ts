/**
 * An administrator creates an evaluation and names its first lead: an existing account becomes
 * a member at once, an unknown address gets an invitation (shown once). All or nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildUser } from "@/tests/factories";
import { shownLink } from "@/tests/support/shown-link";
import { pointAppAt } from "@/tests/support/app-env";
import { actingUser, signInAs } from "@/tests/support/session";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let actions: typeof import("@/lib/evaluations/actions");
let invitations: typeof import("@/lib/invitations/data");
let evaluations: typeof import("@/lib/evaluations/data");

const admin = buildUser({ name: "Admin", isAdmin: true });
const existingLead = buildUser({
  name: "Existing Lead",
  email: "existing.lead@example.org",
  passwordHash: "$argon2id$placeholder",
});
const disabledLead = buildUser({ name: "Disabled Lead", email: "disabled.lead@example.org", disabledAt: new Date() });
const asAdmin = actingUser(admin);

const input = {
  name: "Evaluación de asistencia técnica",
  client: "ILAB",
  evaluatorOrganisation: "Evaluadores S.C.",
  periodStart: "2024-03-01",
  periodEnd: "2025-05-31",
  languages: ["ES", "EN"],
  leadEmail: "existing.lead@example.org",
};

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url, "https://msc.example.org");
  await database.prisma.user.createMany({ data: [admin, existingLead, disabledLead] });
  actions = await import("@/lib/evaluations/actions");
  invitations = await import("@/lib/invitations/data");
  evaluations = await import("@/lib/evaluations/data");
});

afterAll(async () => {
  await database?.close();
});

describe("createEvaluation", () => {
  it("creates the evaluation with an existing account as lead, and audits both", async () => {
    signInAs(asAdmin);
    const result = await actions.createEvaluation(input);
    expect(result).toMatchObject({ ok: true, data: { lead: { kind: "MEMBER", name: "Existing Lead" } } });
    if (!result.ok) return;
    const { evaluationId } = result.data;
    const row = await database.prisma.evaluation.findUniqueOrThrow({ where: { id: evaluationId } });
    expect(row).toMatchObject({
      name: input.name,
      client: "ILAB",
      evaluatorOrganisation: "Evaluadores S.C.",
      languages: ["ES", "EN"],
    });
    expect(row.periodStart.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(row.periodEnd.toISOString()).toBe("2025-05-31T00:00:00.000Z");
    const member = await database.prisma.evaluationMember.findUniqueOrThrow({
      where: { evaluationId_userId: { evaluationId, userId: existingLead.id } },
    });
    expect(member.roles).toEqual(["LEAD"]);

    const events = await database.prisma.auditEvent.findMany({ where: { evaluationId }, orderBy: { sequence: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["evaluation.create", "member.add"]);
    expect(events[0]).toMatchObject({ actorId: admin.id, recordId: evaluationId, before: null });
    expect(events[0]!.after).toMatchObject({
      name: input.name,
      periodStart: "2024-03-01",
      periodEnd: "2025-05-31",
      languages: ["ES", "EN"],
    });
    expect(events[1]).toMatchObject({ after: { userId: existingLead.id, roles: ["LEAD"] } });

    // The new lead sees it.
    expect(await evaluations.findEvaluationAccess(evaluationId, { id: existingLead.id, isAdmin: false })).toEqual({
      roles: ["LEAD"],
    });
  });

  it("invites an address without an account as lead, returning the link once", async () => {
    signInAs(asAdmin);
    const result = await actions.createEvaluation({
      ...input,
      name: "Second evaluation",
      leadEmail: "New.Lead@Example.org",
    });
    expect(result).toMatchObject({ ok: true, data: { lead: { kind: "INVITED", email: "new.lead@example.org" } } });
    if (!result.ok || result.data.lead.kind !== "INVITED") return;
    const token = /\/invitations\/([A-Za-z0-9_-]{43})$/.exec(shownLink(result.data.lead.delivery))![1]!;
    expect(shownLink(result.data.lead.delivery).startsWith("https://msc.example.org/invitations/")).toBe(true);
    expect(await invitations.findInvitationByToken(token)).toMatchObject({
      evaluationName: "Second evaluation",
      roles: ["LEAD"],
      account: "NEW",
    });
    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId: result.data.evaluationId },
      orderBy: { sequence: "asc" },
    });
    expect(events.map((event) => event.action)).toEqual(["evaluation.create", "member.invite"]);
    expect(await database.prisma.evaluationMember.count({ where: { evaluationId: result.data.evaluationId } })).toBe(0);
  });

  it("refuses a disabled lead and leaves nothing behind", async () => {
    signInAs(asAdmin);
    const before = await database.prisma.evaluation.count();
    const result = await actions.createEvaluation({ ...input, leadEmail: "disabled.lead@example.org" });
    expect(result).toEqual({ ok: false, error: "REJECTED", reason: "LEAD_DISABLED", field: "leadEmail" });
    expect(await database.prisma.evaluation.count()).toBe(before);
  });

  it.each([
    ["a script tag", "<script>alert(1)</script>"],
    ["SQL", "'; drop table evaluation; --"],
  ])("stores %s in the name literally", async (_label, name) => {
    signInAs(asAdmin);
    const result = await actions.createEvaluation({ ...input, name });
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(
        (await database.prisma.evaluation.findUniqueOrThrow({ where: { id: result.data.evaluationId } })).name,
      ).toBe(name);
  });

  it.each([
    ["an end before the start", { periodEnd: "2023-01-01" }, "periodEnd", "validation.periodEndBeforeStart"],
    ["a right-to-left override in the client", { client: "ILAB\u202E" }, "client", "validation.controlCharacters"],
    ["an over-long name", { name: "x".repeat(10_000) }, "name", "validation.textTooLong"],
    ["no language", { languages: [] }, "languages", "validation.languagesRequired"],
    ["a malformed lead e-mail", { leadEmail: "not an e-mail" }, "leadEmail", "validation.emailInvalid"],
  ])("refuses %s with a field error and writes nothing", async (_label, change, field, key) => {
    signInAs(asAdmin);
    const before = await database.prisma.evaluation.count();
    const result = await actions.createEvaluation({ ...input, ...change });
    expect(!result.ok && result.error === "INVALID" ? result.fieldErrors[field] : null).toEqual([key]);
    expect(await database.prisma.evaluation.count()).toBe(before);
  });

  it("is for administrators only: a lead of another evaluation is refused", async () => {
    signInAs(existingLead);
    expect(await actions.createEvaluation({ ...input, name: "Not allowed" })).toEqual({
      ok: false,
      error: "FORBIDDEN",
    });
    expect(await database.prisma.evaluation.count({ where: { name: "Not allowed" } })).toBe(0);
  });
});
