/**
 * What became of an outgoing e-mail. Every attempt to send is audited (`mail.sent` /
 * `mail.failed`, with the recipient and the purpose, never the message), each in its own short
 * transaction after the change it announces has committed.
 *
 * A one-time link (invitation, account set-up) reaches its recipient by e-mail, or is shown to the
 * person who created it because no mail server is set up or the send failed. An e-mailed link is
 * not shown: only the recipient holds it.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { sendMail, type OutgoingMail, type SendOutcome } from "./transport";

export type LinkDelivery = { kind: "EMAILED"; to: string } | { kind: "SHOWN"; link: string; sendFailed: boolean };

/** Who sent what about which record: the audit event's fields besides the outcome. */
export type MailAuditContext = {
  /** What the e-mail carries, for the audit trail: e.g. "invitation", "account_setup". */
  purpose: string;
  actorId: string;
  evaluationId: string | null;
  recordType: string;
  recordId: string;
  /** More about the recipient than the address, e.g. their user id. Never the message. */
  recipient?: Record<string, string>;
  ipAddress?: string | null;
};

/** Sends one e-mail and audits the attempt; NOT_CONFIGURED sends nothing and audits nothing. */
export async function sendAuditedMail(mail: OutgoingMail, context: MailAuditContext): Promise<SendOutcome> {
  const outcome = await sendMail(mail);
  if (outcome === "NOT_CONFIGURED") return outcome;
  await db().$transaction((tx) =>
    recordAudit(tx, {
      evaluationId: context.evaluationId,
      actorId: context.actorId,
      action: outcome === "SENT" ? "mail.sent" : "mail.failed",
      recordType: context.recordType,
      recordId: context.recordId,
      after: { ...context.recipient, purpose: context.purpose, to: mail.to },
      ipAddress: context.ipAddress,
    }),
  );
  return outcome;
}

export async function deliverLink(
  input: { link: string; mail: OutgoingMail } & MailAuditContext,
): Promise<LinkDelivery> {
  const { link, mail, ...context } = input;
  const outcome = await sendAuditedMail(mail, context);
  if (outcome === "NOT_CONFIGURED") return { kind: "SHOWN", link, sendFailed: false };
  return outcome === "SENT" ? { kind: "EMAILED", to: mail.to } : { kind: "SHOWN", link, sendFailed: true };
}
