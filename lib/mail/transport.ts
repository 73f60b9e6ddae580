/**
 * Outgoing mail through the operator's SMTP server (SMTP_URL, MAIL_FROM). Optional: without it
 * `sendMail` answers NOT_CONFIGURED and callers show the link instead. Sending happens after the
 * database transaction has committed, so a slow or failing mail server never holds a lock or
 * undoes the record it announces.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { mailEnvSchema, parseEnv, type MailEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

export type OutgoingMail = { to: string; subject: string; text: string };
export type SendOutcome = "SENT" | "FAILED" | "NOT_CONFIGURED";

/** Read on every send (cheap), so an operator's change applies on the next restart and tests can switch it. */
export function mailSettings(): MailEnv {
  return parseEnv(mailEnvSchema, process.env);
}

/** Whether outgoing mail is set up: pages say how a message will travel before anyone sends it. */
export function mailConfigured(): boolean {
  const { SMTP_URL, MAIL_FROM } = mailSettings();
  return Boolean(SMTP_URL && MAIL_FROM);
}

let transport: { url: string; transporter: Transporter } | undefined;

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) {
    transport?.transporter.close();
    // Short timeouts: the person who invited is waiting for the answer.
    transport = {
      url,
      transporter: nodemailer.createTransport(url, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  }
  return transport.transporter;
}

export async function sendMail(mail: OutgoingMail): Promise<SendOutcome> {
  const { SMTP_URL, MAIL_FROM } = mailSettings();
  if (!SMTP_URL || !MAIL_FROM) return "NOT_CONFIGURED";
  try {
    await transporterFor(SMTP_URL).sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return "SENT";
  } catch (error) {
    // The code only: a server's reply can echo the address or the message.
    logger.warn({ code: (error as { code?: unknown }).code ?? "UNKNOWN" }, "an e-mail could not be sent");
    return "FAILED";
  }
}
