/**
 * Reminders to the panelists who have not voted, against a real PostgreSQL and a real SMTP
 * conversation: who gets one (and who never does), one message per panelist in their language,
 * the lead's text kept in the body, a refused address, rounds that take no reminder, the ten-minute
 * throttle and two leads at once, the roles refused, and the installation without a mail server.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { buildMembership, buildUser } from "@/tests/factories";
import { actingUser, signInAs, signOut } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { type ReceivedMail, type SmtpInbox, withInbox as withInboxFrom } from "@/tests/support/smtp-inbox";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { addScreenedStories, createSelectionWorld, type SelectionWorld } from "./selection-world";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let world: SelectionWorld;
let actions: typeof import("@/lib/selection/actions");
let rounds: typeof import("@/lib/selection/round-mutations");
let reminders: typeof import("@/lib/selection/reminder-mutations");
let ballots: typeof import("@/lib/selection/ballot-mutations");

const SENDER = "MSC Evaluations <no-reply@msc.example.org>";
const DEADLINE = new Date("2030-03-15T17:00:00Z");
const TEN_MINUTES = 10 * 60_000;

// On each round's panel: two who have not voted (English, Spanish), one who has, one whose panelist
// role was taken away, one whose account is disabled. Another panelist of the evaluation sits elsewhere.
const english = buildUser({ name: "Emma English", email: "emma@panel.test", locale: "EN" });
const spanish = buildUser({ name: "Sofía Español", email: "sofia@panel.test", locale: "ES" });
const voter = buildUser({ name: "Victor Voted", email: "victor@panel.test", locale: "EN" });
const former = buildUser({ name: "Fermín Former", email: "fermin@panel.test" });
const disabled = buildUser({
  name: "Dora Disabled",
  email: "dora@panel.test",
  disabledAt: new Date("2026-01-01T00:00:00Z"),
});
const offPanel = buildUser({ name: "Olga Offpanel", email: "olga@panel.test" });
const secondLead = buildUser({ name: "Lorenzo Lead", email: "lorenzo@panel.test" });
const NEVER_REMINDED = [voter, former, disabled, offPanel].map((user) => user.email);

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url, "https://msc.example.org");
  world = await createSelectionWorld(database.prisma);
  const { evaluationId } = world;
  await database.prisma.user.createMany({ data: [english, spanish, voter, former, disabled, offPanel, secondLead] });
  await database.prisma.evaluationMember.createMany({
    data: [
      ...[english, spanish, voter, disabled, offPanel].map((user) =>
        buildMembership({ evaluationId, userId: user.id, roles: ["PANELIST"] }),
      ),
      buildMembership({ evaluationId, userId: former.id, roles: ["EVALUATOR"] }),
      buildMembership({ evaluationId, userId: secondLead.id, roles: ["LEAD"] }),
    ],
  });
  [actions, rounds, reminders, ballots] = await Promise.all([
    import("@/lib/selection/actions"),
    import("@/lib/selection/round-mutations"),
    import("@/lib/selection/reminder-mutations"),
    import("@/lib/selection/ballot-mutations"),
  ]);
});

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  signOut();
});

afterAll(async () => {
  await database?.close();
});

const lead = () => ({ actorId: world.lead.id, evaluationId: world.evaluationId });

/** A round with one candidate, its panel seated as described above; opened and voted on by `voter` unless told otherwise. */
async function roundFor(options: { name?: string; status?: "DRAFT" | "OPEN" } = {}) {
  const [storyId] = await addScreenedStories(database.prisma, world, world.domainId, 1);
  const panel = await rounds.createPanel({
    ...lead(),
    name: "Reminder panel",
    level: "DOMAIN",
    domainId: world.domainId,
    memberIds: [english.id, spanish.id, voter.id],
  });
  if (!panel.ok) throw new Error(JSON.stringify(panel));
  // Seated while they were panelists; since then one lost the role and one was disabled.
  await database.prisma.panelMember.createMany({
    data: [former, disabled].map((user) => ({
      evaluationId: world.evaluationId,
      panelId: panel.panelId,
      userId: user.id,
    })),
  });
  const round = await rounds.createRound({
    ...lead(),
    panelId: panel.panelId,
    name: options.name ?? "Ronda de prueba",
    method: "APPROVAL",
    scoreScaleMax: null,
    selectCount: null,
    deadline: DEADLINE,
    resultsHiddenUntilClosed: true,
    storyIds: [storyId!],
  });
  if (!round.ok) throw new Error(JSON.stringify(round));
  if (options.status === "DRAFT") return round.roundId;
  expect(await rounds.openRound({ ...lead(), roundId: round.roundId, expectedVersion: 1 })).toEqual({ ok: true });
  const cast = await ballots.castBallots({
    actorId: voter.id,
    evaluationId: world.evaluationId,
    roundId: round.roundId,
    votes: [{ storyId: storyId!, approved: true, rank: null, score: null, reason: "Un cambio que se sostiene." }],
  });
  expect(cast).toMatchObject({ ok: true });
  return round.roundId;
}

