/**
 * How a one-time link (invitation, account set-up) reached its recipient: by e-mail, or shown to
 * the person who created it because no mail server is set up or the send failed. An e-mailed link
 * is not shown: only the recipient holds it. Every attempt to send is audited, without the link.
 */
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { sendMail, type OutgoingMail } from "./transport";

export type LinkDelivery = { kind: "EMAILED"; to: string } | { kind: "SHOWN"; link: string; sendFailed: boolean };

export async function deliverLink(input: {
  link: string;
  mail: OutgoingMail;
  /** What the e-mail carries, for the audit trail: e.g. "invitation", "account_setup". */
  purpose: string;
  actorId: string;
  evaluationId: string | null;
  recordType: string;
  recordId: string;
  ipAddress?: string | null;
}): Promise<LinkDelivery> {
  const outcome = await sendMail(input.mail);
  if (outcome === "NOT_CONFIGURED") return { kind: "SHOWN", link: input.link, sendFailed: false };
  await db().$transaction((tx) =>
    recordAudit(tx, {
      evaluationId: input.evaluationId,
      actorId: input.actorId,
      action: outcome === "SENT" ? "mail.sent" : "mail.failed",
      recordType: input.recordType,
      recordId: input.recordId,
      after: { purpose: input.purpose, to: input.mail.to },
      ipAddress: input.ipAddress,
    }),
  );
  return outcome === "SENT" ? { kind: "EMAILED", to: input.mail.to } : { kind: "SHOWN", link: input.link, sendFailed: true };
}
