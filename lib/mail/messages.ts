/**
 * The text of the e-mails, in the recipient's language. Plain text only: no HTML to sanitise, and
 * every mail client shows it. An invitee's language is not known yet, so invitations carry both
 * languages, Spanish first (the language of the fieldwork).
 */
import { createTranslator } from "next-intl";
import type { EvaluationRole } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n/messages";
import type { OutgoingMail } from "./transport";

type Language = "es" | "en";

function translatorFor(locale: Language) {
  return createTranslator({ locale, messages: messages[locale] });
}

function formatExpiry(locale: Language, expiresAt: Date): string {
  return new Intl.DateTimeFormat(locale === "es" ? "es-MX" : "en-US", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(expiresAt);
}

function section(locale: Language, kind: "invitation" | "accountSetup", values: Record<string, string>) {
  const t = translatorFor(locale);
  return { subject: t(`mail.${kind}.subject`, values).replace(/[\r\n]+/g, " "), body: `${t(`mail.${kind}.body`, values)}\n\n-- \n${t("mail.signature")}` };
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
    const roles = new Intl.ListFormat(locale, { type: "conjunction" }).format(input.roles.map((role) => t(`roles.${role}`)));
    return section(locale, "invitation", {
      evaluation: input.evaluationName,
      inviter: input.inviterName,
      roles,
      link: input.link,
      expires: formatExpiry(locale, input.expiresAt),
    });
  });
  return { to: input.to, subject: `${es!.subject} · ${en!.subject}`, text: `${es!.body}\n\n${"=".repeat(40)}\n\n${en!.body}\n` };
}

export function accountSetupMail(input: { to: string; name: string; locale: "ES" | "EN"; link: string; expiresAt: Date }): OutgoingMail {
  const locale: Language = input.locale === "EN" ? "en" : "es";
  const { subject, body } = section(locale, "accountSetup", {
    name: input.name,
    email: input.to,
    link: input.link,
    expires: formatExpiry(locale, input.expiresAt),
  });
  return { to: input.to, subject, text: `${body}\n` };
}