const withInbox = <T>(options: { refuseRecipients?: string[] }, run: (inbox: SmtpInbox) => Promise<T>) =>
  withInboxFrom(SENDER, options, run);

const send = (roundId: string, text: string) =>
  actions.sendSelectionReminder({ evaluationId: world.evaluationId, roundId, text });
const events = (roundId: string, action: string | string[]) =>
  database.prisma.auditEvent.findMany({
    where: { recordId: roundId, action: { in: [action].flat() } },
    orderBy: { sequence: "asc" },
  });
const mailTo = (inbox: { messages: ReceivedMail[] }, email: string) =>
  inbox.messages.find((mail) => mail.to.includes(email));
const roundLink = (roundId: string) =>
  `https://msc.example.org/evaluations/${world.evaluationId}/selection/rounds/${roundId}`;
const lastReminderAt = async (roundId: string) =>
  (await database.prisma.selectionRound.findUniqueOrThrow({ where: { id: roundId } })).lastReminderAt;

describe("a reminder by e-mail", () => {
  it("goes to each panelist who has not voted, alone in its To, in their language, with the round, deadline, text and link", async () => {
    const roundId = await roundFor({ name: "Ronda 1: dominio de libertad sindical" });
    signInAs(world.lead);
    const text = "Su voto ayuda a decidir qué cambio contamos al financiador.";
    await withInbox({}, async (inbox) => {
      const result = await send(roundId, text);
      expect(result).toEqual({
        ok: true,
        data: { reminded: 2, delivery: { kind: "EMAILED", emailed: 2, failed: [] } },
      });

      expect(inbox.messages.map((mail) => mail.to).sort()).toEqual([[english.email], [spanish.email]]);
      for (const mail of inbox.messages) {
        const other = mail.to[0] === english.email ? spanish.email : english.email;
        const whole = `${mail.headers}\n${mail.text}`;
        expect(whole).not.toContain(other);
        for (const email of NEVER_REMINDED) expect(whole).not.toContain(email);
        expect(mail.headers.split("\r\n")).toContain(`To: ${mail.to[0]}`);
        expect(mail.headers).not.toMatch(/^(Cc|Bcc):/im);
        expect(mail.text).toContain(roundLink(roundId));
        expect(mail.text).toContain(text);
        expect(mail.headers).toMatch(/^Content-Type: text\/plain; charset=utf-8$/im);
      }

      const en = mailTo(inbox, english.email)!;
      expect(en.subject).toBe("Reminder: your vote in the selection round “Ronda 1: dominio de libertad sindical”");
      expect(en.text).toContain("Hello Emma English,");
      expect(en.text).toContain("closes on March 15, 2030 at 5:00 PM (UTC)");
      expect(en.text).toContain(`${world.lead.name} adds:`);
      const es = mailTo(inbox, spanish.email)!;
      expect(es.subject).toBe("Recordatorio: su voto en la ronda de selección «Ronda 1: dominio de libertad sindical»");
      expect(es.text).toContain("Hola, Sofía Español:");
      expect(es.text).toContain("cierra el 15 de marzo de 2030 a las 5:00 p.m. (UTC)");
      expect(es.text).toContain(`${world.lead.name} agrega:`);
    });

    // Recorded first, then one audited attempt per panelist, naming the recipient and never the text.
    const trail = await events(roundId, ["selection.round.remind", "mail.sent", "mail.failed"]);
    expect(trail.map((event) => event.action)).toEqual(["selection.round.remind", "mail.sent", "mail.sent"]);
    expect(trail[0]!.after).toMatchObject({ text, channel: "EMAIL" });
    expect((trail[0]!.after as { panelistIds: string[] }).panelistIds.sort()).toEqual([english.id, spanish.id].sort());
    expect(
      trail
        .slice(1)
        .map((event) => event.after)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([
      { purpose: "selection_reminder", to: english.email, userId: english.id },
      { purpose: "selection_reminder", to: spanish.email, userId: spanish.id },
    ]);
    for (const event of trail.slice(1)) {
      expect(event).toMatchObject({
        actorId: world.lead.id,
        evaluationId: world.evaluationId,
        recordType: "SelectionRound",
      });
      expect(JSON.stringify([event.before, event.after])).not.toContain("financiador");
    }
  });

  it("keeps line breaks and header lines of the text (and of the round's name) in the body: no header, no recipient added", async () => {
    const roundId = await roundFor({ name: "Ronda\r\nBcc: intruso@evil.test\r\nX-Injected: sí" });
    signInAs(world.lead);
    const text =
      "Hola\r\nBcc: intruso@evil.test\r\nSubject: Falso\r\n\r\n.\r\nRCPT TO:<intruso@evil.test>\r\nFin del mensaje";
    await withInbox({}, async (inbox) => {
      expect(await send(roundId, text)).toMatchObject({ ok: true, data: { delivery: { emailed: 2, failed: [] } } });
      expect(inbox.messages).toHaveLength(2);
      for (const mail of inbox.messages) {
        expect(mail.to).toHaveLength(1);
        expect(mail.to[0]).not.toContain("evil.test");
        expect(mail.headers).not.toMatch(/^(Bcc|Cc|X-Injected):/im);
        expect(mail.headers.match(/^Subject:/gim)).toHaveLength(1);
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.subject).toContain("Ronda Bcc: intruso@evil.test X-Injected: sí");
        // The whole text arrives, the lone dot line included, as words in the body.
        expect(mail.text).toContain(
          "Hola\nBcc: intruso@evil.test\nSubject: Falso\n\n.\nRCPT TO:<intruso@evil.test>\nFin del mensaje",
        );
      }
    });
  });

  it("tells the lead by name whom it failed for when the server refuses an address, and still e-mails the others", async () => {
    const roundId = await roundFor();
    signInAs(world.lead);
    await withInbox({ refuseRecipients: [english.email] }, async (inbox) => {
      const result = await send(roundId, "Por favor vote.");
      expect(result).toEqual({
        ok: true,
        data: { reminded: 2, delivery: { kind: "EMAILED", emailed: 1, failed: ["Emma English"] } },
      });
      expect(inbox.messages.map((mail) => mail.to)).toEqual([[spanish.email]]);
    });
    const attempts = await events(roundId, ["mail.sent", "mail.failed"]);
    expect(attempts.map((event) => [event.action, (event.after as { to: string }).to]).sort()).toEqual([
      ["mail.failed", english.email],
      ["mail.sent", spanish.email],
    ]);
    expect(await events(roundId, "selection.round.remind")).toHaveLength(1);
  });
});

