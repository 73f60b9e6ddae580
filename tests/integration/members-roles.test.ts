/**
 * Changing roles and removing members against a real database: rows, audit events, sessions
 * revoked on a role change, the last-lead rule (also under concurrent changes), and scope.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildEvaluation,
  buildMembership,
  buildUser,
  createEvaluationWithTeam,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let mutations: typeof import("@/lib/members/mutations");
let data: typeof import("@/lib/members/data");
let team: EvaluationWithTeam;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  team = await createEvaluationWithTeam(database.prisma);
  mutations = await import("@/lib/members/mutations");
  data = await import("@/lib/members/data");
});

afterAll(async () => {
  await database?.close();
});

async function memberOf(evaluationId: string, userId: string) {
  return database.prisma.evaluationMember.findUnique({ where: { evaluationId_userId: { evaluationId, userId } } });
}

/** A small evaluation of its own, so last-lead tests do not depend on each other. */
async function smallTeam(leads: number, others = 1) {
  const evaluation = buildEvaluation();
  const people = Array.from({ length: leads + others }, (_, index) => buildUser({ name: `Person ${index}` }));
  await database.prisma.evaluation.create({ data: evaluation });
  await database.prisma.user.createMany({ data: people });
  const members = people.map((person, index) =>
    buildMembership({
      evaluationId: evaluation.id,
      userId: person.id,
      roles: index < leads ? ["LEAD"] : ["EVALUATOR"],
    }),
  );
  await database.prisma.evaluationMember.createMany({ data: members });
  return { evaluationId: evaluation.id, leads: members.slice(0, leads), others: members.slice(leads), people };
}

