/**
 * The text of the e-mails, in the recipient's language. Plain text only: no HTML to sanitise, and
 * every mail client shows it. An invitee's language is not known yet, so invitations carry both
 * languages, Spanish first (the language of the fieldwork).
 */
import type { EvaluationRole } from "@/lib/generated/prisma/enums";
import { INTL_LOCALE } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import type { OutgoingMail } from "./transport";

type Language = "es" | "en";

const languageOf = (locale: "ES" | "EN"): Language => (locale === "EN" ? "en" : "es");

function formatExpiry(locale: Language, expiresAt: Date): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(expiresAt);
}

/** On one line: a name with a line break (or any control character) cannot start a header of its own. */
const oneLine = (value: string) => value.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, " ");

function section(
  locale: Language,
  kind: "invitation" | "accountSetup" | "selectionReminder",
  values: Record<string, string>,
) {
  const t = translatorFor(locale);
  return {
    subject: oneLine(t(`mail.${kind}.subject`, values)),
    body: `${t(`mail.${kind}.body`, values)}\n\n-- \n${t("mail.signature")}`,
  };
}

export function invitationMail(input: {
  to: string;
  evaluationName: string;
  inviterName: string;
  roles: readonly EvaluationRole[];
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  const [es, en] = (["es", "en"] as const).map((locale) => {
    const t = translatorFor(locale);
    const roles = new Intl.ListFormat(INTL_LOCALE[locale], { type: "conjunction" }).format(
      input.roles.map((role) => t(`roles.${role}`)),
    );
    return section(locale, "invitation", {
      evaluation: input.evaluationName,
      inviter: input.inviterName,
      roles,
      link: input.link,
      expires: formatExpiry(locale, input.expiresAt),
    });
  });
  return {
    to: input.to,
    subject: `${es!.subject} · ${en!.subject}`,
    text: `${es!.body}\n\n${"=".repeat(40)}\n\n${en!.body}\n`,
  };
}

export function accountSetupMail(input: {
  to: string;
  name: string;
  locale: "ES" | "EN";
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  const locale = languageOf(input.locale);
  const { subject, body } = section(locale, "accountSetup", {
    name: input.name,
    email: input.to,
    link: input.link,
    expires: formatExpiry(locale, input.expiresAt),
  });
  return { to: input.to, subject, text: `${body}\n` };
}

/**
 * A lead's text as the body of a plain-text e-mail: line endings made one kind and control
 * characters other than line breaks and tabs dropped. It only ever goes in the body, after the
 * headers, so it cannot add a header or a recipient.
 */
function plainText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "");
}

/** A reminder to one panelist who has not voted, in their own language, with the lead's text. */
export function selectionReminderMail(input: {
  to: string;
  name: string;
  locale: "ES" | "EN";
  roundName: string;
  deadline: Date;
  leadName: string;
  text: string;
  link: string;
}): OutgoingMail {
  const locale = languageOf(input.locale);
  const { subject, body } = section(locale, "selectionReminder", {
    name: oneLine(input.name),
    round: oneLine(input.roundName),
    deadline: formatExpiry(locale, input.deadline),
    lead: oneLine(input.leadName),
    text: plainText(input.text),
    link: input.link,
  });
  return { to: input.to, subject, text: `${body}\n` };
}