describe("a reminder without a mail server", () => {
  it("is recorded for the lead to copy and send, and nothing is e-mailed or audited as mail", async () => {
    const roundId = await roundFor();
    signInAs(world.lead);
    expect(await send(roundId, "Por favor vote.")).toEqual({
      ok: true,
      data: { reminded: 2, delivery: { kind: "NOT_CONFIGURED" } },
    });
    const [recorded] = await events(roundId, "selection.round.remind");
    expect(recorded!.after).toMatchObject({ channel: "COPIED_BY_LEAD", text: "Por favor vote." });
    expect(await events(roundId, ["mail.sent", "mail.failed"])).toHaveLength(0);
  });
});

describe("rounds that take no reminder", () => {
  it("refuses a draft, closed or cancelled round and one past its deadline, sending and recording nothing", async () => {
    signInAs(world.lead);
    const draft = await roundFor({ status: "DRAFT" });
    const closed = await roundFor();
    expect(await rounds.closeRound({ ...lead(), roundId: closed, expectedVersion: 2 })).toMatchObject({ ok: true });
    const cancelled = await roundFor();
    expect(await rounds.cancelRound({ ...lead(), roundId: cancelled, expectedVersion: 2 })).toMatchObject({ ok: true });
    const late = await roundFor();

    await withInbox({}, async (inbox) => {
      for (const roundId of [draft, closed, cancelled]) {
        expect(await send(roundId, "Por favor vote.")).toEqual({
          ok: false,
          error: "REJECTED",
          reason: "ROUND_NOT_OPEN",
        });
      }
      const afterDeadline = await reminders.recordReminder({
        ...lead(),
        roundId: late,
        text: "Tarde.",
        channel: "EMAIL",
        now: new Date(DEADLINE.getTime() + 1),
      });
      expect(afterDeadline).toEqual({ ok: false, reason: "DEADLINE_PASSED" });
      expect(inbox.messages).toHaveLength(0);
    });
    for (const roundId of [draft, closed, cancelled, late]) {
      expect(await events(roundId, ["selection.round.remind", "mail.sent", "mail.failed"])).toHaveLength(0);
      expect(await lastReminderAt(roundId)).toBeNull();
    }
  });

  it("refuses when everyone still on the panel has voted, and leaves the round unclaimed", async () => {
    const roundId = await roundFor();
    const storyId = (await database.prisma.roundCandidate.findFirstOrThrow({ where: { roundId } })).storyId;
    for (const panelist of [english, spanish]) {
      const cast = await ballots.castBallots({
        actorId: panelist.id,
        evaluationId: world.evaluationId,
        roundId,
        votes: [{ storyId, approved: false, rank: null, score: null, reason: "No es el cambio más significativo." }],
      });
      expect(cast).toMatchObject({ ok: true });
    }
    signInAs(world.lead);
    // The former panelist and the disabled one have not voted, yet nobody is left to remind.
    expect(await send(roundId, "Por favor vote.")).toEqual({ ok: false, error: "REJECTED", reason: "EVERYONE_VOTED" });
    expect(await lastReminderAt(roundId)).toBeNull();
    expect(await events(roundId, "selection.round.remind")).toHaveLength(0);
  });
});