describe("updateMemberRoles", () => {
  it("sets the roles, revokes that user's sessions in the same change, and audits before/after", async () => {
    const panelist = team.members.panelist!;
    const member = (await memberOf(team.evaluation.id, panelist.id))!;
    const now = new Date();
    await database.prisma.userSession.createMany({
      data: [1, 2].map(() => ({
        userId: panelist.id,
        expiresAt: new Date(now.getTime() + 3_600_000),
        lastSeenAt: now,
      })),
    });
    // Someone else's session is left alone.
    await database.prisma.userSession.create({
      data: { userId: team.members.lead.id, expiresAt: new Date(now.getTime() + 3_600_000) },
    });

    const outcome = await mutations.updateMemberRoles(
      team.members.lead.id,
      team.evaluation.id,
      member.id,
      ["ANALYST", "PANELIST", "ANALYST"],
      { ipAddress: "203.0.113.9" },
    );
    expect(outcome).toEqual({ changed: true });
    expect((await memberOf(team.evaluation.id, panelist.id))!.roles).toEqual(["PANELIST", "ANALYST"]);
    const sessions = await database.prisma.userSession.findMany({ where: { userId: panelist.id } });
    expect(sessions.every((session) => session.revokedAt !== null)).toBe(true);
    expect(await database.prisma.userSession.count({ where: { userId: team.members.lead.id, revokedAt: null } })).toBe(
      1,
    );

    const events = await database.prisma.auditEvent.findMany({
      where: { action: "member.update_roles", recordId: member.id },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      evaluationId: team.evaluation.id,
      actorId: team.members.lead.id,
      recordType: "EvaluationMember",
      before: { roles: ["PANELIST"] },
      after: { roles: ["PANELIST", "ANALYST"] },
      ipAddress: "203.0.113.9",
    });
  });

  it("changes nothing (no event, no sign-out) when the roles are the same", async () => {
    const member = (await memberOf(team.evaluation.id, team.members.reviewer!.id))!;
    await database.prisma.userSession.create({
      data: { userId: team.members.reviewer!.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect(
      await mutations.updateMemberRoles(team.members.lead.id, team.evaluation.id, member.id, ["REVIEWER"]),
    ).toEqual({ changed: false });
    expect(await database.prisma.auditEvent.count({ where: { recordId: member.id } })).toBe(0);
    expect(
      await database.prisma.userSession.count({ where: { userId: team.members.reviewer!.id, revokedAt: null } }),
    ).toBe(1);
  });

  it("refuses an empty role list", async () => {
    const member = (await memberOf(team.evaluation.id, team.members.analyst!.id))!;
    expect(await mutations.updateMemberRoles(team.members.lead.id, team.evaluation.id, member.id, [])).toEqual({
      rejected: "ROLES_REQUIRED",
      field: "roles",
    });
  });

  it("answers NOT_FOUND for a member of another evaluation named through this one, and changes nothing", async () => {
    const other = await smallTeam(1);
    const foreign = other.others[0]!;
    await expect(
      mutations.updateMemberRoles(team.members.lead.id, team.evaluation.id, foreign.id, ["LEAD"]),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await database.prisma.evaluationMember.findUniqueOrThrow({ where: { id: foreign.id } })).roles).toEqual([
      "EVALUATOR",
    ]);
  });
});

describe("the last lead", () => {
  it("cannot lose LEAD, but can once another lead exists", async () => {
    const small = await smallTeam(1);
    const onlyLead = small.leads[0]!;
    expect(await mutations.updateMemberRoles(onlyLead.userId, small.evaluationId, onlyLead.id, ["EVALUATOR"])).toEqual({
      rejected: "LAST_LEAD",
      field: "roles",
    });
    expect((await database.prisma.evaluationMember.findUniqueOrThrow({ where: { id: onlyLead.id } })).roles).toEqual([
      "LEAD",
    ]);
    // Adding a role that grants more to the last lead is fine, by someone else: nobody raises their own.
    const other = small.others[0]!;
    expect(
      await mutations.updateMemberRoles(onlyLead.userId, small.evaluationId, onlyLead.id, ["LEAD", "ANALYST"]),
    ).toEqual({ rejected: "OWN_ROLES", field: "roles" });
    expect(
      await mutations.updateMemberRoles(other.userId, small.evaluationId, onlyLead.id, ["LEAD", "ANALYST"]),
    ).toEqual({ changed: true });

    expect(
      await mutations.updateMemberRoles(onlyLead.userId, small.evaluationId, other.id, ["LEAD", "EVALUATOR"]),
    ).toEqual({ changed: true });
    expect(await mutations.updateMemberRoles(onlyLead.userId, small.evaluationId, onlyLead.id, ["ANALYST"])).toEqual({
      changed: true,
    });
  });

  it("cannot be removed, but can once another lead exists", async () => {
    const small = await smallTeam(1);
    const onlyLead = small.leads[0]!;
    expect(await mutations.removeMember(onlyLead.userId, small.evaluationId, onlyLead.id)).toEqual({
      rejected: "LAST_LEAD",
    });
    expect(await database.prisma.evaluationMember.count({ where: { id: onlyLead.id } })).toBe(1);

    await mutations.updateMemberRoles(onlyLead.userId, small.evaluationId, small.others[0]!.id, ["LEAD"]);
    expect(await mutations.removeMember(onlyLead.userId, small.evaluationId, onlyLead.id)).toEqual({ removed: true });
  });

  it("holds when two leads demote each other at the same moment: exactly one succeeds", async () => {
    const small = await smallTeam(2, 0);
    const [first, second] = small.leads as [(typeof small.leads)[0], (typeof small.leads)[0]];
    const outcomes = await Promise.all([
      mutations.updateMemberRoles(first.userId, small.evaluationId, second.id, ["EVALUATOR"]),
      mutations.updateMemberRoles(second.userId, small.evaluationId, first.id, ["EVALUATOR"]),
    ]);
    expect(outcomes.filter((outcome) => "changed" in outcome)).toHaveLength(1);
    expect(outcomes.filter((outcome) => "rejected" in outcome)).toEqual([{ rejected: "LAST_LEAD", field: "roles" }]);
    expect(
      await database.prisma.evaluationMember.count({
        where: { evaluationId: small.evaluationId, roles: { has: "LEAD" } },
      }),
    ).toBe(1);
  });

  it("holds when two leads remove each other at the same moment", async () => {
    const small = await smallTeam(2, 0);
    const [first, second] = small.leads as [(typeof small.leads)[0], (typeof small.leads)[0]];
    const outcomes = await Promise.all([
      mutations.removeMember(first.userId, small.evaluationId, second.id),
      mutations.removeMember(second.userId, small.evaluationId, first.id),
    ]);
    expect(outcomes.filter((outcome) => "removed" in outcome)).toHaveLength(1);
    expect(
      await database.prisma.evaluationMember.count({
        where: { evaluationId: small.evaluationId, roles: { has: "LEAD" } },
      }),
    ).toBe(1);
  });
});

describe("removeMember", () => {
  it("deletes the membership (not the user) and audits what it was", async () => {
    const small = await smallTeam(1);
    const leaving = small.others[0]!;
    expect(
      await mutations.removeMember(small.leads[0]!.userId, small.evaluationId, leaving.id, {
        ipAddress: "203.0.113.10",
      }),
    ).toEqual({ removed: true });
    expect(await database.prisma.evaluationMember.count({ where: { id: leaving.id } })).toBe(0);
    expect(await database.prisma.user.count({ where: { id: leaving.userId } })).toBe(1);
    const [event] = await database.prisma.auditEvent.findMany({
      where: { action: "member.remove", recordId: leaving.id },
    });
    expect(event).toMatchObject({
      evaluationId: small.evaluationId,
      actorId: small.leads[0]!.userId,
      before: { userId: leaving.userId, roles: ["EVALUATOR"] },
      after: null,
    });
    // Removing again: not found.
    await expect(mutations.removeMember(small.leads[0]!.userId, small.evaluationId, leaving.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("panel seats", () => {
  /** Seats `member` (made a panelist with `roles`) on a new panel of the small team's evaluation. */
  async function seated(roles: Array<"PANELIST" | "EVALUATOR">) {
    const small = await smallTeam(1, 2);
    const member = small.others[0]!;
    const stays = small.others[1]!;
    await database.prisma.evaluationMember.updateMany({
      where: { id: { in: [member.id, stays.id] } },
      data: { roles },
    });
    const panel = await database.prisma.selectionPanel.create({
      data: { evaluationId: small.evaluationId, name: "Panel", level: "PORTFOLIO" },
    });
    await database.prisma.panelMember.createMany({
      data: [member, stays].map((m) => ({ evaluationId: small.evaluationId, panelId: panel.id, userId: m.userId })),
    });
    return { small, member, stays, panelId: panel.id };
  }
  const seatsOf = (userId: string) => database.prisma.panelMember.count({ where: { userId } });

  it("end when a member leaves the team, and the removal's audit event names the panels", async () => {
    const { small, member, stays, panelId } = await seated(["PANELIST"]);
    await mutations.removeMember(small.leads[0]!.userId, small.evaluationId, member.id);
    expect(await seatsOf(member.userId)).toBe(0);
    expect(await seatsOf(stays.userId)).toBe(1);
    const [event] = await database.prisma.auditEvent.findMany({
      where: { action: "member.remove", recordId: member.id },
    });
    expect(event!.before).toMatchObject({ panelsLeft: [panelId] });
  });

  it("end when the panelist role goes, and stay while it is kept", async () => {
    const { small, member, panelId } = await seated(["PANELIST", "EVALUATOR"]);
    await mutations.updateMemberRoles(small.leads[0]!.userId, small.evaluationId, member.id, ["PANELIST"]);
    expect(await seatsOf(member.userId)).toBe(1);
    await mutations.updateMemberRoles(small.leads[0]!.userId, small.evaluationId, member.id, ["EVALUATOR"]);
    expect(await seatsOf(member.userId)).toBe(0);
    const events = await database.prisma.auditEvent.findMany({
      where: { action: "member.update_roles", recordId: member.id },
      orderBy: { sequence: "asc" },
    });
    expect(events.map((e) => e.after)).toEqual([
      { roles: ["PANELIST"] },
      { roles: ["EVALUATOR"], panelsLeft: [panelId] },
    ]);
  });
});

describe("listMembers", () => {
  it("lists names and roles, with e-mail addresses only when asked for", async () => {
    const small = await smallTeam(1);
    const withEmail = await data.listMembers(small.evaluationId, { withEmail: true });
    const withoutEmail = await data.listMembers(small.evaluationId, { withEmail: false });
    expect(withEmail.map((member) => member.email)).toEqual(small.people.map((person) => person.email));
    expect(withoutEmail.every((member) => member.email === null)).toBe(true);
    expect(withoutEmail.map((member) => member.roles)).toEqual([["LEAD"], ["EVALUATOR"]]);
  });
});
