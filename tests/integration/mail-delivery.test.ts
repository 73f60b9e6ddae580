/**
 * Optional e-mail delivery of invitation and set-up links, against a real SMTP conversation: with a
 * mail server the link goes only to the recipient (never back to the inviter) and works from the
 * e-mail; a refusing or unreachable server falls back to showing the link, with a warning; each
 * attempt is audited without the link; the record is kept whatever the mail server does.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildUser, createEvaluationWithTeam, type EvaluationWithTeam } from "@/tests/factories";
import { signInAs } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openSmtpInbox, type SmtpInbox, withInbox as withInboxFrom } from "@/tests/support/smtp-inbox";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let team: EvaluationWithTeam;
let invitations: typeof import("@/lib/invitations/actions");
let invitationMutations: typeof import("@/lib/invitations/mutations");
let users: typeof import("@/lib/users/actions");
let userMutations: typeof import("@/lib/users/mutations");
let evaluations: typeof import("@/lib/evaluations/actions");
const admin = buildUser({ name: "Ada Admin", email: "ada@mail.test", isAdmin: true });
const SENDER = "MSC Evaluations <no-reply@msc.example.org>";

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url, "https://msc.example.org");
  team = await createEvaluationWithTeam(database.prisma);
  await database.prisma.user.create({ data: admin });
  invitations = await import("@/lib/invitations/actions");
  invitationMutations = await import("@/lib/invitations/mutations");
  users = await import("@/lib/users/actions");
  userMutations = await import("@/lib/users/mutations");
  evaluations = await import("@/lib/evaluations/actions");
});

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
});

afterAll(async () => {
  await database?.close();
});

const withInbox = <T>(options: { refuse?: boolean }, run: (inbox: SmtpInbox) => Promise<T>) =>
  withInboxFrom(SENDER, options, run);

const mailEvents = (recordId: string) =>
  database.prisma.auditEvent.findMany({
    where: { action: { in: ["mail.sent", "mail.failed"] }, recordId },
    orderBy: { sequence: "asc" },
  });

describe("invitations by e-mail", () => {
  it("sends the link only to the invitee, in both languages, and the link in the e-mail works", async () => {
    signInAs(team.members.lead);
    await withInbox({}, async (inbox) => {
      const result = await invitations.inviteMember({
        evaluationId: team.evaluation.id,
        email: "Invitee@Mail.test",
        roles: ["PANELIST", "REVIEWER"],
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.data.delivery).toEqual({ kind: "EMAILED", to: "invitee@mail.test" });
      expect(JSON.stringify(result.data)).not.toContain("/invitations/");

      expect(inbox.messages).toHaveLength(1);
      const [mail] = inbox.messages;
      expect(mail!.to).toEqual(["invitee@mail.test"]);
      expect(mail!.subject).toBe(
        `Invitación a la evaluación «${team.evaluation.name}» · Invitation to the evaluation “${team.evaluation.name}”`,
      );
      expect(mail!.text).toContain("Panelista y Revisor/a");
      expect(mail!.text).toContain("Panelist and Reviewer");
      const token = /https:\/\/msc\.example\.org\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail!.text)?.[1];
      expect(token).toBeDefined();

      const [event] = await mailEvents(result.data.invitationId);
      expect(event).toMatchObject({
        evaluationId: team.evaluation.id,
        actorId: team.members.lead.id,
        recordType: "Invitation",
      });
      expect(event!.after).toEqual({ purpose: "invitation", to: "invitee@mail.test" });
      expect(JSON.stringify([event!.before, event!.after])).not.toContain(token!);

      const accepted = await invitationMutations.acceptInvitation(token!, {
        kind: "NEW_ACCOUNT",
        name: "Ines Invitee",
        password: "a long enough password",
        locale: "ES",
      });
      expect(accepted).toMatchObject({ evaluationId: team.evaluation.id, email: "invitee@mail.test" });
    });
  });

  it("falls back to showing the link when the mail server refuses it, and keeps the invitation", async () => {
    signInAs(team.members.lead);
    await withInbox({ refuse: true }, async (inbox) => {
      const result = await invitations.inviteMember({
        evaluationId: team.evaluation.id,
        email: "refused@mail.test",
        roles: ["ANALYST"],
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.data.delivery).toMatchObject({ kind: "SHOWN", sendFailed: true });
      expect(inbox.messages).toHaveLength(0);
      expect(await database.prisma.invitation.count({ where: { id: result.data.invitationId, revokedAt: null } })).toBe(
        1,
      );
      const events = await mailEvents(result.data.invitationId);
      expect(events.map((event) => event.action)).toEqual(["mail.failed"]);
    });
  });

  it("falls back to showing the link when the mail server cannot be reached", async () => {
    signInAs(team.members.lead);
    const closed = await openSmtpInbox();
    await closed.close(); // a port nobody listens on any more
    Object.assign(process.env, { SMTP_URL: closed.url, MAIL_FROM: SENDER });
    const result = await invitations.inviteMember({
      evaluationId: team.evaluation.id,
      email: "unreachable@mail.test",
      roles: ["ANALYST"],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.delivery).toMatchObject({ kind: "SHOWN", sendFailed: true });
  });

  it("shows the link, sends nothing and audits no mail when no mail server is set up", async () => {
    signInAs(team.members.lead);
    const result = await invitations.inviteMember({
      evaluationId: team.evaluation.id,
      email: "nomail@mail.test",
      roles: ["ANALYST"],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.delivery).toMatchObject({ kind: "SHOWN", sendFailed: false });
    expect(await mailEvents(result.data.invitationId)).toHaveLength(0);
  });

  it("e-mails the invitation of a new evaluation's lead", async () => {
    signInAs(admin);
    await withInbox({}, async (inbox) => {
      const result = await evaluations.createEvaluation({
        name: "Evaluación de prueba",
        client: "ILAB",
        evaluatorOrganisation: "Equipo",
        periodStart: "2024-01-01",
        periodEnd: "2025-06-30",
        languages: ["ES", "EN"],
        leadEmail: "new-lead@mail.test",
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.data.lead).toEqual({
        kind: "INVITED",
        email: "new-lead@mail.test",
        delivery: { kind: "EMAILED", to: "new-lead@mail.test" },
      });
      expect(inbox.messages[0]!.text).toContain("Evaluación de prueba");
      expect(inbox.messages[0]!.text).toContain("Líder");
    });
  });
});

describe("account set-up links by e-mail", () => {
  it("sends the link in the new user's language, and the user sets a password from the e-mail", async () => {
    signInAs(admin);
    await withInbox({}, async (inbox) => {
      const result = await users.createUser({
        name: "Nell New",
        email: "nell@mail.test",
        locale: "EN",
        isAdmin: false,
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.data.delivery).toEqual({ kind: "EMAILED", to: "nell@mail.test" });
      const [mail] = inbox.messages;
      expect(mail!.subject).toBe("Your account for MSC Evaluations");
      expect(mail!.text).toContain("Hello Nell New,");
      const token = /https:\/\/msc\.example\.org\/invitations\/account\/([^\s]+)/.exec(mail!.text)?.[1];
      expect(token).toBeDefined();
      const done = await userMutations.completeAccountSetup({
        token: token!,
        name: "Nell New",
        password: "a long enough password",
      });
      expect(done).toMatchObject({ userId: result.data.userId, email: "nell@mail.test" });
      expect((await mailEvents(result.data.userId)).map((event) => event.after)).toEqual([
        { purpose: "account_setup", to: "nell@mail.test" },
      ]);
    });
  });

  it("sends a fresh link in Spanish to a pending Spanish-speaking user", async () => {
    signInAs(admin);
    const created = await userMutations.createUser(admin.id, {
      name: "Paz Pendiente",
      email: "paz@mail.test",
      locale: "ES",
      isAdmin: false,
    });
    if ("rejected" in created) throw new Error(created.rejected);
    await withInbox({}, async (inbox) => {
      const result = await users.issueAccountSetupLink({ userId: created.userId });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.data.delivery).toEqual({ kind: "EMAILED", to: "paz@mail.test" });
      expect(inbox.messages[0]!.subject).toBe("Su cuenta en Evaluaciones MSC");
      expect(inbox.messages[0]!.text).toContain("Hola, Paz Pendiente:");
    });
  });
});