describe("the throttle", () => {
  it("refuses a second reminder within ten minutes, with nothing sent, and takes one after", async () => {
    const roundId = await roundFor();
    signInAs(world.lead);
    await withInbox({}, async (inbox) => {
      expect(await send(roundId, "Primero.")).toMatchObject({ ok: true });
      expect(await send(roundId, "Segundo.")).toEqual({ ok: false, error: "REJECTED", reason: "REMINDED_RECENTLY" });
      expect(inbox.messages).toHaveLength(2);
    });
    const first = (await lastReminderAt(roundId))!;
    const at = (ms: number) =>
      reminders.recordReminder({
        ...lead(),
        roundId,
        text: "Más tarde.",
        channel: "COPIED_BY_LEAD",
        now: new Date(first.getTime() + ms),
      });
    expect(await at(TEN_MINUTES - 1_000)).toEqual({ ok: false, reason: "REMINDED_RECENTLY" });
    expect(await at(TEN_MINUTES)).toMatchObject({ ok: true });
    expect(await at(TEN_MINUTES + 60_000)).toEqual({ ok: false, reason: "REMINDED_RECENTLY" });
    expect(await events(roundId, "selection.round.remind")).toHaveLength(2);
  });

  it("lets exactly one of two leads clicking at once send, and each panelist gets one e-mail", async () => {
    const roundId = await roundFor();
    await withInbox({}, async (inbox) => {
      // The session answers whoever was signed in when each call starts.
      signInAs(world.lead);
      const first = send(roundId, "De la primera líder.");
      signInAs(secondLead);
      const second = send(roundId, "Del segundo líder.");
      const results = await Promise.all([first, second]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toEqual([
        { ok: false, error: "REJECTED", reason: "REMINDED_RECENTLY" },
      ]);
      expect(inbox.messages.map((mail) => mail.to[0]).sort()).toEqual([english.email, spanish.email].sort());
    });
    expect(await events(roundId, "selection.round.remind")).toHaveLength(1);
    expect(await events(roundId, "mail.sent")).toHaveLength(2);
  });

  it("holds under many reminders racing on one round: one recorded", async () => {
    const roundId = await roundFor();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        reminders.recordReminder({
          ...lead(),
          actorId: i % 2 ? secondLead.id : world.lead.id,
          roundId,
          text: `Intento ${i}`,
          channel: "COPIED_BY_LEAD",
        }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => (result as { reason: string }).reason)).toEqual(
      Array(5).fill("REMINDED_RECENTLY"),
    );
    expect(await events(roundId, "selection.round.remind")).toHaveLength(1);
  });

  it("does not make the lead's close stale: the round's version is unchanged", async () => {
    const roundId = await roundFor();
    expect(
      await reminders.recordReminder({ ...lead(), roundId, text: "Ya casi.", channel: "COPIED_BY_LEAD" }),
    ).toMatchObject({ ok: true });
    expect(await rounds.closeRound({ ...lead(), roundId, expectedVersion: 2 })).toMatchObject({ ok: true });
  });
});

describe("who may send a reminder", () => {
  it("refuses every role but the lead (and an outsider finds no round), e-mailing and recording nothing", async () => {
    const roundId = await roundFor();
    const admin = buildUser({ name: "Ada Admin", isAdmin: true });
    await database.prisma.user.create({ data: admin });
    const { members, outsider } = world.team;
    const callers: Array<[CurrentUser, string]> = [
      [actingUser(english), "FORBIDDEN"],
      [actingUser(members.evaluator!), "FORBIDDEN"],
      [actingUser(members.analyst!), "FORBIDDEN"],
      [actingUser(members.reviewer!), "FORBIDDEN"],
      [actingUser(admin), "FORBIDDEN"],
      [actingUser(outsider), "NOT_FOUND"],
    ];
    await withInbox({}, async (inbox) => {
      for (const [caller, error] of callers) {
        signInAs(caller);
        expect(await send(roundId, "Por favor vote."), caller.name).toEqual({ ok: false, error });
      }
      signOut();
      expect(await send(roundId, "Por favor vote.")).toEqual({ ok: false, error: "UNAUTHENTICATED" });
      expect(inbox.messages).toHaveLength(0);
    });
    expect(await events(roundId, ["selection.round.remind", "mail.sent", "mail.failed"])).toHaveLength(0);
    expect(await lastReminderAt(roundId)).toBeNull();
  });
});
