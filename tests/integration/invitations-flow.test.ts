/**
 * Invitations against a real database: only the token's hash is stored, the link comes from
 * APP_BASE_URL, and a token works once, within 7 days, unless withdrawn. Accepting creates the
 * account and the membership (or adds roles) in one transaction with an audit event.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { buildUser, createEvaluationWithTeam, inDays, type EvaluationWithTeam } from "@/tests/factories";
import { shownLink } from "@/tests/support/shown-link";
import { pointAppAt } from "@/tests/support/app-env";
import { actingUser, signInAs, signOut } from "@/tests/support/session";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let mutations: typeof import("@/lib/invitations/mutations");
let actions: typeof import("@/lib/invitations/actions");
let data: typeof import("@/lib/invitations/data");
let passwords: typeof import("@/lib/auth/password");
let team: EvaluationWithTeam;
let lead: CurrentUser;

const PASSWORD = "a long enough password";
const newAccount = (name = "New Invitee") => ({
  kind: "NEW_ACCOUNT" as const,
  name,
  password: PASSWORD,
  locale: "ES" as const,
});

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url, "https://msc.example.org/");
  team = await createEvaluationWithTeam(database.prisma);
  lead = actingUser(team.members.lead);
  mutations = await import("@/lib/invitations/mutations");
  actions = await import("@/lib/invitations/actions");
  data = await import("@/lib/invitations/data");
  passwords = await import("@/lib/auth/password");
});

afterAll(async () => {
  await database?.close();
});

async function invite(
  email: string,
  roles: Array<"LEAD" | "EVALUATOR" | "PANELIST" | "ANALYST" | "REVIEWER"> = ["PANELIST"],
  now?: Date,
) {
  const outcome = await mutations.inviteMember(lead.id, team.evaluation.id, { email, roles }, {}, now);
  if ("rejected" in outcome) throw new Error(outcome.rejected);
  return outcome;
}

function stringify(value: unknown): string {
  return JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? item.toString() : item));
}

describe("inviteMember", () => {
  it("stores only the SHA-256 of a 32-byte token, expiring in 7 days, and audits without the token", async () => {
    signInAs(lead);
    const result = await actions.inviteMember({
      evaluationId: team.evaluation.id,
      email: "Invitee@Example.org",
      roles: ["REVIEWER", "PANELIST"],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const match = /^https:\/\/msc\.example\.org\/invitations\/([A-Za-z0-9_-]{43})$/.exec(
      shownLink(result.data.delivery),
    );
    expect(match).not.toBeNull();
    const token = match![1]!;
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const row = await database.prisma.invitation.findUniqueOrThrow({ where: { id: result.data.invitationId } });
    expect(row).toMatchObject({
      email: "invitee@example.org",
      roles: ["PANELIST", "REVIEWER"],
      invitedById: lead.id,
      acceptedAt: null,
      revokedAt: null,
    });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    const lifetime = row.expiresAt.getTime() - row.createdAt.getTime();
    expect(lifetime).toBe(7 * 24 * 3600 * 1000);
    expect(stringify(row)).not.toContain(token);

    const events = await database.prisma.auditEvent.findMany({ where: { action: "member.invite", recordId: row.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toEqual({
      email: "invitee@example.org",
      roles: ["PANELIST", "REVIEWER"],
      expiresAt: row.expiresAt.toISOString(),
    });
    expect(stringify(events)).not.toContain(token);
    expect(stringify(events)).not.toContain(row.tokenHash);
  });

  it("refuses to invite someone who is already a member", async () => {
    const outcome = await mutations.inviteMember(lead.id, team.evaluation.id, {
      email: team.members.analyst!.email,
      roles: ["PANELIST"],
    });
    expect(outcome).toEqual({ rejected: "ALREADY_MEMBER", field: "email" });
  });

  it("replaces an earlier open invitation for the same address: only the newest link works", async () => {
    const first = await invite("twice@example.org");
    const second = await invite("twice@example.org", ["ANALYST"]);
    expect(await data.findInvitationByToken(first.token)).toBeNull();
    expect(await data.findInvitationByToken(second.token)).toMatchObject({ roles: ["ANALYST"] });
    expect(await mutations.acceptInvitation(first.token, newAccount())).toEqual({ rejected: "INVITATION_INVALID" });
    expect(
      await database.prisma.auditEvent.count({ where: { action: "invitation.revoke", recordId: first.invitationId } }),
    ).toBe(1);
  });

  it.each([
    ["a script tag", "<script>alert(1)</script>@x.org"],
    ["SQL", "x'; drop table invitation;--@x.org"],
    ["a right-to-left override", "evil\u202E@x.org"],
    ["an over-long address", `${"a".repeat(300)}@x.org`],
  ])("refuses %s as the address with a field error", async (_label, email) => {
    signInAs(lead);
    const before = await database.prisma.invitation.count();
    const result = await actions.inviteMember({ evaluationId: team.evaluation.id, email, roles: ["PANELIST"] });
    expect(result).toMatchObject({ ok: false, error: "INVALID" });
    expect(!result.ok && result.error === "INVALID" ? Object.keys(result.fieldErrors) : []).toEqual(["email"]);
    expect(await database.prisma.invitation.count()).toBe(before);
  });
});

describe("acceptInvitation", () => {
  it("creates the account and the membership in one go, once", async () => {
    const { token, invitationId } = await invite("fresh@example.org", ["PANELIST", "ANALYST"]);
    expect(await data.findInvitationByToken(token)).toMatchObject({
      evaluationName: team.evaluation.name,
      email: "fresh@example.org",
      account: "NEW",
    });

    const outcome = await mutations.acceptInvitation(token, newAccount("Fresh Person <b>"), { ipAddress: "192.0.2.1" });
    expect(outcome).toMatchObject({ evaluationId: team.evaluation.id, email: "fresh@example.org" });
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "fresh@example.org" } });
    expect(user.name).toBe("Fresh Person <b>");
    expect(await passwords.verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
    const member = await database.prisma.evaluationMember.findUniqueOrThrow({
      where: { evaluationId_userId: { evaluationId: team.evaluation.id, userId: user.id } },
    });
    expect(member.roles).toEqual(["PANELIST", "ANALYST"]);
    expect(
      (await database.prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } })).acceptedAt,
    ).not.toBeNull();

    const [event] = await database.prisma.auditEvent.findMany({
      where: { action: "invitation.accept", recordId: invitationId },
    });
    expect(event).toMatchObject({ evaluationId: team.evaluation.id, actorId: user.id, ipAddress: "192.0.2.1" });
    expect(event!.before).toEqual({ acceptedAt: null, memberRoles: null });
    expect(event!.after).toMatchObject({
      memberId: member.id,
      memberRoles: ["PANELIST", "ANALYST"],
      accountCreated: true,
    });
    expect(stringify(event)).not.toContain("argon2");
    expect(stringify(event)).not.toContain(token);

    // Used: the second try is refused and changes nothing.
    expect(await mutations.acceptInvitation(token, newAccount("Someone Else"))).toEqual({
      rejected: "INVITATION_INVALID",
    });
    expect(await data.findInvitationByToken(token)).toBeNull();
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Fresh Person <b>");
  });

  it("refuses an expired token, and the page shows it as unusable", async () => {
    const longAgo = inDays(-8);
    const { token } = await invite("expired@example.org", ["PANELIST"], longAgo);
    expect(await data.findInvitationByToken(token)).toBeNull();
    expect(await mutations.acceptInvitation(token, newAccount())).toEqual({ rejected: "INVITATION_INVALID" });
    expect(await database.prisma.user.count({ where: { email: "expired@example.org" } })).toBe(0);
  });

  it("refuses a withdrawn token; withdrawing twice is refused too", async () => {
    const { token, invitationId } = await invite("withdrawn@example.org");
    signInAs(lead);
    expect(await actions.revokeInvitation({ evaluationId: team.evaluation.id, invitationId })).toEqual({
      ok: true,
      data: { invitationId },
    });
    expect(await actions.revokeInvitation({ evaluationId: team.evaluation.id, invitationId })).toMatchObject({
      ok: false,
      error: "REJECTED",
      reason: "INVITATION_NOT_PENDING",
    });
    expect(await mutations.acceptInvitation(token, newAccount())).toEqual({ rejected: "INVITATION_INVALID" });
    const [event] = await database.prisma.auditEvent.findMany({
      where: { action: "invitation.revoke", recordId: invitationId },
    });
    expect(event).toMatchObject({ actorId: lead.id, before: { revokedAt: null } });
  });

  it("gives unknown and malformed tokens the same answer", async () => {
    for (const token of ["A".repeat(43), "short", "../../etc/passwd", "A".repeat(44)]) {
      expect(await data.findInvitationByToken(token)).toBeNull();
      expect(await mutations.acceptInvitation(token, newAccount())).toEqual({ rejected: "INVITATION_INVALID" });
    }
  });

  it("lets only one of two simultaneous acceptances through", async () => {
    const { token, invitationId } = await invite("race@example.org");
    const outcomes = await Promise.allSettled([
      mutations.acceptInvitation(token, newAccount("Racer One")),
      mutations.acceptInvitation(token, newAccount("Racer Two")),
    ]);
    const succeeded = outcomes.filter((outcome) => outcome.status === "fulfilled" && "evaluationId" in outcome.value);
    expect(succeeded).toHaveLength(1);
    expect(await database.prisma.user.count({ where: { email: "race@example.org" } })).toBe(1);
    expect(
      await database.prisma.auditEvent.count({ where: { action: "invitation.accept", recordId: invitationId } }),
    ).toBe(1);
  });

  it("never resets the password of an existing account: its owner signs in and accepts", async () => {
    const owner = buildUser({
      email: "owner@example.org",
      name: "Owner",
      passwordHash: await passwords.hashPassword(PASSWORD),
    });
    await database.prisma.user.create({ data: owner });
    const { token, invitationId } = await invite("owner@example.org", ["REVIEWER"]);
    expect(await data.findInvitationByToken(token)).toMatchObject({ account: "EXISTING" });

    expect(await mutations.acceptInvitation(token, newAccount("Hijacker"))).toEqual({ rejected: "SIGN_IN_REQUIRED" });
    signOut();
    expect(await actions.acceptInvitationAsSignedInUser({ token })).toEqual({ ok: false, error: "UNAUTHENTICATED" });
    signInAs(lead);
    expect(await actions.acceptInvitationAsSignedInUser({ token })).toMatchObject({
      ok: false,
      error: "REJECTED",
      reason: "WRONG_ACCOUNT",
    });
    const untouched = await database.prisma.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(untouched.name).toBe("Owner");
    expect(untouched.passwordHash).toBe(owner.passwordHash);
    expect((await database.prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } })).acceptedAt).toBeNull();

    signInAs(owner);
    expect(await actions.acceptInvitationAsSignedInUser({ token })).toEqual({
      ok: true,
      data: { evaluationId: team.evaluation.id, email: "owner@example.org" },
    });
    const member = await database.prisma.evaluationMember.findUniqueOrThrow({
      where: { evaluationId_userId: { evaluationId: team.evaluation.id, userId: owner.id } },
    });
    expect(member.roles).toEqual(["REVIEWER"]);
  });

  it("adds the invited roles to an existing membership", async () => {
    // The member left and is invited back while a stale membership row is restored by hand.
    const owner = buildUser({
      email: "returning@example.org",
      name: "Returning",
      passwordHash: await passwords.hashPassword(PASSWORD),
    });
    await database.prisma.user.create({ data: owner });
    const { token } = await invite("returning@example.org", ["ANALYST"]);
    await database.prisma.evaluationMember.create({
      data: { evaluationId: team.evaluation.id, userId: owner.id, roles: ["PANELIST"] },
    });
    signInAs(owner);
    expect(await actions.acceptInvitationAsSignedInUser({ token })).toMatchObject({ ok: true });
    const member = await database.prisma.evaluationMember.findUniqueOrThrow({
      where: { evaluationId_userId: { evaluationId: team.evaluation.id, userId: owner.id } },
    });
    expect(member.roles).toEqual(["PANELIST", "ANALYST"]);
    const [event] = await database.prisma.auditEvent.findMany({
      where: { action: "invitation.accept", actorId: owner.id },
    });
    expect(event).toMatchObject({
      before: { memberRoles: ["PANELIST"] },
      after: { memberRoles: ["PANELIST", "ANALYST"], accountCreated: false },
    });
  });

  it("refuses to invite a disabled account, and an invitation made before the disabling cannot be used", async () => {
    const gone = buildUser({ email: "gone@example.org", name: "Gone" });
    await database.prisma.user.create({ data: gone });
    const { token } = await invite("gone@example.org");
    await database.prisma.user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });

    expect(
      await mutations.inviteMember(lead.id, team.evaluation.id, { email: "gone@example.org", roles: ["PANELIST"] }),
    ).toEqual({
      rejected: "USER_DISABLED",
      field: "email",
    });
    expect(await data.findInvitationByToken(token)).toBeNull();
    expect(await mutations.acceptInvitation(token, newAccount())).toEqual({ rejected: "INVITATION_INVALID" });
    expect(await database.prisma.evaluationMember.count({ where: { userId: gone.id } })).toBe(0);
  });

  it("lets the public action refuse bad passwords with field errors before anything is used", async () => {
    const { token } = await invite("weak@example.org");
    signOut();
    const short = await actions.acceptInvitationWithAccount({
      token,
      name: "Weak",
      password: "short",
      passwordConfirmation: "short",
    });
    expect(short).toMatchObject({
      ok: false,
      error: "INVALID",
      fieldErrors: { password: ["validation.passwordTooShort"] },
    });
    const differ = await actions.acceptInvitationWithAccount({
      token,
      name: "Weak",
      password: PASSWORD,
      passwordConfirmation: `${PASSWORD}!`,
    });
    expect(differ).toMatchObject({
      ok: false,
      error: "INVALID",
      fieldErrors: { passwordConfirmation: ["validation.passwordsDiffer"] },
    });
    const rtl = await actions.acceptInvitationWithAccount({
      token,
      name: "\u202Eevil",
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
    });
    expect(rtl).toMatchObject({ ok: false, error: "INVALID", fieldErrors: { name: ["validation.controlCharacters"] } });
    expect(await data.findInvitationByToken(token)).not.toBeNull();

    const ok = await actions.acceptInvitationWithAccount({
      token,
      name: "Weak No More",
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
    });
    expect(ok).toEqual({ ok: true, data: { evaluationId: team.evaluation.id, email: "weak@example.org" } });
  });
});

describe("listPendingInvitations", () => {
  it("lists only open invitations of this evaluation, without token hashes", async () => {
    const { invitationId } = await invite("pending@example.org", ["EVALUATOR"]);
    const list = await data.listPendingInvitations(team.evaluation.id);
    expect(list.map((invitation) => invitation.id)).toContain(invitationId);
    expect(list.every((invitation) => !("tokenHash" in invitation))).toBe(true);
    expect(list.map((invitation) => invitation.email)).not.toContain("fresh@example.org");
    expect(list.map((invitation) => invitation.email)).not.toContain("withdrawn@example.org");
  });
});
