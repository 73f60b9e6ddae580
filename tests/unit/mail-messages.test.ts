/** The e-mails' text: recipient's language, both languages for an invitee, no header injection. */
import { describe, expect, it } from "vitest";
import { accountSetupMail, invitationMail, selectionReminderMail } from "@/lib/mail/messages";

const expiresAt = new Date("2026-12-01T15:30:00Z");

describe("invitation e-mail", () => {
  const mail = invitationMail({
    to: "a@example.org",
    evaluationName: "USMCA 2024-2025",
    inviterName: "Lucía Líder",
    roles: ["EVALUATOR", "ANALYST"],
    link: "https://msc.example.org/invitations/abc",
    expiresAt,
  });

  it("speaks Spanish first, then English, with the roles, the link and the expiry in each", () => {
    const [es, en] = mail.text.split("=".repeat(40));
    expect(es).toContain(
      "Lucía Líder le invita a participar en la evaluación «USMCA 2024-2025» como Evaluador/a y Analista.",
    );
    expect(es).toContain("1 de diciembre de 2026");
    expect(en).toContain(
      "Lucía Líder invites you to take part in the evaluation “USMCA 2024-2025” as Evaluator and Analyst.",
    );
    expect(en).toContain("December 1, 2026");
    for (const part of [es, en]) expect(part).toContain("https://msc.example.org/invitations/abc");
  });

  it("never lets a name break out of the subject line", () => {
    const hostile = invitationMail({
      ...{ to: "a@example.org", inviterName: "x", roles: ["LEAD"], link: "l", expiresAt },
      evaluationName: "Evil\r\nBcc: victim@example.org",
    });
    expect(hostile.subject).not.toMatch(/[\r\n]/);
  });
});

describe("account set-up e-mail", () => {
  it("is in the user's own language", () => {
    expect(accountSetupMail({ to: "n@example.org", name: "Nora", locale: "EN", link: "L", expiresAt }).subject).toBe(
      "Your account for MSC Evaluations",
    );
    const es = accountSetupMail({ to: "n@example.org", name: "Nora", locale: "ES", link: "L", expiresAt });
    expect(es.subject).toBe("Su cuenta en Evaluaciones MSC");
    expect(es.text).toContain("Hola, Nora:");
    expect(es.text).toContain("(n@example.org)");
  });
});

describe("selection reminder e-mail", () => {
  const reminder = (overrides: Partial<Parameters<typeof selectionReminderMail>[0]> = {}) =>
    selectionReminderMail({
      to: "p@example.org",
      name: "Pía Panelista",
      locale: "ES",
      roundName: "Ronda 1",
      deadline: expiresAt,
      leadName: "Lucía Líder",
      text: "Por favor vote.",
      link: "https://msc.example.org/evaluations/e/selection/rounds/r",
      ...overrides,
    });

  it("is in the panelist's language, with the round, the deadline for that language, the lead's text and the link", () => {
    const es = reminder();
    expect(es.subject).toBe("Recordatorio: su voto en la ronda de selección «Ronda 1»");
    expect(es.text).toContain("1 de diciembre de 2026");
    expect(es.text).toContain("Lucía Líder agrega:\n\nPor favor vote.");
    expect(es.text).toContain("https://msc.example.org/evaluations/e/selection/rounds/r");
    const en = reminder({ locale: "EN", name: "Pat Panelist" });
    expect(en.subject).toBe("Reminder: your vote in the selection round “Ronda 1”");
    expect(en.text).toContain("Hello Pat Panelist,");
    expect(en.text).toContain("December 1, 2026");
  });

  it("keeps a hostile round name on one subject line and the lead's text as plain lines, ICU braces and all", () => {
    const mail = reminder({
      roundName: "R\r\nBcc: x@evil.test\u2028\u0007",
      text: "a\r\nb\rc\u0000\u001b[31m {round} {count, plural, one {#} other {#}}",
    });
    expect(mail.subject).toBe("Recordatorio: su voto en la ronda de selección «R Bcc: x@evil.test »");
    expect(mail.text).toContain("a\nb\nc[31m {round} {count, plural, one {#} other {#}}");
    expect(mail.text).not.toMatch(/[\r\u0000\u001b]/);
  });
});
