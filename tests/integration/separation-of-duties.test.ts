/**
 * Nobody grants themselves a role (docs/decisions/0030). An administrator could read any
 * identity in two requests: invite themselves as lead of an evaluation, accept, reveal. Each path
 * that creates or widens a membership refuses the person acting on themselves: an invitation to
 * one's own address, an invitation accepted by its own author, an evaluation whose creator names
 * themselves lead, a member raising their own roles. An administrator joins only by another
 * member's act, and the leads see it on the members page and in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { buildUser, createEvaluationWithTeam, type EvaluationWithTeam } from "@/tests/factories";
import { actingUser, signInAs } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let team: EvaluationWithTeam;
let invitations: typeof import("@/lib/invitations/actions");
let invitationWrites: typeof import("@/lib/invitations/mutations");
let evaluations: typeof import("@/lib/evaluations/actions");
let members: typeof import("@/lib/members/actions");
let access: typeof import("@/lib/evaluations/access");
const admin = buildUser({
  name: "Administradora",
  email: "admin@sod.example",
  isAdmin: true,
  passwordHash: "$argon2id$placeholder",
});
const asAdmin = () => actingUser(admin);

const readsIdentities = async (user: CurrentUser) =>
  (await access.accessWith(team.evaluation.id, user, "respondent.identity.view")) !== null;
const membershipOf = (userId: string) =>
  database.prisma.evaluationMember.findUnique({
    where: { evaluationId_userId: { evaluationId: team.evaluation.id, userId } },
  });
const tokenOf = (delivery: unknown) => /\/invitations\/([A-Za-z0-9_-]{43})/.exec(JSON.stringify(delivery))![1]!;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url, "https://msc.example.org");
  await database.prisma.user.create({ data: admin });
  team = await createEvaluationWithTeam(database.prisma);
  [invitations, invitationWrites, evaluations, members, access] = await Promise.all([
    import("@/lib/invitations/actions"),
    import("@/lib/invitations/mutations"),
    import("@/lib/evaluations/actions"),
    import("@/lib/members/actions"),
    import("@/lib/evaluations/access"),
  ]);
});

afterAll(async () => {
  await database?.close();
});

describe("an administrator", () => {
  it("cannot invite their own address, in any spelling, and so never reaches the identities", async () => {
    signInAs(asAdmin());
    for (const email of ["admin@sod.example", "Admin@SOD.example"]) {
      const result = await invitations.inviteMember({ evaluationId: team.evaluation.id, email, roles: ["LEAD"] });
      expect(result).toEqual({ ok: false, error: "REJECTED", reason: "SELF_INVITATION", field: "email" });
    }
    expect(
      await database.prisma.invitation.count({ where: { evaluationId: team.evaluation.id, email: admin.email } }),
    ).toBe(0);
    expect(await membershipOf(admin.id)).toBeNull();
    expect(await readsIdentities(asAdmin())).toBe(false);
  });

  it("cannot accept an invitation they made themselves (one made before the rule, still pending)", async () => {
    const created = await database.prisma.$transaction((tx) =>
      invitationWrites.createInvitationInTransaction(tx, {
        actorId: admin.id,
        evaluationId: team.evaluation.id,
        email: admin.email,
        roles: ["LEAD"],
      }),
    );
    signInAs(asAdmin());
    const result = await invitations.acceptInvitationAsSignedInUser({ token: created.token });
    expect(result).toMatchObject({ ok: false, error: "REJECTED", reason: "SELF_INVITATION" });
    expect(await membershipOf(admin.id)).toBeNull();
    expect(
      (await database.prisma.invitation.findUniqueOrThrow({ where: { id: created.invitationId } })).acceptedAt,
    ).toBeNull();
    expect(await readsIdentities(asAdmin())).toBe(false);
    await database.prisma.invitation.update({ where: { id: created.invitationId }, data: { revokedAt: new Date() } });
  });

  it("cannot name themselves lead of an evaluation they create; nothing is created", async () => {
    signInAs(asAdmin());
    const before = await database.prisma.evaluation.count();
    const result = await evaluations.createEvaluation({
      name: "Evaluación propia",
      client: "ILAB",
      evaluatorOrganisation: "Evaluadores S.C.",
      periodStart: "2024-03-01",
      periodEnd: "2025-05-31",
      languages: ["ES"],
      leadEmail: "ADMIN@sod.example",
    });
    expect(result).toEqual({ ok: false, error: "REJECTED", reason: "SELF_INVITATION", field: "leadEmail" });
    expect(await database.prisma.evaluation.count()).toBe(before);
  });

  it("joins by a lead's invitation, and the leads see it marked on the members page and in the audit trail", async () => {
    signInAs(team.members.lead);
    const invited = await invitations.inviteMember({
      evaluationId: team.evaluation.id,
      email: admin.email,
      roles: ["PANELIST"],
    });
    expect(invited.ok).toBe(true);
    if (!invited.ok) return;
    signInAs(asAdmin());
    expect(await invitations.acceptInvitationAsSignedInUser({ token: tokenOf(invited.data.delivery) })).toMatchObject({
      ok: true,
    });

    const { loadMembersPage } = await import("@/lib/members/loaders");
    const page = await loadMembersPage(team.evaluation.id, actingUser(team.members.lead));
    expect(page?.members.find((member) => member.userId === admin.id)).toMatchObject({
      administrator: true,
      roles: ["PANELIST"],
    });
    expect(page?.members.find((member) => member.userId === team.members.lead.id)).toMatchObject({
      administrator: false,
    });
    const accepted = await database.prisma.auditEvent.findFirstOrThrow({
      where: { evaluationId: team.evaluation.id, action: "invitation.accept", actorId: admin.id },
    });
    expect(accepted.after).toMatchObject({ administrator: true, memberRoles: ["PANELIST"] });
  });

  it("who is a member cannot raise their own roles with the administrator's permission", async () => {
    const member = (await membershipOf(admin.id))!;
    signInAs(asAdmin());
    const result = await members.updateMemberRoles({
      evaluationId: team.evaluation.id,
      memberId: member.id,
      roles: ["PANELIST", "LEAD"],
    });
    expect(result).toEqual({ ok: false, error: "REJECTED", reason: "OWN_ROLES", field: "roles" });
    expect((await membershipOf(admin.id))!.roles).toEqual(["PANELIST"]);
    expect(await readsIdentities(asAdmin())).toBe(false);
  });
});

describe("a lead", () => {
  it("cannot add a role to themselves that grants more, but may give one up", async () => {
    const lead = (await membershipOf(team.members.lead.id))!;
    signInAs(team.members.lead);
    // The analyst's role edits the evidence, which a lead's does not.
    expect(
      await members.updateMemberRoles({
        evaluationId: team.evaluation.id,
        memberId: lead.id,
        roles: ["LEAD", "ANALYST"],
      }),
    ).toEqual({
      ok: false,
      error: "REJECTED",
      reason: "OWN_ROLES",
      field: "roles",
    });
    // Another lead may grant it; then giving it up is the lead's own choice.
    signInAs(asAdmin());
    await database.prisma.evaluationMember.update({ where: { id: lead.id }, data: { roles: ["LEAD", "ANALYST"] } });
    signInAs(team.members.lead);
    expect(
      await members.updateMemberRoles({ evaluationId: team.evaluation.id, memberId: lead.id, roles: ["LEAD"] }),
    ).toMatchObject({ ok: true });
    expect((await membershipOf(team.members.lead.id))!.roles).toEqual(["LEAD"]);
  });

  it("cannot invite their own address either", async () => {
    signInAs(team.members.lead);
    const result = await invitations.inviteMember({
      evaluationId: team.evaluation.id,
      email: team.members.lead.email,
      roles: ["EVALUATOR"],
    });
    expect(result).toMatchObject({ ok: false, reason: "SELF_INVITATION" });
  });
});
